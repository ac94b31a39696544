// Where keyboard and clipboard actions land: the focused cell and the cells right and below it.
import type { Column, GridApi, IRowNode } from 'ag-grid-community';
import { markState } from '../../../shared/text/marks';
import type { ColumnInfo } from './gridColumns';
import { normaliseMark, normaliseText, type CellWrite } from './gridEdits';
import type { RowData } from './gridRows';
import type { FocusedCell } from '../platform/cells';

export interface CellTarget {
  data: RowData;
  node: IRowNode<RowData>;
  colId: string;
  info: ColumnInfo;
}

export function isEditableElement(t: EventTarget | null): boolean {
  if (!(t instanceof HTMLElement)) return false;
  return t.isContentEditable || t instanceof HTMLInputElement || t instanceof HTMLTextAreaElement || t instanceof HTMLSelectElement;
}

function nodeAt(api: GridApi<RowData>, rowIndex: number, pinned: string | null | undefined): IRowNode<RowData> | undefined {
  if (pinned === 'bottom') return api.getPinnedBottomRow(rowIndex);
  if (pinned === 'top') return api.getPinnedTopRow(rowIndex);
  return api.getDisplayedRowAtIndex(rowIndex);
}

export function focusedTarget(api: GridApi<RowData>, infos: Map<string, ColumnInfo>): CellTarget | null {
  const f = api.getFocusedCell();
  if (!f) return null;
  const node = nodeAt(api, f.rowIndex, f.rowPinned);
  const colId = f.column.getColId();
  const info = infos.get(colId);
  if (!node?.data || !info) return null;
  return { data: node.data, node, colId, info };
}

/** The text a cell shows (what Ctrl+C copies). */
export function shownValue(data: RowData, colId: string, info: ColumnInfo): string {
  if (info.kind === 'stt') return data.kind === 'unit' ? String(data.index + 1) : '';
  if (info.kind === 'name') return data.name;
  return data.values[colId] ?? '';
}

/** Whether a key press on a cell writes to it, and what (undefined: the grid handles the key). */
export function keyWrite(t: CellTarget, key: string): CellWrite | undefined {
  const write = (value: string) => ({ unitId: t.data.unitId, key: t.colId, value });
  if (t.info.kind === 'mark') {
    // The total row's counts are computed, never typed.
    if (t.data.kind !== 'unit') return undefined;
    if (key === 'x' || key === 'X' || key === '×') return write('x');
    if (key === ' ') return write(markState(t.data.values[t.colId]) === 'mark' ? '' : 'x');
    if (key === 'Delete' || key === 'Backspace') return write('');
    return undefined;
  }
  if (t.info.kind === 'flag') {
    if (t.data.kind !== 'unit') return undefined;
    if (key === 'x' || key === 'X' || key === '×') return write('x');
    if (key === ' ') return write(t.data.values[t.colId] === 'x' ? '' : 'x');
    if (key === 'Delete' || key === 'Backspace') return write('');
    return undefined;
  }
  // A count: a digit opens the editor (AG Grid's own); the total row is summed, never typed.
  if (t.info.kind === 'count' && t.data.kind === 'unit' && (key === 'Delete' || key === 'Backspace')) return write('');
  if (t.info.kind === 'text' && (key === 'Delete' || key === 'Backspace')) return write('');
  return undefined;
}

/** Where a paste starts, and, when a range is chosen, how far a single pasted value fills. */
export interface PasteOrigin {
  rowIndex: number;
  rowPinned: string | null | undefined;
  colId: string;
  /** Rows × columns to fill with a single copied value (Excel's "paste into a selection"). */
  fill?: { rows: number; cols: number };
}

/**
 * The writes of a pasted block, from the origin down and right. STT and name columns are
 * skipped (their pasted cells are dropped, not shifted); rows and columns past the grid are
 * dropped; the total row takes only its Đánh giá texts.
 */
export function pasteWrites(api: GridApi<RowData>, infos: Map<string, ColumnInfo>, block: string[][], origin: PasteOrigin): CellWrite[] {
  const cols: Column[] = api.getAllDisplayedColumns();
  const start = cols.findIndex((c) => c.getColId() === origin.colId);
  if (start < 0 || !block.length) return [];
  if (origin.fill && block.length === 1 && block[0].length === 1) {
    block = Array.from({ length: origin.fill.rows }, () => Array.from({ length: origin.fill!.cols }, () => block[0][0]));
  }
  const writes: CellWrite[] = [];
  block.forEach((line, i) => {
    const node = origin.rowPinned
      ? i === 0
        ? nodeAt(api, origin.rowIndex, origin.rowPinned)
        : undefined
      : nodeAt(api, origin.rowIndex + i, null);
    const data = node?.data;
    if (!data) return;
    line.forEach((raw, j) => {
      const col = cols[start + j];
      if (!col) return;
      const info = infos.get(col.getColId());
      if (!info || info.kind === 'stt' || info.kind === 'name' || info.kind === 'computed') return;
      // Counts and flags go as pasted: the count table's own act checks them (whole numbers only).
      if (info.kind === 'count' || info.kind === 'flag') {
        if (data.kind === 'unit') writes.push({ unitId: data.unitId, key: info.column.key, value: raw });
        return;
      }
      if (info.kind === 'mark') {
        if (data.kind !== 'unit') return;
        writes.push({ unitId: data.unitId, key: info.column.key, value: normaliseMark(raw) });
      } else {
        writes.push({ unitId: data.unitId, key: info.column.key, value: normaliseText(raw) });
      }
    });
  });
  return writes;
}

/** The rows of a displayed range, top to bottom. */
export function rowsIn(api: GridApi<RowData>, top: number, bottom: number): RowData[] {
  const out: RowData[] = [];
  for (let r = top; r <= bottom; r++) {
    const data = nodeAt(api, r, null)?.data;
    if (data) out.push(data);
  }
  return out;
}

export type { FocusedCell };

export function focusedCellOf(api: GridApi<RowData>, infos: Map<string, ColumnInfo>): FocusedCell | null {
  const t = focusedTarget(api, infos);
  if (!t || (t.info.kind !== 'mark' && t.info.kind !== 'text')) return null;
  const c = t.info.column;
  return {
    unitId: t.data.unitId,
    key: c.key,
    unitName: t.data.name,
    label: `${c.group} – ${c.label}`,
    computed: t.info.kind === 'mark' && t.data.kind === 'total',
  };
}
