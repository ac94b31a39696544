// Reading a count sheet from a sheet's text (DOMAIN.md §9.1): the two header rows, which template
// (every count column of it present), the year from the lines above, the commune rows, the "Cộng"
// row and the cells by kind. Pure: the same code serves every writer's files (the lean reader,
// exceljs, SheetJS all give the same SheetText).
import { columnLetter, textAt, type SheetText } from '../sheet/types';
import { headingKey } from './key';
import { columnTitle, type CountColumn } from './kinds';
import { COUNT_TEMPLATES, countColumns, rateKey, type CountTemplateDef } from './templates';
import type { CountRow, CountSheet, PrintedTotal } from './types';
import { who } from '../rules/describe';

/** A finding the reader itself makes: an unknown column, a cell that is not a count or a flag. */
export interface CountReadFinding {
  rule: 'column.unrecognized' | 'value.invalid';
  severity: 'info' | 'error';
  row: number | 'total' | null;
  /** A column key, 'name', or null for a header cell (then `cell` says where). */
  col: string | 'name' | null;
  /** A1 address when the finding is at a cell with no key (a header cell). */
  cell?: string;
  unit: string | null;
  message: string;
}

export interface RecognisedCountSheet extends CountSheet {
  /** File row of each commune row, parallel to rows. */
  rowNumbers: number[];
  totalRow?: number;
  /** File column of each key the sheet has (count, rate, 'stt', 'unit', 'dbkk'). */
  columns: Record<string, number>;
  /** What the reader found wrong in the sheet's own cells. */
  notes: CountReadFinding[];
  /** The lines above the header ("ỦY BAN NHÂN DÂN HUYỆN MẪU", the title…): which district it is. */
  titles?: string[];
}

export type CountRecognition = { ok: true; sheet: RecognisedCountSheet } | { ok: false; reason: string } | null;

const UNIT_KEYS = new Set(['don vi', 'don vi dieu tra', 'ten don vi', 'ten don vi xa thi tran']);

/** A1 address of a finding's spot in a count sheet (the unit cell for 'name'), or null. */
export function locateCount(rs: RecognisedCountSheet, spot: { row: number | 'total' | null; col: string | null }): string | null {
  const row = spot.row === 'total' ? rs.totalRow : spot.row === null ? undefined : rs.rowNumbers[spot.row];
  if (row === undefined) return null;
  const col = spot.col === 'name' || spot.col === null ? rs.columns.unit : rs.columns[spot.col];
  return col === undefined ? null : `${columnLetter(col)}${row}`;
}

/** A whole count ≥ 0 ("1250", "1.250", "1 250"), null for blank, 'invalid' for anything else. */
export function parseCountCell(text: string): number | null | 'invalid' {
  const t = text.trim();
  if (t === '') return null;
  if (/^\d+$/.test(t)) return Number(t);
  if (/^\d{1,3}([. ]\d{3})+$/.test(t)) return Number(t.replace(/[. ]/g, ''));
  return 'invalid';
}

/** A printed rate on the 0–100 scale ("89,99%", "89.99", 89.99), or null when it is none. */
export function parseRateCell(text: string): number | null {
  const t = text.trim().replace(/%$/, '').trim().replace(',', '.');
  if (!/^-?\d+(\.\d+)?$/.test(t)) return null;
  return Number(t);
}

function parseFlag(text: string): boolean | 'invalid' {
  const t = text.trim();
  if (t === '') return false;
  return t === 'x' || t === 'X' || t === '×' ? true : 'invalid';
}

function findGroupRow(s: SheetText): { row: number; sttCol: number; unitCol: number } | null {
  const isTT = (t: string) => t.length <= 6 && /^s?tt$/.test(headingKey(t));
  for (const r of [...s.rows.keys()].sort((a, b) => a - b)) {
    const line = s.rows.get(r)!;
    // Most rows hold no "TT" / "STT" (a short cell): sorted and searched only when one does.
    let any = false;
    for (const t of line.values()) if (isTT(t)) any = true;
    if (!any) continue;
    const cells = [...line.entries()].sort((a, b) => a[0] - b[0]);
    for (const [c, t] of cells) {
      if (!isTT(t)) continue;
      const unit = cells.find(([c2, t2]) => c2 > c && UNIT_KEYS.has(headingKey(t2)));
      if (unit) return { row: r, sttCol: c, unitCol: unit[0] };
    }
  }
  return null;
}

