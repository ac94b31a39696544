// Remembering a pure function of a text. The texts of a batch recur (titles, headers and names
// are the same in every commune's form, and the live check keys the same names on every
// keystroke): each is worked out once. The bound keeps a long session's memory flat; reaching it
// forgets everything at once, which costs less than tracking which text was used last.

/** `fn`, remembered for up to `max` distinct texts. `fn` must never return undefined. */
export function memoText<T>(fn: (text: string) => T, max: number): (text: string) => T {
  const seen = new Map<string, T>();
  return (text) => {
    let v = seen.get(text);
    if (v === undefined) {
      v = fn(text);
      if (seen.size >= max) seen.clear();
      seen.set(text, v);
    }
    return v;
  };
}
