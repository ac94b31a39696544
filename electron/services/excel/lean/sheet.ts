// One worksheet's XML to the text the recogniser reads, with exceljs's semantics kept exactly
// (tests/unit/lean-read.test.ts compares the two on every fixture): numbers as JavaScript prints
// them, formulas by their cached result, a merged range's text repeated in every cell of it.
import type { SheetText } from '../../../../shared/sheet/types';
import { cleanText } from '../../../../shared/text/normalize';
import { needsFont } from '../cells';
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

const A1 = /^([A-Z]{1,3})(\d+)$/;

function address(ref: string): { row: number; col: number } {
  const m = A1.exec(ref);
  if (!m) throw new Unsure(`address ${ref}`);
  let col = 0;
  for (let i = 0; i < m[1].length; i++) col = col * 26 + m[1].charCodeAt(i) - 64;
  return { row: Number(m[2]), col };
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
      const is = elements(body, 'is').next().value;
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
  const all = new Set<number>();
  for (const m of elements(section(xml, 'mergeCells'), 'mergeCell')) {
    const [from, to] = (attr(m.tag, 'ref') ?? '').split(':');
    if (!to) continue;
    const a = address(from);
    const b = address(to);
    if ((b.row - a.row + 1) * (b.col - a.col + 1) > 100_000) throw new Unsure('huge merge');
    for (let r = a.row; r <= b.row; r++) {
      for (let c = a.col; c <= b.col; c++) {
        // Overlapping ranges make exceljs refuse the file: that verdict is left to it.
        if (all.has(key(r, c))) throw new Unsure('overlapping merges');
        all.add(key(r, c));
        if (r !== a.row || c !== a.col) covered.add(key(r, c));
      }
    }
    merges.push({ top: a.row, left: a.col, bottom: b.row, right: b.col });
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

// A cell: its attributes, then either "/>" or its body up to "</c>" (a cell holds no other <c>).
const CELL = /<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g;

export function readRawSheet(xml: string, shared: string[], styles: Styles): RawSheet {
  const cells: RawSheet['cells'] = new Map();
  const { merges, covered } = mergesOf(xml);
  const data = section(xml, 'sheetData');
  for (const m of data.matchAll(CELL)) {
    const tag = m[1];
    const body = m[2];
    // An empty cell matters only under a merge, where its style gives the range's text a font.
    if (!body && !covered.size) continue;
    // attr() finds an attribute by its leading space: other white space is for exceljs.
    if (/[\t\n\r]/.test(tag)) throw new Unsure('white space in <c>');
    const ref = attr(tag, 'r');
    // exceljs places a cell without an address after the previous one: rare, left to it.
    if (ref === undefined) throw new Unsure('cell without address');
    const at = address(ref);
    const sAttr = attr(tag, 's');
    const style = sAttr === undefined ? undefined : Number(sAttr);
    const value = body ? cellValue(attr(tag, 't'), body, shared, styles, style) : null;
    if (value === null && (style === undefined || !covered.has(key(at.row, at.col)))) continue;
    let line = cells.get(at.row);
    if (!line) cells.set(at.row, (line = new Map()));
    line.set(at.col, value ?? { raw: '', isText: false, style });
  }
  // exceljs repeats a merged range's value in all its cells and keeps each cell's own style; a
  // cell the file does not have takes its row's font, else its column's.
  let lines: ReturnType<typeof lineStyles> | undefined;
  for (const m of merges) {
    const master = cells.get(m.top)?.get(m.left) ?? { raw: '', isText: false };
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
        line.set(c, { ...master, style });
      }
    }
  }
  return { cells };
}

/** The sheet's text as exceljs's eachRow / eachCell and valueText give it (cells.ts). */
export function toSheetText(name: string, raw: RawSheet, styles: Styles): SheetText {
  const { cells } = raw;
  const rows = new Map<number, Map<number, string>>();
  const fonts = new Map<string, string>();
  let colCount = 0;
  for (const [r, line] of [...cells].sort((a, b) => a[0] - b[0])) {
    const out = new Map<number, string>();
    for (const [c, cell] of [...line].sort((a, b) => a[0] - b[0])) {
      const t = cell.isText ? cleanText(cell.raw) : cell.raw;
      if (t === '') continue;
      out.set(c, t);
      if (c > colCount) colCount = c;
      if (needsFont(t)) {
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
