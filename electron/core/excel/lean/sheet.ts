// One worksheet's XML to the text the recogniser reads, with exceljs's semantics kept exactly
// (tests/unit/lean-read.test.ts compares the two on every fixture): numbers as JavaScript prints
// them, formulas by their cached result, a merged range's text repeated in every cell of it.
import type { SheetText } from '../../../../shared/sheet/types';
import { cleanText } from '../../../../shared/text/normalize';
import { needsFont } from '../cells';
import { LIMITS, ReadError, REFUSED } from '../limits';
import type { Styles } from './styles';
import { attr, decodeXml, elements, runsText, section, Unsure } from './xml';

interface RawCell {
  /** The value as stored (shared strings resolved), before cleaning. */
  raw: string;
  /** Text cells are cleaned; numbers, booleans and errors are shown as exceljs shows them. */
  isText: boolean;
  /** A formula's cached result rather than a stored value. */
  formula?: true;
  style: number | undefined;
}

/** A sheet's cells by row and column, merged ranges already spread (exceljs's semantics). */
export interface RawSheet {
  cells: Map<number, Map<number, RawCell>>;
}

/** "AB12" → row 12, column 28: one to three capitals, then digits (what every writer writes). */
function address(ref: string): { row: number; col: number } {
  let col = 0;
  let i = 0;
  for (let ch = ref.charCodeAt(0); ch >= 65 && ch <= 90 && i < 3; ch = ref.charCodeAt(++i)) col = col * 26 + ch - 64;
  let row = 0;
  const digits = i;
  for (let ch = ref.charCodeAt(i); ch >= 48 && ch <= 57; ch = ref.charCodeAt(++i)) row = row * 10 + ch - 48;
  if (col === 0 || i === digits || i !== ref.length || row === 0) throw new Unsure(`address ${ref}`);
  return { row, col };
}

/**
 * A cell's r, s and t attributes: one pass over ` r="B5" s="12" t="s"`, in any order. A name is
 * told by its one letter between XML white space, without cutting it out of the tag (every cell
 * of every sheet comes here).
 */
function cellAttrs(tag: string): { r?: string; s?: string; t?: string } {
  const out: { r?: string; s?: string; t?: string } = {};
  for (let i = 0; i < tag.length; ) {
    const eq = tag.indexOf('="', i);
    if (eq < 0) break;
    const end = tag.indexOf('"', eq + 2);
    if (end < 0) throw new Unsure('attribute not closed');
    let a = i;
    while (a < eq && tag.charCodeAt(a) <= 32) a++;
    let b = eq;
    while (b > a && tag.charCodeAt(b - 1) <= 32) b--;
    if (b - a === 1) {
      const name = tag.charCodeAt(a);
      if (name === 114) out.r = tag.slice(eq + 2, end);
      else if (name === 115) out.s = tag.slice(eq + 2, end);
      else if (name === 116) out.t = tag.slice(eq + 2, end);
    }
    i = end + 1;
  }
  return out;
}

function number(v: string): string {
  const n = parseFloat(v);
  if (Number.isNaN(n)) throw new Unsure(`number ${v}`);
  return String(n);
}

/** The value between `<v>` and `</v>` of a cell's body, entities replaced. */
function vOf(body: string): string | undefined {
  const open = body.indexOf('<v>');
  if (open < 0) {
    if (body.includes('<v ')) throw new Unsure('<v> with attributes');
    return undefined;
  }
  const close = body.indexOf('</v>', open);
  if (close < 0) throw new Unsure('<v> not closed');
  return decodeXml(body.slice(open + 3, close));
}

