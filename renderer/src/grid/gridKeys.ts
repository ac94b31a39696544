// Excel's moving keys, which AG Grid Community does differently or not at all: Home/End within
// the row, Ctrl+Home/End to the first/last cell, Ctrl+arrows to the edge of the data,
// Ctrl+PgUp/PgDn to the previous/next Phụ lục (the same district).
import type { GridApi } from 'ag-grid-community';
import { TEMPLATES, type TemplateId } from '../../../shared/templates';
import { gridHash, navigate } from '../platform/route';
import { edgeIndex } from './cellRange';
import { shownValue } from './cellTargets';
import type { ColumnInfo } from './gridColumns';
import type { RowData } from './gridRows';

/** Set before a Ctrl+PgUp/PgDn: the next grid opened takes the focus on its first cell. */
let focusNextGrid = false;

export function takeFocusRequest(): boolean {
  const v = focusNextGrid;
  focusNextGrid = false;
  return v;
}

function go(api: GridApi<RowData>, row: number, col: string, pinned: 'bottom' | null = null) {
  if (pinned === null) api.ensureIndexVisible(row);
  api.ensureColumnVisible(col);
  api.setFocusedCell(row, col, pinned);
}

/** The first column right of the pinned ones (Excel's Home with frozen panes). */
function firstDataColumn(api: GridApi<RowData>): string {
  const cols = api.getAllDisplayedColumns();
  return (cols.find((c) => !c.getPinned()) ?? cols[0]).getColId();
}

/** Moves the focus to the first editable cell (the skip link, Ctrl+PgUp/PgDn). */
export function focusFirstCell(api: GridApi<RowData>): void {
  if (api.getDisplayedRowCount() > 0) go(api, 0, firstDataColumn(api));
}

export interface KeyContext {
  infos: Map<string, ColumnInfo>;
  template: TemplateId;
  aggregateId: number;
}

/** One key on a focused (not edited) cell; true when handled here. */
export function onMoveKey(api: GridApi<RowData>, e: KeyboardEvent, ctx: KeyContext): boolean {
  const focus = api.getFocusedCell();
  if (!focus || e.altKey || e.shiftKey) return false;
  const ctrl = e.ctrlKey || e.metaKey;
  const cols = api.getAllDisplayedColumns().map((c) => c.getColId());
  const rows = api.getDisplayedRowCount();
  const pinned = focus.rowPinned === 'bottom' ? 'bottom' : null;
  const col = focus.column.getColId();
  if (ctrl && (e.key === 'PageDown' || e.key === 'PageUp')) {
    const i = TEMPLATES.findIndex((t) => t.id === ctx.template);
    const next = TEMPLATES[i + (e.key === 'PageDown' ? 1 : -1)];
    if (!next) return true;
    focusNextGrid = true;
    navigate(gridHash(next.id, ctx.aggregateId));
    return true;
  }
  if (e.key === 'Home' || e.key === 'End') {
    const target = e.key === 'Home' ? firstDataColumn(api) : cols[cols.length - 1];
    if (ctrl) go(api, e.key === 'Home' ? 0 : rows - 1, target);
    else go(api, focus.rowIndex, target, pinned);
    return true;
  }
  if (!ctrl || !e.key.startsWith('Arrow')) return false;
  const rowData = (r: number) => (pinned ? api.getPinnedBottomRow(r) : api.getDisplayedRowAtIndex(r))?.data;
  const filled = (data: RowData | undefined, c: string) => {
    const info = ctx.infos.get(c);
    return !!data && !!info && shownValue(data, c, info) !== '';
  };
  if (e.key === 'ArrowLeft' || e.key === 'ArrowRight') {
    const data = rowData(focus.rowIndex);
    const line = cols.map((c) => filled(data, c));
    const to = edgeIndex(line, cols.indexOf(col), e.key === 'ArrowRight' ? 1 : -1);
    go(api, focus.rowIndex, cols[to], pinned);
    return true;
  }
  // Up and down run over the communes (the total row is computed, not data).
  if (pinned) return false;
  const line = Array.from({ length: rows }, (_, r) => filled(rowData(r), col));
  go(api, edgeIndex(line, focus.rowIndex, e.key === 'ArrowDown' ? 1 : -1), col);
  return true;
}

/** Ctrl+Shift+K: the "Căn cứ" of the row or mark the user is on. */
export function isBasisKey(e: KeyboardEvent): boolean {
  return (e.ctrlKey || e.metaKey) && e.shiftKey && !e.altKey && (e.code === 'KeyK' || e.key.toLowerCase() === 'k');
}