interface HeaderCol {
  col: number;
  single: boolean;
  group: string;
  leaf: string;
  /** "group key|leaf key", what a count column is matched by. */
  key: string;
}

function headerColumns(s: SheetText, top: number, sttCol: number): HeaderCol[] {
  const g = s.rows.get(top) ?? new Map<number, string>();
  const l = s.rows.get(top + 1) ?? new Map<number, string>();
  const last = Math.max(sttCol, ...[...g.keys(), ...l.keys()]);
  const out: HeaderCol[] = [];
  let leftGroup = '';
  for (let c = sttCol; c <= last; c++) {
    const gt = g.get(c) ?? '';
    const lt = l.get(c) ?? '';
    if (!gt && !lt) continue;
    // A merged range repeats its text in every cell it covers: a vertical merge reads as the
    // same text in both rows, which is how a single heading shows in the sheet's text.
    const single = lt === '' || lt === gt;
    const group = single ? gt : gt || leftGroup;
    leftGroup = group;
    out.push({ col: c, single, group, leaf: single ? '' : lt, key: single ? '' : `${headingKey(group)}|${headingKey(lt)}` });
  }
  return out;
}

// Each template's count columns by "group key|leaf key", built once.
const BY_KEY = new Map<CountTemplateDef['id'], Map<string, CountColumn>>(
  COUNT_TEMPLATES.map((t) => [t.id, new Map(countColumns(t).map((c) => [`${headingKey(c.group)}|${headingKey(c.leaf)}`, c]))]),
);

// Every count column's leaf key, of every template: a leaf row with none of them is no count header.
const LEAF_KEYS = new Set(COUNT_TEMPLATES.flatMap((t) => countColumns(t).map((c) => headingKey(c.leaf))));

function hasCountLeaf(leafRow: Map<number, string> | undefined): boolean {
  if (leafRow) for (const t of leafRow.values()) if (LEAF_KEYS.has(headingKey(t))) return true;
  return false;
}

// What every count title's key begins with ("thong ke dat chuan"): a line without it names none.
const TITLE_STEM = COUNT_TEMPLATES.map((t) => t.titleKey).reduce((a, b) => {
  let n = 0;
  while (n < a.length && a[n] === b[n]) n++;
  return a.slice(0, n);
});

/**
 * The count template whose title is among the lines above the header (order does not matter; the
 * first template listed wins). Every Phụ lục sheet comes here, its lines repeated across merged
 * cells: each text is keyed once, and only a line holding the stem is compared with each title.
 */
function titledAs(s: SheetText, top: number): CountTemplateDef | undefined {
  const keys: string[] = [];
  let last: string | undefined;
  for (const [r, line] of s.rows) {
    if (r >= top) continue;
    for (const t of line.values()) {
      if (t === last) continue;
      last = t;
      const k = headingKey(t);
      if (k.includes(TITLE_STEM)) keys.push(k);
    }
  }
  return keys.length ? COUNT_TEMPLATES.find((t) => keys.some((k) => k.includes(t.titleKey))) : undefined;
}

function missingColumn(t: CountTemplateDef, header: HeaderCol[]): CountColumn {
  return countColumns(t).find((c) => !header.some((h) => countMatch(t, h) === c))!;
}

// The same keys as a list per template: a sheet is of a template when its header has them all.
const BY_KEY_LIST = new Map<CountTemplateDef['id'], string[]>([...BY_KEY].map(([id, m]) => [id, [...m.keys()]]));

function countMatch(t: CountTemplateDef, h: HeaderCol): CountColumn | undefined {
  return h.single ? undefined : BY_KEY.get(t.id)!.get(h.key);
}

