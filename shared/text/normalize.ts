// Text from the field: NFC, collapsed spaces, and a folded form for search and matching
// (DOMAIN.md §6). Pure functions, no Node, no DOM.

/** NFC, trimmed, inner runs of white space (incl. non-breaking) collapsed to one space. */
export function cleanText(value: string): string {
  return value.normalize('NFC').replace(/[\s\u00a0]+/g, ' ').trim();
}

/** Lower case without tone marks: "Lương Thông" → "luong thong"; đ → d. */
export function fold(value: string): string {
  return cleanText(value)
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase();
}

const UNIT_PREFIX = /^(xa|x\.|phuong|p\.|thi tran|tt\.?|dac khu)\s*/;

/** The key two commune names are matched by: folded, prefixes "Xã", "P.", "TT." … dropped. */
export function unitKey(name: string): string {
  return fold(name).replace(UNIT_PREFIX, '').replace(/[.,]/g, '').replace(/\s+/g, ' ').trim();
}

/** "Lương Thông" → "Xã Lương Thông"; a name that already carries its kind is kept. */
export function unitLabel(name: string): string {
  return UNIT_PREFIX.test(fold(name)) ? name : `Xã ${name}`;
}

/** ASCII-safe file name part: "Cần Nông" → "Can_Nong". */
export function asciiName(name: string): string {
  return fold(name)
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_|_$/g, '')
    .split('_')
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join('_');
}
