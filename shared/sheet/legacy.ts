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
  let rows: Map<number, Map<number, string>> | null = null;
  const converted = new Map<LegacyEncoding, string[]>();
  for (const r of [...s.rows.keys()].sort(byNumber)) {
    const row = s.rows.get(r)!;
    for (const c of [...row.keys()].sort(byNumber)) {
      const text = row.get(c)!;
      if (!LATIN1_ONLY.test(text)) continue;
      const legacy = byContent(text);
      if (!legacy) continue;
      const decoded = cleanText(legacy.text);
      if (decoded === text) continue;
      rows ??= new Map([...s.rows].map(([k, v]) => [k, new Map(v)]));
      rows.get(r)!.set(c, decoded);
      const list = converted.get(legacy.encoding) ?? [];
      list.push(`${columnLetter(c)}${r}`);
      converted.set(legacy.encoding, list);
    }
  }
  if (!rows) return null;
  const notes = ORDER.filter((e) => converted.has(e)).map((encoding) => ({ encoding, cells: converted.get(encoding)! }));
  return { sheet: { ...s, rows }, notes };
}

// Some character of 0x80–0xFF (or a Windows-1252 C1 stand-in), and none a single byte cannot hold.
const LATIN1_ONLY = /^(?=.*[\u0080-\u00ff\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122])[\u0000-\u00ff\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]*$/s;

/**
 * A new sheet with every legacy cell in Unicode (NFC, cleaned), told by the cell's font first and
 * its content second; and the cells converted, per encoding (only cells whose text changed).
 * Cells read under a legacy font lose that font in the new sheet: their text is Unicode now, and
 * the font would have a second decoding garble it again.
 */
export function decodeSheet(s: SheetText): { sheet: SheetText; notes: LegacyNote[] } {
  if (![...s.fonts.values()].some((f) => fontEncoding(f))) return decodeByContent(s) ?? { sheet: s, notes: [] };
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
