// Text from the field: NFC, collapsed spaces, and a folded form for search and matching
// (DOMAIN.md §6). Pure functions, no Node, no DOM.

import { memoText } from './memo';

const PLAIN = /^[\x21-\x7e]*$/;

// Titles, instructions and names recur in every file of a batch: remembered (memo.ts).
const cleanMemo = memoText((value) => value.normalize('NFC').replace(/[\s\u00a0]+/g, ' ').trim(), 20_000);

/** NFC, trimmed, inner runs of white space (incl. non-breaking) collapsed to one space. */
export function cleanText(value: string): string {
  // Most cells of a grid are a mark or a number: nothing to normalise (and this runs per cell).
  return PLAIN.test(value) ? value : cleanMemo(value);
}

/** Lower case without tone marks: "Lương Thông" → "luong thong"; đ → d. */
export const fold = memoText(
  (value) =>
    cleanText(value)
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/đ/g, 'd')
      .replace(/Đ/g, 'D')
      .toLowerCase(),
  20_000,
);

// A unit's kind written before its name: "Xã Lương Thông", "X. Lương Thông", "P.3", "TT Hà Quảng".
// A prefix is a word of its own (a space or a dot after it) and is told by its tone marks as
// written: "Phương Trung" is a commune's name (there are many), not "Phường Trung"; "Xà Bang" is
// not "Xã Bang". Folded first, they would lose their first word. A name written without any
// Vietnamese letter at all ("Xa_Hoa_Binh" from a file name, a name typed without a Vietnamese
// keyboard) has only the bare spelling, and there "Xa", "Phuong", "Thi tran" count as prefixes.
const PREFIX_MARKED = /^(?:(?:xã|phường|thị trấn|đặc khu|tt)(?:\s+|\.\s*)|[xp]\.\s*)/;
const PREFIX_BARE = /^(?:(?:xa|phuong|thi tran|dac khu|tt)(?:\s+|\.\s*)|[xp]\.\s*)/;

/** Length of the kind prefix ("Xã ", "P.", "TT. ") at the start of a cleaned name; 0 when none. */
function prefixLength(clean: string): number {
  const lower = clean.toLowerCase();
  const m = (/^[\x00-\x7f]*$/.test(lower) ? PREFIX_BARE : PREFIX_MARKED).exec(lower);
  return m ? m[0].length : 0;
}

/**
 * The key two commune names are matched by: folded, prefixes "Xã", "P.", "TT." … dropped.
 * The rules key every commune of a grid and of its neighbours on each check, and the live check
 * runs on every keystroke: the same few thousand names, keyed once each.
 */
export const unitKey = memoText((name) => {
  const clean = cleanText(name);
  return fold(clean.slice(prefixLength(clean))).replace(/[.,]/g, '').replace(/\s+/g, ' ').trim();
}, 200_000);

/** "Lương Thông" → "Xã Lương Thông"; a name that already carries its kind is kept. */
export function unitLabel(name: string): string {
  // The space after: a name that is nothing but a kind ("Xã", a blank left to fill) is kept too.
  return prefixLength(`${cleanText(name)} `) ? name : `Xã ${name}`;
}

/** ASCII-safe file name part: "Cần Nông" → "Can_Nong". */
export function asciiName(name: string): string {
  return (
    fold(name)
      .replace(/[^a-z0-9]+/g, '_')
      .replace(/^_|_$/g, '')
      .split('_')
      .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
      .join('_')
      // A file name: file systems take 255 bytes at most; a unit's name may be anything.
      .slice(0, ASCII_NAME_MAX)
      .replace(/_$/, '')
  );
}

/** The longest asciiName: room for a prefix, a "_2" and an extension within 255 bytes. */
export const ASCII_NAME_MAX = 100;

/** Whether a message is written in Vietnamese (has a Vietnamese letter): what a user may be shown. */
export function isVietnameseText(text: string): boolean {
  return /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữự]/i.test(text.normalize('NFC'));
}
