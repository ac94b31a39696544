// The chosen range of the grid (Shift+arrows, Shift+click). As in Excel the focused cell stays
// its anchor; the range is repainted through the columns' `cell-in-range` class rule.
import type { GridApi } from 'ag-grid-community';
import { boundsOf, contains, isMulti, type CellRange, type RangeBounds } from './cellRange';
import { rowsIn, type CellTarget } from './cellTargets';
import type { RowData } from './gridRows';

export function displayedColumns(api: GridApi<RowData>): string[] {
  return api.getAllDisplayedColumns().map((c) => c.getColId());
}

export class RangeSelection {
  private range: CellRange | null = null;
  /** The rectangle of a multi-cell range; null for a single cell. */
  bounds: RangeBounds | null = null;

  get anchor() {
    return this.range?.anchor ?? null;
  }

  set(api: GridApi<RowData>, range: CellRange | null): void {
    const next = isMulti(range) ? range : null;
    const had = this.range !== null;
    this.range = next;
    this.bounds = next ? boundsOf(next, displayedColumns(api)) : null;
    if (had || next) api.refreshCells({ force: true });
  }

  /** Shift+arrow on the focused cell: moves the far corner. */
  extend(api: GridApi<RowData>, t: CellTarget, key: string): boolean {
    if (t.data.kind !== 'unit') return false;
    const here = { row: t.data.index, col: t.colId };
    const current = this.range;
    const range = current && current.anchor.row === here.row && current.anchor.col === here.col ? current : { anchor: here, end: here };
    const order = displayedColumns(api);
    let row = range.end.row;
    let ci = order.indexOf(range.end.col);
    if (key === 'ArrowUp') row--;
    else if (key === 'ArrowDown') row++;
    else if (key === 'ArrowLeft') ci--;
    else if (key === 'ArrowRight') ci++;
    row = Math.min(Math.max(row, 0), api.getDisplayedRowCount() - 1);
    ci = Math.min(Math.max(ci, 0), order.length - 1);
    this.set(api, { anchor: range.anchor, end: { row, col: order[ci] } });
    api.ensureIndexVisible(row);
    api.ensureColumnVisible(order[ci]);
    return true;
  }

  includes(data: RowData | undefined, colId: string): boolean {
    return !!this.bounds && data?.kind === 'unit' && contains(this.bounds, data.index, colId);
  }

  /** The range's rows and columns, or null when it is a single cell. */
  cells(api: GridApi<RowData>): { rows: RowData[]; cols: string[] } | null {
    const b = this.bounds;
    return b ? { rows: rowsIn(api, b.top, b.bottom), cols: b.cols } : null;
  }
}
