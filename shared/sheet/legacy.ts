// A sheet's legacy-encoded cells (TCVN3, VNI; DOMAIN.md §6) turned into Unicode before anything
// reads them, with the list of what was converted, for the finding that tells the user
// ("Đã chuyển N ô từ mã TCVN3 sang Unicode (B7, B8, …)"). Pure: no Node, no DOM.
import { memoText } from '../text/memo';
import { cleanText } from '../text/normalize';
import { fontEncoding, legacyToUnicode, type LegacyEncoding } from '../text/legacy';
import { columnLetter, type SheetText } from './types';

export interface LegacyNote {
  encoding: LegacyEncoding;
  /** A1 addresses of the converted cells, row by row. */
  cells: string[];
}

const ORDER: LegacyEncoding[] = ['TCVN3', 'VNI'];

const byNumber = (a: number, b: number) => a - b;

/**
 * What the content alone says of a text (no legacy font involved): the same header, title and
 * name texts come in every file of a batch, and scoring them against both encodings is the
 * costly part of reading a commune's form.
 */
const byContent = memoText((text: string) => legacyToUnicode(text), 20_000);

/**
 * The common case, a sheet with no legacy font (large grids are read on every import): only a
 * cell holding a Latin-1 letter and no letter outside one byte could be legacy text, and its
 * decoding depends on its text alone. Null when nothing in the sheet is legacy.
 */
function decodeByContent(s: SheetText): { sheet: SheetText; notes: LegacyNote[] } | null {
  // In the map's own order: nearly always nothing is converted, and the cells are put in reading
  // order only when something is (sorting every row of every sheet was a tenth of what a batch's
  // parse allocated).
  const found: { r: number; c: number; encoding: LegacyEncoding; decoded: string }[] = [];
  // forEach: a for…of over entries makes a [key, value] pair per cell.
  s.rows.forEach((row, r) =>
    row.forEach((text, c) => {
      if (!LATIN1_ONLY.test(text)) return;
      const legacy = byContent(text);
      if (!legacy) return;
      const decoded = cleanText(legacy.text);
      if (decoded !== text) found.push({ r, c, encoding: legacy.encoding, decoded });
    }),
  );
  if (!found.length) return null;
  found.sort((a, b) => a.r - b.r || a.c - b.c);
  const rows = new Map([...s.rows].map(([k, v]) => [k, new Map(v)]));
  const converted = new Map<LegacyEncoding, string[]>();
  for (const f of found) {
    rows.get(f.r)!.set(f.c, f.decoded);
    const list = converted.get(f.encoding) ?? [];
    list.push(`${columnLetter(f.c)}${f.r}`);
    converted.set(f.encoding, list);
  }
  const notes = ORDER.filter((e) => converted.has(e)).map((encoding) => ({ encoding, cells: converted.get(encoding)! }));
  return { sheet: { ...s, rows }, notes };
}

// Some character of 0x80–0xFF (or a Windows-1252 C1 stand-in), and none a single byte cannot hold.
const LATIN1_ONLY = /^(?=.*[\u0080-\u00ff\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122])[\u0000-\u00ff\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]*$/s;

/** Whether a cell of the sheet is in a legacy font: the few font names are told once each. */
function anyLegacyFont(s: SheetText): boolean {
  let last: string | undefined;
  for (const f of s.fonts.values()) {
    if (f === last) continue;
    if (fontEncoding(f)) return true;
    last = f;
  }
  return false;
}

/**
 * A new sheet with every legacy cell in Unicode (NFC, cleaned), told by the cell's font first and
 * its content second; and the cells converted, per encoding (only cells whose text changed).
 * Cells read under a legacy font lose that font in the new sheet: their text is Unicode now, and
 * the font would have a second decoding garble it again.
 */
export function decodeSheet(s: SheetText): { sheet: SheetText; notes: LegacyNote[] } {
  if (!anyLegacyFont(s)) return decodeByContent(s) ?? { sheet: s, notes: [] };
  const rows = new Map<number, Map<number, string>>();
  const fonts = new Map(s.fonts);
  // The font each cell is read under, own or inherited (below).
  const fontAt = new Map<string, string | undefined>();
  const converted = new Map<LegacyEncoding, string[]>();

  for (const r of [...s.rows.keys()].sort(byNumber)) {
    const row = s.rows.get(r)!;
    const out = new Map<number, string>();
    for (const c of [...row.keys()].sort(byNumber)) {
      const key = `${r}:${c}`;
      const text = row.get(c)!;
      // exceljs repeats a merged range's text in every cell of the range but gives the font to
      // the top-left cell only (the "stt" header of a .VnTimeH column, merged over three rows,
      // has its font in the top cell). A cell with no font and the same text as its left or
      // upper neighbour is taken to be of the same range, hence in that neighbour's font.
      let font = s.fonts.get(key);
      if (font === undefined && row.get(c - 1) === text) font = fontAt.get(`${r}:${c - 1}`);
      if (font === undefined && s.rows.get(r - 1)?.get(c) === text) font = fontAt.get(`${r - 1}:${c}`);
      fontAt.set(key, font);

      const legacy = legacyToUnicode(text, font);
      if (!legacy) {
        out.set(c, text);
        continue;
      }
      const decoded = cleanText(legacy.text);
      out.set(c, decoded);
      if (fontEncoding(s.fonts.get(key))) fonts.delete(key);
      if (decoded !== text) {
        const list = converted.get(legacy.encoding) ?? [];
        list.push(`${columnLetter(c)}${r}`);
        converted.set(legacy.encoding, list);
      }
    }
    rows.set(r, out);
  }

  const notes = ORDER.filter((e) => converted.has(e)).map((encoding) => ({ encoding, cells: converted.get(encoding)! }));
  return { sheet: { ...s, rows, fonts }, notes };
}
