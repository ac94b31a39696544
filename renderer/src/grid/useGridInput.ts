// Keyboard, mouse and clipboard on the grid, Excel's way: x / Space / Delete / Backspace / Enter
// on the focused cell, Shift+arrows, Shift+click and a mouse drag for a range, Home/End and the
// Ctrl moves (gridKeys.ts), Alt+Enter in a Đánh giá, Ctrl+C / Ctrl+X / Ctrl+V as TSV. Each user
// action is one `act` call (one save, one undo step).
import type { GridApi, IRowNode } from 'ag-grid-community';
import { useEffect, type RefObject } from 'react';
import type { TemplateId } from '../../../shared/templates';
import type { CellPos, CellRange } from './cellRange';
import { focusedTarget, isEditableElement, keyWrite, pasteWrites, shownValue, type CellTarget } from './cellTargets';
import type { ColumnInfo } from './gridColumns';
import type { CellChange, CellWrite } from './gridEdits';
import type { RowData } from './gridRows';
import { onMoveKey } from './gridKeys';
import type { RangeSelection } from './rangeSelection';
import { altEnterInEditor } from './textEditor';
import { formatTsv, parseTsv } from '../platform/tsv';

export interface GridInputRefs {
  wrap: RefObject<HTMLDivElement | null>;
  api: RefObject<GridApi<RowData> | null>;
  infos: RefObject<Map<string, ColumnInfo>>;
  act: RefObject<(writes: CellWrite[]) => CellChange[]>;
  range: RangeSelection;
  /** The unit whose own texts are the total row's. */
  aggregateId: number;
  template: TemplateId;
}

/** Flashes the cells an action changed, once React has handed AG Grid the new rows. */
export function flashChanges(api: GridApi<RowData>, aggregateId: number, changes: CellChange[]): void {
  if (!changes.length) return;
  const nodes = new Set<IRowNode<RowData>>();
  for (const c of changes) {
    const node = c.unitId === aggregateId ? api.getPinnedBottomRow(0) : api.getRowNode(`u${c.unitId}`);
    if (node) nodes.add(node);
  }
  requestAnimationFrame(() => api.flashCells({ rowNodes: [...nodes], columns: [...new Set(changes.map((c) => c.key))] }));
}

/** Writes clearing every editable cell of a range (marks of commune rows, texts). */
function clearWrites(rows: RowData[], cols: string[], infos: Map<string, ColumnInfo>): CellWrite[] {
  const writes: CellWrite[] = [];
  for (const data of rows)
    for (const col of cols) {
      const info = infos.get(col);
      if (info?.kind === 'text' || ((info?.kind === 'mark' || info?.kind === 'count' || info?.kind === 'flag') && data.kind === 'unit')) writes.push({ unitId: data.unitId, key: col, value: '' });
    }
  return writes;
}

/** One key on the focused cell; true when it was handled here. */
function onCellKey(api: GridApi<RowData>, t: CellTarget, e: KeyboardEvent, refs: GridInputRefs): boolean {
  if (e.shiftKey && e.key.startsWith('Arrow')) return refs.range.extend(api, t, e.key);
  if (e.key === 'Enter' && t.info.kind !== 'text' && t.data.kind === 'unit') {
    // Excel: Enter moves down (Shift+Enter up) on cells that are not typed into.
    const row = Math.min(Math.max(t.data.index + (e.shiftKey ? -1 : 1), 0), api.getDisplayedRowCount() - 1);
    api.ensureIndexVisible(row);
    api.setFocusedCell(row, t.colId);
    return true;
  }
  const range = refs.range.cells(api);
  if (range && (e.key === 'Delete' || e.key === 'Backspace')) {
    flashChanges(api, refs.aggregateId, refs.act.current(clearWrites(range.rows, range.cols, refs.infos.current)));
    return true;
  }
  const w = keyWrite(t, e.key);
  if (!w) return false;
  refs.act.current([w]);
  return true;
}

/** The commune cell under a pointer (null: a header, the total row, outside the grid). */
function communeCellAt(x: number, y: number): CellPos | null {
  const cellEl = document.elementFromPoint(x, y)?.closest('.ag-cell');
  const rowEl = cellEl?.closest('.ag-row');
  const col = cellEl?.getAttribute('col-id');
  const row = Number(rowEl?.getAttribute('row-index'));
  if (!col || !rowEl || rowEl.classList.contains('ag-row-pinned') || !Number.isInteger(row)) return null;
  return { row, col };
}

/** The range a Shift+click makes: the focused cell as anchor, the clicked commune cell as corner. */
function shiftClickRange(api: GridApi<RowData>, e: MouseEvent): CellRange | null {
  if (!e.shiftKey || !(e.target instanceof HTMLElement)) return null;
  const cellEl = e.target.closest('.ag-cell');
  const rowEl = cellEl?.closest('.ag-row');
  const focus = api.getFocusedCell();
  const col = cellEl?.getAttribute('col-id');
  const row = Number(rowEl?.getAttribute('row-index'));
  if (!col || !rowEl || rowEl.classList.contains('ag-row-pinned') || !Number.isInteger(row) || !focus || focus.rowPinned) return null;
  return { anchor: { row: focus.rowIndex, col: focus.column.getColId() }, end: { row, col } };
}

