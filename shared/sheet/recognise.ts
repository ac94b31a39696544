// From a sheet's text to a Grid: which template, which years and periods, which rows are
// communes, which is the total row. Pure: the same code serves files of any writer.
import { columnKey, columnsOf, type Grid, type GridRow } from '../grid';
import type { GridSpot } from '../rules';
import { TEMPLATES, type Layout, type TemplateDef } from '../templates';
import { MARK, markState } from '../text/marks';
import { fold } from '../text/normalize';
import { readHeader, type HeaderBlock } from './header';
import { columnLetter, textAt, type SheetText } from './types';

export interface RecognisedSheet {
  sheet: string;
  template: TemplateDef;
  grid: Grid;
  /** The printed total row, raw text by column key; absent when the sheet has none. */
  printedTotals?: Record<string, string>;
  /** File row of each commune row, parallel to grid.rows. */
  rowNumbers: number[];
  totalRow?: number;
  /** File column of each column key. */
  columns: Record<string, number>;
  nameCol: number;
  /**
   * Texts of the cells above the header (title lines), top to bottom and left to right, each
   * distinct text once: a merged title reads as the same text in every cell it spans.
   */
  titles: string[];
  /**
   * Header columns the template does not know (a "Ghi chú" added beside the grid): ignored, each
   * an info finding `column.unrecognized` (issue 9: a known grid is never refused for them).
   */
  unknownColumns?: { col: number; row: number; title: string }[];
}

export type Recognition = { ok: true; sheet: RecognisedSheet } | { ok: false; reason: string };

/** A1 address of a spot of a recognised sheet, or null for a whole-sheet finding. */
export function locate(rs: RecognisedSheet, spot: GridSpot): string | null {
  const row = spot.row === 'total' ? rs.totalRow : spot.row === null ? undefined : rs.rowNumbers[spot.row];
  if (row === undefined) return null;
  const col = spot.col === 'name' || spot.col === null ? rs.nameCol : rs.columns[spot.col];
  return col === undefined ? null : `${columnLetter(col)}${row}`;
}

/** The leaves a Phụ lục header can hold; any other is a column no template knows. */
const KNOWN_LEAVES = new Set(['MĐ1', 'MĐ2', 'MĐ3', 'Đạt', 'KĐ', 'Đánh giá']);

function chooseTemplate(h: HeaderBlock, titles: string): TemplateDef | null {
  const leaves = new Set(h.columns.map((c) => c.leaf).filter((l) => KNOWN_LEAVES.has(l)));
  const fits = (t: TemplateDef) =>
    [...leaves].every((l) => t.marks.includes(l) || l === t.assessment) &&
    t.marks.some((m) => leaves.has(m));
  const named = (t: TemplateDef, text: string) => t.keywords.some((k) => ` ${text} `.includes(k));
  return (
    TEMPLATES.find((t) => fits(t) && named(t, h.text)) ?? TEMPLATES.find((t) => fits(t) && named(t, titles)) ?? null
  );
}

function groupOf(t: TemplateDef, c: HeaderBlock['columns'][number]): string | null {
  if (c.period) return c.period;
  if (!c.year) return null;
  if (t.ages) return c.age && t.ages.includes(c.age) ? `${c.year}/${c.age}` : null;
  return c.year;
}

// "Tổng toàn huyện", "Tổng cộng", "Cộng"… but never a commune such as Tổng Cột (seed 001, STT 17).
const TOTAL_LABEL = /^(tong toan|tong cong|tong so|tong$|cong\b)/;
const isCount = (t: string) => /^\d+$/.test(t);