/** A cell's value as exceljs would give it, or null when it has none. */
function cellValue(t: string | undefined, body: string, shared: string[], styles: Styles, s: number | undefined): RawCell | null {
  const v = vOf(body);
  if (body.includes('<f')) {
    // A formula: its cached result, typed by t (a result of 0 or false included, cells.ts).
    if (!v) return null;
    if (t === 'str') return { raw: v, isText: true, formula: true, style: s };
    if (t === 'b') return { raw: String(parseInt(v, 10) !== 0), isText: false, formula: true, style: s };
    if (t === 'e') return { raw: v, isText: false, formula: true, style: s };
    if (styles.isDate(s)) throw new Unsure('date');
    return { raw: number(v), isText: false, formula: true, style: s };
  }
  switch (t) {
    case 'inlineStr': {
      const is = elements(body, 'is')[0];
      return is?.body == null ? null : { raw: runsText(is.body), isText: true, style: s };
    }
    case 's': {
      if (v === undefined) return null;
      const text = shared[parseInt(v, 10)];
      if (text === undefined) throw new Unsure(`shared string ${v}`);
      return { raw: text, isText: true, style: s };
    }
    case 'str':
      return v === undefined ? null : { raw: v, isText: true, style: s };
    case 'b':
      return v === undefined ? null : { raw: String(parseInt(v, 10) !== 0), isText: false, style: s };
    case 'e':
      return v === undefined ? null : { raw: v, isText: false, style: s };
    case undefined:
    case 'n':
      if (v === undefined) return null;
      if (styles.isDate(s)) throw new Unsure('date');
      return { raw: number(v), isText: false, style: s };
    default:
      throw new Unsure(`cell type ${t}`);
  }
}

const byNumber = (a: number, b: number) => a - b;

// Keys of positions in a Set: rows and columns of a sheet stay far below these bounds.
const COLS = 20_000;
const key = (row: number, col: number) => row * COLS + col;

