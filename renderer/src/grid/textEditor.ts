// Editing a cell, Excel's way: a Đánh giá opens in a box as wide as its text (wrapping, a
// line break with Alt+Enter); a mark cell opens an editor only on a double click (keys keep
// writing x, Space, Delete at once, as before).
import type { CellEditorSelectorResult, EditableCallbackParams, GridApi, ICellEditorParams } from 'ag-grid-community';
import type { RowData } from './gridRows';

/** Longest Đánh giá kept (the exported cell holds far more; this stops a runaway paste). */
const MAX_TEXT = 2000;

/** The box for a Đánh giá: at least 28 characters wide, at most 70, as many lines as it needs. */
export function textEditorSelector(p: ICellEditorParams<RowData>): CellEditorSelectorResult {
  const text = String(p.value ?? '');
  const lines = text.split('\n');
  const longest = Math.max(0, ...lines.map((l) => l.length));
  const cols = Math.min(70, Math.max(28, longest + 4));
  const wrapped = lines.reduce((n, l) => n + Math.max(1, Math.ceil(l.length / cols)), 0);
  return {
    component: 'agLargeTextCellEditor',
    popup: true,
    popupPosition: 'over',
    params: { maxLength: MAX_TEXT, cols, rows: Math.min(12, Math.max(3, wrapped + 1)) },
  };
}

let markEditArmed = false;

/** Mark cells are editable only while a double click opens their editor. */
export function markEditable(p: EditableCallbackParams<RowData>): boolean {
  return markEditArmed && p.data?.kind === 'unit';
}

export function editMarkCell(api: GridApi<RowData>, rowIndex: number, colKey: string): void {
  markEditArmed = true;
  try {
    api.startEditingCell({ rowIndex, colKey });
  } finally {
    markEditArmed = false;
  }
}

/**
 * Alt+Enter in a Đánh giá's box: a line break where the caret is (AG Grid would end the edit
 * and move down, so "line two" landed in the next commune). True when handled.
 */
export function altEnterInEditor(e: KeyboardEvent): boolean {
  if (e.key !== 'Enter' || !e.altKey || e.ctrlKey || e.metaKey) return false;
  const t = e.target;
  if (!(t instanceof HTMLTextAreaElement) || !t.closest('.ag-large-text')) return false;
  t.setRangeText('\n', t.selectionStart, t.selectionEnd, 'end');
  t.dispatchEvent(new Event('input', { bubbles: true }));
  return true;
}