export function recogniseSheet(s: SheetText): Recognition {
  const hr = readHeader(s);
  if (!hr.ok) return hr;
  const h = hr.header;
  const titleRows = [...s.rows.keys()].filter((r) => r < h.top).sort((a, b) => a - b);
  const titles = [...new Set(titleRows.flatMap((r) => [...s.rows.get(r)!.values()]))];
  const template = chooseTemplate(h, fold(titles.join(' ')));
  if (!template) return { ok: false, reason: 'tiêu đề cột không khớp với biểu mẫu nào (Phụ lục 1–4)' };

  const layout: Layout = { results: [], periods: [] };
  const columns: Record<string, number> = {};
  const unknownColumns: { col: number; row: number; title: string }[] = [];
  for (const c of h.columns) {
    if (!template.marks.includes(c.leaf) && c.leaf !== template.assessment) {
      unknownColumns.push({ col: c.col, row: h.top, title: c.path.join(' / ') });
      continue;
    }
    const group = groupOf(template, c);
    if (!group) {
      // A mark column we cannot place would be data silently dropped: refuse the sheet instead.
      if (template.marks.includes(c.leaf) || c.leaf === template.assessment) {
        return { ok: false, reason: `không rõ năm hoặc giai đoạn của cột ${columnLetter(c.col)} ("${c.path.join(' / ')}")` };
      }
      continue;
    }
    if (c.period && !layout.periods.includes(c.period)) layout.periods.push(c.period);
    if (!c.period && c.year && !layout.results.includes(c.year)) layout.results.push(c.year);
    columns[columnKey(group, c.leaf)] = c.col;
  }
  const known = columnsOf(template, layout);
  if (!known.some((k) => k.kind === 'mark' && columns[k.key] !== undefined)) {
    return { ok: false, reason: 'không nhận ra năm hoặc giai đoạn của các cột đánh dấu' };
  }

  const rows: GridRow[] = [];
  const rowNumbers: number[] = [];
  let printedTotals: Record<string, string> | undefined;
  let totalRow: number | undefined;
  const totalTexts: Record<string, string> = {};
  const lastRow = Math.max(...s.rows.keys());
  for (let r = h.leafRow + 1; r <= lastRow; r++) {
    const stt = textAt(s, r, h.sttCol);
    const name = textAt(s, r, h.nameCol);
    if (!stt && !name) continue; // blank row, or data with neither number nor name: not a commune
    if (/^ghi chu/.test(fold(stt || name))) break;
    if (r === h.leafRow + 1 && isColumnNumbers(stt, name)) continue;
    const label = isCount(stt) ? '' : fold(stt || name);
    if (TOTAL_LABEL.test(label) && !isCount(stt)) {
      totalRow = r;
      printedTotals = {};
      for (const k of known) {
        const t = columns[k.key] === undefined ? '' : textAt(s, r, columns[k.key]);
        if (k.kind === 'mark') printedTotals[k.key] = t;
        else if (t) totalTexts[k.key] = t;
      }
      break;
    }
    const values: Record<string, string> = {};
    for (const k of known) {
      if (columns[k.key] === undefined) continue;
      const t = textAt(s, r, columns[k.key]);
      if (!t) continue;
      // A mark is a mark however it was typed (x, X, ×); anything else is kept as written.
      values[k.key] = k.kind === 'mark' && markState(t) === 'mark' ? MARK : t;
    }
    // A numbered row without a name: a line left blank to fill is no commune, but one that holds
    // values is a commune whose name was cleared or never typed. It stays, named "", so its values
    // are not lost unseen: the rules tell of it, and a commune's form stores it under the commune
    // its file name names.
    if (!name && !Object.keys(values).length) continue;
    rows.push({ unit: name, values });
    rowNumbers.push(r);
  }

  return {
    ok: true,
    sheet: {
      sheet: s.name,
      template,
      grid: { template: template.id, layout, rows, totalTexts },
      printedTotals,
      rowNumbers,
      totalRow,
      columns,
      nameCol: h.nameCol,
      titles,
      ...(unknownColumns.length ? { unknownColumns } : {}),
    },
  };
}

function isColumnNumbers(stt: string, name: string): boolean {
  const n = (t: string) => t.replace(/[()]/g, '');
  return n(stt) === '1' && n(name) === '2';
}
