// The vi-VN formatters of Intl, each made when first used. The first Intl object a page makes
// loads ICU's data for the locale: 33–49 ms in a fresh Chromium page on this machine kind,
// against under a millisecond for each one after. Made at a module's top level, that cost fell
// before the window's first screen, where nothing needs Intl (whole counts are grouped by hand,
// rates written from whole numbers: counts/arith.ts).

/** `make()`, called the first time the result is asked for and kept. */
function onFirstUse<T>(make: () => T): () => T {
  let made: T | undefined;
  return () => (made ??= make());
}

export const viNumber = (options?: Intl.NumberFormatOptions): (() => Intl.NumberFormat) => onFirstUse(() => new Intl.NumberFormat('vi-VN', options));

export const viDateTime = (options: Intl.DateTimeFormatOptions): (() => Intl.DateTimeFormat) => onFirstUse(() => new Intl.DateTimeFormat('vi-VN', options));
