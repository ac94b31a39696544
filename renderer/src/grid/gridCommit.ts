// Committing the cell being typed into, now. AG Grid hands a stopped edit over
// (onCellEditRequest) in a later task, and not at all once the grid is destroyed: a click on
// "Xuất báo cáo Excel" exported before the typed text was asked to be stored, and leaving the
// grid dropped it. Here the editor's text is read and acted on synchronously instead.
import type { GridApi } from 'ag-grid-community';
import type { ColumnInfo } from './gridColumns';
import { normaliseMark, normaliseText, type CellWrite } from './gridEdits';
import type { RowData } from './gridRows';

/** Ends editing in the grid; what was typed becomes one action (`act`), at once. */
export function commitEditing(api: GridApi<RowData>, infos: Map<string, ColumnInfo>, act: (writes: CellWrite[]) => unknown): void {
  const editing = api.getEditingCells();
  if (!editing.length) return;
  const writes: CellWrite[] = [];
  for (const { rowIndex, rowPinned, column } of editing) {
    const node = rowPinned === 'bottom' ? api.getPinnedBottomRow(rowIndex) : api.getDisplayedRowAtIndex(rowIndex);
    const info = column && infos.get(column.getColId());
    const editor = node && column ? api.getCellEditorInstances({ rowNodes: [node], columns: [column] })[0] : undefined;
    if (!node?.data || !editor) continue;
    const raw = String(editor.getValue() ?? '');
    if (info?.kind === 'text') writes.push({ unitId: node.data.unitId, key: info.column.key, value: normaliseText(raw) });
    // A mark cell opened by a double click.
    else if (info?.kind === 'mark' && node.data.kind === 'unit') writes.push({ unitId: node.data.unitId, key: info.column.key, value: normaliseMark(raw) });
    // A count or a flag as typed: the count table's act checks it.
    else if ((info?.kind === 'count' || info?.kind === 'flag') && node.data.kind === 'unit') writes.push({ unitId: node.data.unitId, key: info.column.key, value: raw });
  }
  // Cancelled, not stopped: AG Grid's own request would come later and change nothing more.
  api.stopEditing(true);
  if (writes.length) act(writes);
}