interface Merge {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** The merged ranges, and every position they cover but their top-left one. */
function mergesOf(xml: string): { merges: Merge[]; covered: Set<number> } {
  const merges: Merge[] = [];
  const covered = new Set<number>();
  let area = 0;
  const at = xml.lastIndexOf('<mergeCells');
  if (at < 0) return { merges, covered };
  for (const m of elements(xml.slice(at, xml.indexOf('</mergeCells>', at)), 'mergeCell')) {
    const [from, to] = (attr(m.tag, 'ref') ?? '').split(':');
    if (!to) continue;
    const a = address(from);
    const b = address(to);
    const range = { top: a.row, left: a.col, bottom: b.row, right: b.col };
    // exceljs would spread each one cell by cell (an 11 KB file merging J1:XFD1048576 ran it out
    // of memory): refused by both readers, by the same count (guard.ts).
    area += (range.bottom - range.top + 1) * (range.right - range.left + 1);
    if (area > LIMITS.mergedCells) throw new ReadError(REFUSED.merged);
    // Overlapping ranges make exceljs refuse the file: that verdict is left to it.
    for (const o of merges) {
      if (o.top <= range.bottom && range.top <= o.bottom && o.left <= range.right && range.left <= o.right) throw new Unsure('overlapping merges');
    }
    for (let r = range.top; r <= range.bottom; r++) {
      for (let c = range.left; c <= range.right; c++) if (r !== range.top || c !== range.left) covered.add(key(r, c));
    }
    merges.push(range);
  }
  return { merges, covered };
}

/** `<row s>` and `<col style>`: the style exceljs gives a merged cell the file does not have. */
function lineStyles(xml: string): { byRow: Map<number, number>; byCol: { min: number; max: number; style: number }[] } {
  const byRow = new Map<number, number>();
  for (const row of xml.matchAll(/<row\b([^>]*)>/g)) {
    if (/[\t\n\r]/.test(row[1])) throw new Unsure('white space in <row>');
    const r = attr(row[1], 'r');
    const s = attr(row[1], 's');
    if (r !== undefined && s !== undefined) byRow.set(Number(r), Number(s));
  }
  const byCol: { min: number; max: number; style: number }[] = [];
  for (const c of elements(section(xml, 'cols'), 'col')) {
    const style = attr(c.tag, 'style');
    if (style) byCol.push({ min: Number(attr(c.tag, 'min')), max: Number(attr(c.tag, 'max')), style: Number(style) });
  }
  return { byRow, byCol };
}

export function readRawSheet(xml: string, shared: string[], styles: Styles): RawSheet {
  const cells: RawSheet['cells'] = new Map();
  const { merges, covered } = mergesOf(xml);
  const data = section(xml, 'sheetData');
  // Cell by cell: `<c …/>` or `<c …>body</c>` (a cell holds no other <c>, and nothing else in
  // sheetData starts with "<c"). indexOf beats a regular expression with lazy parts here.
  for (let i = data.indexOf('<c'); i >= 0; ) {
    const gt = data.indexOf('>', i);
    if (gt < 0) throw new Unsure('<c> not closed');
    const closed = data.charCodeAt(gt - 1) === 47;
    const tag = data.slice(i + 2, closed ? gt - 1 : gt);
    let body = '';
    let next = gt + 1;
    if (!closed) {
      const end = data.indexOf('</c>', gt);
      if (end < 0) throw new Unsure('</c> missing');
      body = data.slice(gt + 1, end);
      next = end + 4;
    }
    i = data.indexOf('<c', next);
    // "<c" then a space: another element, or white space other than a space, is for exceljs.
    if (tag !== '' && tag.charCodeAt(0) !== 32) throw new Unsure(`element <c${tag.slice(0, 10)}>`);
    // An empty cell matters only under a merge, where its style gives the range's text a font.
    if (!body && !covered.size) continue;
    // Single-quoted attributes (legal XML, written by no spreadsheet) are left to exceljs.
    if (tag.includes("'")) throw new Unsure('single-quoted attribute');
    const { r: ref, s: sAttr, t } = cellAttrs(tag);
    // exceljs places a cell without an address after the previous one: rare, left to it.
    if (ref === undefined) throw new Unsure('cell without address');
    const at = address(ref);
    const style = sAttr === undefined ? undefined : Number(sAttr);
    const value = body ? cellValue(t, body, shared, styles, style) : null;
    if (value === null && (style === undefined || !covered.has(key(at.row, at.col)))) continue;
    let line = cells.get(at.row);
    if (!line) cells.set(at.row, (line = new Map()));
    line.set(at.col, value ?? { raw: '', isText: false, style });
  }
  // exceljs repeats a merged range's value in all its cells and keeps each cell's own style; a
  // cell the file does not have takes its row's font, else its column's.
  let lines: ReturnType<typeof lineStyles> | undefined;
  for (const m of merges) {
    const master = cells.get(m.top)?.get(m.left) ?? ({ raw: '', isText: false, style: undefined } as RawCell);
    for (let r = m.top; r <= m.bottom; r++) {
      for (let c = m.left; c <= m.right; c++) {
        if (r === m.top && c === m.left) continue;
        let line = cells.get(r);
        if (!line) cells.set(r, (line = new Map()));
        let style = line.get(c)?.style;
        if (!line.has(c)) {
          lines ??= lineStyles(xml);
          const byRow = lines.byRow.get(r);
          style = styles.font(byRow) !== undefined ? byRow : lines.byCol.find((k) => c >= k.min && c <= k.max)?.style;
        }
        // A cell is never changed once read: a copy in the master's own style is the master.
        line.set(c, style === master.style ? master : { ...master, style });
      }
    }
  }
  return { cells };
}

/**
 * The sheet's text as exceljs's eachRow / eachCell and valueText give it (cells.ts). Fonts are
 * recorded only in a workbook that has a legacy font: the legacy decoder is their one reader, and
 * without one it reads the text alone. A commune's form has none; keying the font of each of its
 * Vietnamese cells was a tenth of what parsing it allocated.
 */
export function toSheetText(name: string, raw: RawSheet, styles: Styles): SheetText {
  const { cells } = raw;
  const rows = new Map<number, Map<number, string>>();
  const fonts = new Map<string, string>();
  let colCount = 0;
  for (const r of [...cells.keys()].sort(byNumber)) {
    const line = cells.get(r)!;
    const out = new Map<number, string>();
    // Cells come in the file's order, left to right; only a merge may have added one out of it.
    const cols = [...line.keys()];
    if (cols.some((c, k) => k > 0 && c < cols[k - 1])) cols.sort(byNumber);
    for (const c of cols) {
      const cell = line.get(c)!;
      const t = cell.isText ? cleanText(cell.raw) : cell.raw;
      if (t === '') continue;
      out.set(c, t);
      if (c > colCount) colCount = c;
      if (styles.legacy && needsFont(t)) {
        const font = styles.font(cell.style);
        if (font) fonts.set(`${r}:${c}`, font);
      }
    }
    if (out.size) rows.set(r, out);
  }
  return { name, rows, fonts, colCount };
}

/** Column A's stored texts from row 1 down to the first blank (a form's origin chunks). */
export function columnA(raw: RawSheet): string[] {
  const out: string[] = [];
  for (let r = 1; ; r++) {
    const cell = raw.cells.get(r)?.get(1);
    if (!cell?.isText || cell.formula || cell.raw === '') return out;
    out.push(cell.raw);
  }
}
