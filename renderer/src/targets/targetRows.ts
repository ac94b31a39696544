// The targets page's rows: the "Mục tiêu" sheet's nine cells as text (STT first, not used) and
// what the last check said of each. Pure: edits and pastes make new rows; a check's answer, which
// leaves out blank rows (the store drops them), is laid back onto the rows it concerns.
import type { TargetRowView } from '../../../shared/api';

export const WIDTH = 9;

export interface TargetRow {
  /** Stable while the page is open (AG Grid's row id). */
  key: number;
  cells: string[];
  /** '' until checked, and for a blank row. */
  status: TargetRowView['status'] | '';
  message: string;
}

let nextKey = 1;

export function newRow(cells: readonly string[] = []): TargetRow {
  return { key: nextKey++, cells: Array.from({ length: WIDTH }, (_, i) => cells[i] ?? ''), status: '', message: '' };
}

export function fromViews(views: readonly TargetRowView[]): TargetRow[] {
  return views.map((v) => ({ ...newRow(v.cells), status: v.status, message: v.message }));
}

/** A restored list laid onto the rows shown: row i keeps its grid row (and the focus on it). */
export function replaceRows(rows: readonly TargetRow[], views: readonly TargetRowView[]): TargetRow[] {
  return fromViews(views).map((r, i) => (rows[i] ? { ...r, key: rows[i].key } : r));
}

export const isBlank = (r: TargetRow) => r.cells.slice(1).every((c) => c.trim() === '');

/** One cell typed (col 1–8). */
export function editCell(rows: readonly TargetRow[], row: number, col: number, value: string): TargetRow[] {
  if (col < 1 || col >= WIDTH || !rows[row] || rows[row].cells[col] === value) return [...rows];
  return rows.map((r, i) => (i === row ? { ...r, cells: r.cells.map((c, j) => (j === col ? value : c)) } : r));
}

/** A block pasted at (row, col): rows added below when it runs past the last, columns past I dropped. */
export function pasteBlock(rows: readonly TargetRow[], row: number, col: number, block: readonly (readonly string[])[]): TargetRow[] {
  const out = [...rows];
  block.forEach((line, i) => {
    const at = row + i;
    while (out.length <= at) out.push(newRow());
    const cells = [...out[at].cells];
    line.forEach((v, j) => {
      if (col + j < WIDTH) cells[col + j] = v.trim();
    });
    out[at] = { ...out[at], cells };
  });
  return out;
}

/** The answer of a check laid onto the rows: the non-blank rows in order, blank rows cleared. */
export function withResults(rows: readonly TargetRow[], results: readonly TargetRowView[]): TargetRow[] {
  let k = 0;
  return rows.map((r) => {
    if (isBlank(r)) return r.status ? { ...r, status: '', message: '' } : r;
    const res = results[k++];
    return res ? { ...r, status: res.status, message: res.message } : r;
  });
}
