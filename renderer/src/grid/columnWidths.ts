// Column widths the user dragged, kept per template in the renderer's localStorage: a grid
// opens with them again after a reload or a restart.
import type { ColumnResizedEvent, ColumnState, GridApi } from 'ag-grid-community';
import type { RowData } from './gridRows';

const storageKey = (template: string) => `pcgd.columnWidths.${template}`;

type Saved = Pick<ColumnState, 'colId' | 'width' | 'flex'>[];

function read(template: string): Saved | null {
  try {
    const raw = localStorage.getItem(storageKey(template));
    const v: unknown = raw ? JSON.parse(raw) : null;
    return Array.isArray(v) ? (v as Saved) : null;
  } catch {
    // Unreadable or not allowed: the grid opens with its own widths.
    return null;
  }
}

/** Puts back the widths saved for this template (columns it no longer has are ignored). */
export function restoreWidths(api: GridApi<RowData>, template: string): void {
  const saved = read(template);
  if (!saved) return;
  const known = new Set(api.getColumns()?.map((c) => c.getColId()));
  const state = saved.filter((s) => known.has(s.colId));
  if (state.length) api.applyColumnState({ state });
}

/** After a drag on a column border: every column's width and flex, for this template. */
export function onWidthsChanged(e: ColumnResizedEvent<RowData>, template: string): void {
  if (!e.finished || !e.source.startsWith('ui')) return;
  const state: Saved = e.api.getColumnState().map((s) => ({ colId: s.colId, width: s.width, flex: s.flex ?? null }));
  try {
    localStorage.setItem(storageKey(template), JSON.stringify(state));
  } catch {
    // A full or disabled storage: the widths last for this session only.
  }
}