/** The year (§9.1): "Thời điểm" lines first, then title lines; the four digits after "năm". */
function readYear(lines: string[], t: CountTemplateDef): string | null {
  const keys = lines.map(headingKey);
  const ordered = [...keys.filter((k) => k.startsWith('thoi diem')), ...keys.filter((k) => k.includes(t.titleKey))];
  for (const k of ordered) {
    const m = /(?:^| )nam (\d{4})(?: |$)/.exec(k);
    if (m) return m[1];
  }
  return null;
}

const isWhole = (t: string) => /^\(?\d+\)?$/.test(t.trim());
const TOTAL = (k: string) => k === 'cong' || k === 'tong cong' || k.startsWith('tong toan');

/**
 * The sheet as a count sheet: ok with its rows; refused (a count title without every count
 * column, or no year); or null when it is no count sheet (the Phụ lục recogniser is asked then).
 */
export function recogniseCountSheet(s: SheetText): CountRecognition {
  const found = findGroupRow(s);
  if (!found) return null;
  const { row: top, sttCol, unitCol } = found;
  // Every Phụ lục sheet has a TT / đơn vị row too and comes this far. Its leaf row holds no count
  // column's leaf: then no template can match, and only a count title above can make it refused
  // (the batch reads every sheet of every file through here first; bench/ab-batch.ts).
  if (!hasCountLeaf(s.rows.get(top + 1))) {
    const titled = titledAs(s, top);
    if (!titled) return null;
    return { ok: false, reason: `thiếu cột "${columnTitle(missingColumn(titled, headerColumns(s, top, sttCol)))}"` };
  }
  const header = headerColumns(s, top, sttCol);
  // Every Phụ lục sheet has a TT / Tên xã row too and comes this far: the template is told by a
  // set lookup per count column, and the lines above the header are gathered only for a count
  // sheet (the batch reads every sheet of every file through here first; bench/ab-batch.ts).
  const keys = new Set(header.map((h) => h.key));
  const template = COUNT_TEMPLATES.find((t) => BY_KEY_LIST.get(t.id)!.every((k) => keys.has(k)));
  if (!template) {
    const titled = titledAs(s, top);
    if (!titled) return null;
    return { ok: false, reason: `thiếu cột "${columnTitle(missingColumn(titled, header))}"` };
  }
  // The lines above the header in reading order (the year is read from the first that has one).
  const above: string[] = [];
  for (const r of [...s.rows.keys()].filter((r) => r < top).sort((a, b) => a - b)) {
    for (const [, t] of [...s.rows.get(r)!.entries()].sort((a, b) => a[0] - b[0])) if (t.trim() && above[above.length - 1] !== t) above.push(t);
  }
  const year = readYear(above, template);
  if (!year) return { ok: false, reason: 'không rõ năm của biểu' };

  const notes: CountReadFinding[] = [];
  const columns: Record<string, number> = { stt: sttCol, unit: unitCol };
  let lastCount: { key: string; group: string } | null = null;
  const unknown = (h: HeaderCol) => {
    const title = h.single ? h.group : `${h.group} / ${h.leaf}`;
    notes.push({
      rule: 'column.unrecognized',
      severity: 'info',
      row: null,
      col: null,
      cell: `${columnLetter(h.col)}${h.single ? top : top + 1}`,
      unit: null,
      message: `Trang "${s.name}": cột ${columnLetter(h.col)} ("${title}") không thuộc biểu ${template.formCode}; đã bỏ qua cột này.`,
    });
  };
  for (const h of header) {
    if (h.col === sttCol || h.col === unitCol) continue;
    if (h.single) {
      if (/(^| )dbkk( |$)/.test(headingKey(h.group)) && columns.dbkk === undefined) columns.dbkk = h.col;
      else unknown(h);
      lastCount = null;
      continue;
    }
    if (headingKey(h.leaf) === 'ti le') {
      // The rate of the nearest count column on its left in the same group; a second one is unknown.
      const key = lastCount && headingKey(lastCount.group) === headingKey(h.group) ? rateKey(lastCount.key) : null;
      if (key && template.columns.some((c) => c.key === key) && columns[key] === undefined) columns[key] = h.col;
      else unknown(h);
      continue;
    }
    const c = countMatch(template, h);
    if (c && columns[c.key] === undefined) {
      columns[c.key] = h.col;
      lastCount = { key: c.key, group: h.group };
    } else {
      unknown(h);
      lastCount = null;
    }
  }

  const counts = countColumns(template);
  const rates = template.columns.filter((c) => c.kind === 'rate' && columns[c.key] !== undefined);
  const rows: CountRow[] = [];
  const rowNumbers: number[] = [];
  const printedRates: Record<string, number>[] = [];
  let printedTotal: PrintedTotal | undefined;
  let totalRow: number | undefined;
  const lastRow = Math.max(...s.rows.keys());
  let start = top + 2;
  const numbersRow = s.rows.get(start);
  if (numbersRow && numbersRow.size >= 2 && [...numbersRow.values()].every(isWhole)) start++;

  const readRates = (r: number) => {
    const out: Record<string, number> = {};
    for (const c of rates) {
      const v = parseRateCell(textAt(s, r, columns[c.key]));
      if (v !== null) out[c.key] = v;
    }
    return out;
  };
  const candidates: number[] = [];
  for (let r = start; r <= lastRow; r++) {
    const unit = textAt(s, r, unitCol).trim();
    if (unit && TOTAL(headingKey(unit))) {
      totalRow = r;
      break;
    }
    candidates.push(r);
  }
  const communeRows =
    totalRow !== undefined
      ? candidates.filter((r) => textAt(s, r, unitCol).trim() !== '')
      : candidates.filter((r) => /^\d+$/.test(textAt(s, r, sttCol).trim()));
  for (const r of communeRows) {
    const unit = textAt(s, r, unitCol).normalize('NFC').trim().replace(/\s+/g, ' ');
    const index = rows.length;
    const values: Record<string, number | null> = {};
    for (const c of counts) {
      const text = textAt(s, r, columns[c.key]);
      const v = parseCountCell(text);
      if (v === 'invalid') {
        values[c.key] = null;
        notes.push({
          rule: 'value.invalid',
          severity: 'error',
          row: index,
          col: c.key,
          unit,
          message: `${who(unit)}: ô "${columnTitle(c)}" ghi "${text.trim()}", không phải số nguyên không âm; coi như thiếu số liệu.`,
        });
      } else values[c.key] = v;
    }
    let dbkk: boolean | null = null;
    if (columns.dbkk !== undefined) {
      const text = textAt(s, r, columns.dbkk);
      const f = parseFlag(text);
      if (f === 'invalid') {
        notes.push({
          rule: 'value.invalid',
          severity: 'error',
          row: index,
          col: 'dbkk',
          unit,
          message: `${who(unit)}: ô ĐBKK ghi "${text.trim()}"; chỉ được để trống hoặc đánh dấu x.`,
        });
      } else dbkk = f;
    }
    rows.push({ unit, year, counts: values, dbkk });
    rowNumbers.push(r);
    printedRates.push(readRates(r));
  }
  if (totalRow !== undefined) {
    const totals: Record<string, number | null> = {};
    const invalid: string[] = [];
    for (const c of counts) {
      const text = textAt(s, totalRow, columns[c.key]);
      const v = parseCountCell(text);
      if (v === 'invalid') {
        invalid.push(c.key);
        notes.push({
          rule: 'value.invalid',
          severity: 'error',
          row: 'total',
          col: c.key,
          unit: null,
          message: `Dòng Cộng, ${columnTitle(c)}: "${text.trim()}" không phải là một số đếm (số nguyên không âm).`,
        });
      } else totals[c.key] = v;
    }
    printedTotal = { counts: totals, invalid, rates: readRates(totalRow) };
  }
  return {
    ok: true,
    sheet: {
      sheet: s.name,
      template,
      year,
      rows,
      rateColumns: new Set(rates.map((c) => c.key)),
      printedRates,
      printedTotal,
      rowNumbers,
      totalRow,
      columns,
      notes,
      titles: above,
    },
  };
}