export function useGridInput(refs: GridInputRefs): void {
  // Keys and Shift+click, in the capture phase: the grid never sees what is handled here.
  useEffect(() => {
    const wrap = refs.wrap.current!;
    const onKey = (e: KeyboardEvent) => {
      const api = refs.api.current;
      if (!api) return;
      if (altEnterInEditor(e)) {
        e.preventDefault();
        e.stopPropagation();
        return;
      }
      if (!(e.target instanceof HTMLElement) || !e.target.closest('.ag-cell') || isEditableElement(e.target)) return;
      if (api.getEditingCells().length) return;
      const ctx = { infos: refs.infos.current, template: refs.template, aggregateId: refs.aggregateId };
      if (onMoveKey(api, e, ctx)) {
        e.preventDefault();
        e.stopPropagation();
        return;
      }
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      const t = focusedTarget(api, refs.infos.current);
      if (t && onCellKey(api, t, e, refs)) {
        e.preventDefault();
        e.stopPropagation();
      }
    };
    // A drag from a commune cell: the pressed cell (which the grid focuses) is the anchor, the
    // cell under the pointer the far corner, until the button is released.
    let dragFrom: CellPos | null = null;
    let dragEnd: CellPos | null = null;
    const onDragMove = (e: PointerEvent) => {
      const api = refs.api.current;
      if (!api || !dragFrom || !(e.buttons & 1)) return endDrag();
      const end = communeCellAt(e.clientX, e.clientY);
      if (!end || (end.row === dragEnd?.row && end.col === dragEnd.col)) return;
      dragEnd = end;
      refs.range.set(api, { anchor: dragFrom, end });
    };
    const endDrag = () => {
      dragFrom = null;
      dragEnd = null;
      document.removeEventListener('pointermove', onDragMove);
      document.removeEventListener('pointerup', endDrag);
    };
    // The grid focuses cells on pointerdown: a Shift+click keeps the focus (the anchor).
    const onPointerDown = (e: PointerEvent) => {
      const api = refs.api.current;
      const range = api && shiftClickRange(api, e);
      if (!range) {
        if (api && e.button === 0 && !e.shiftKey && !e.ctrlKey && !(e.target instanceof Element && e.target.closest('.ag-cell-inline-editing, .ag-popup-editor'))) {
          endDrag();
          dragFrom = communeCellAt(e.clientX, e.clientY);
          if (dragFrom) {
            document.addEventListener('pointermove', onDragMove);
            document.addEventListener('pointerup', endDrag);
          }
        }
        return;
      }
      e.preventDefault();
      e.stopPropagation();
      refs.range.set(api, range);
    };
    const swallow = (e: MouseEvent) => {
      const api = refs.api.current;
      if (!api || !shiftClickRange(api, e)) return;
      e.preventDefault();
      e.stopPropagation();
    };
    const mouse = ['mousedown', 'mouseup', 'click'] as const;
    wrap.addEventListener('keydown', onKey, true);
    wrap.addEventListener('pointerdown', onPointerDown, true);
    for (const m of mouse) wrap.addEventListener(m, swallow, true);
    return () => {
      endDrag();
      wrap.removeEventListener('keydown', onKey, true);
      wrap.removeEventListener('pointerdown', onPointerDown, true);
      for (const m of mouse) wrap.removeEventListener(m, swallow, true);
    };
  }, [refs]);

  // Clipboard events reach the document from the focused cell.
  useEffect(() => {
    const inGrid = (e: ClipboardEvent) => {
      const api = refs.api.current;
      const wrap = refs.wrap.current;
      if (!api || !wrap || !(e.target instanceof Node) || !wrap.contains(e.target)) return null;
      if (isEditableElement(e.target) || api.getEditingCells().length) return null;
      return api;
    };
    const onPaste = (e: ClipboardEvent) => {
      const api = inGrid(e);
      const focus = api?.getFocusedCell();
      if (!api || !focus) return;
      e.preventDefault();
      const block = parseTsv(e.clipboardData?.getData('text/plain') ?? '');
      const b = refs.range.bounds;
      const origin = b
        ? { rowIndex: b.top, rowPinned: null, colId: b.cols[0], fill: { rows: b.bottom - b.top + 1, cols: b.cols.length } }
        : { rowIndex: focus.rowIndex, rowPinned: focus.rowPinned, colId: focus.column.getColId() };
      flashChanges(api, refs.aggregateId, refs.act.current(pasteWrites(api, refs.infos.current, block, origin)));
    };
    const onCopy = (e: ClipboardEvent) => {
      const api = inGrid(e);
      const t = api && focusedTarget(api, refs.infos.current);
      if (!api || !t || !e.clipboardData) return;
      e.preventDefault();
      const infos = refs.infos.current;
      const range = refs.range.cells(api);
      const text = range
        ? formatTsv(range.rows.map((data) => range.cols.map((col) => shownValue(data, col, infos.get(col)!))))
        : shownValue(t.data, t.colId, t.info);
      e.clipboardData.setData('text/plain', text);
      if (e.type !== 'cut') return;
      const writes = range ? clearWrites(range.rows, range.cols, infos) : [keyWrite(t, 'Delete')].filter((w) => !!w);
      flashChanges(api, refs.aggregateId, refs.act.current(writes));
    };
    document.addEventListener('paste', onPaste);
    document.addEventListener('copy', onCopy);
    document.addEventListener('cut', onCopy);
    return () => {
      document.removeEventListener('paste', onPaste);
      document.removeEventListener('copy', onCopy);
      document.removeEventListener('cut', onCopy);
    };
  }, [refs]);
}
