// The targets as a grid, the "Mục tiêu" sheet's columns (DOMAIN.md §10.5) and the evaluation
// beside them: typed into like the other grids (arrows, Enter or a key to type, Tab), and
// Ctrl+V pastes a block copied from Excel from the focused cell on, adding rows as needed.
// AG Grid itself (createGrid), as the appendix grids; the rows live in the page's state.
import { createGrid, type CellClassParams, type ColDef, type GridApi } from 'ag-grid-community';
import { forwardRef, useImperativeHandle, useLayoutEffect, useRef } from 'react';
import { AG_LOCALE_VI } from '../platform/agLocale';
import { onCommitEdits } from '../platform/editCommit';
import { gridTheme } from '../platform/gridTheme';
import { parseTsv } from '../platform/tsv';
import type { TargetRow } from './targetRows';

/** Columns B–I of the sheet (A, the STT, is the row's number). */
export const EDIT_COLUMNS = ['Chương trình', 'Mức', 'Loại chỉ tiêu', 'Giá trị', 'Năm/Giai đoạn', 'Đơn vị', 'Duy trì/Phấn đấu', 'Nội dung'] as const;

const HINTS = [
  'XMC, PCGD MN, PCGD MN 5 tuổi, PCGD TH hoặc PCGD THCS',
  'MĐ1, MĐ2, MĐ3 (XMC: MĐ1, MĐ2); Đạt cho PCGD MN',
  'Tỉ lệ xã, Số xã, Mức của đơn vị hoặc Đơn vị được nêu',
  'Tỉ lệ: 85%; Số xã: 4/7; Đơn vị được nêu: các tên cách nhau bởi dấu ";"; Mức của đơn vị: để trống',
  'Một năm (2024) hoặc một giai đoạn (2021-2025)',
  'Để trống: đơn vị của trang này',
  'Duy trì hoặc Phấn đấu (để trống: Phấn đấu)',
  'Câu chỉ tiêu như kế hoạch ghi',
];
const WIDTHS = [96, 52, 104, 64, 88, 100, 84, 0];

export const STATUS_WORDS: Record<TargetRow['status'], string> = {
  met: 'Đạt',
  unmet: 'Chưa đạt',
  undecided: 'Chưa đủ dữ liệu',
  invalid: 'Chưa đọc được',
  '': '',
};

export interface TargetsGridHandle {
  /** The row of the focused cell, or null. */
  focusedRow(): number | null;
  focus(row: number, col?: number): void;
}

interface Props {
  rows: TargetRow[];
  /** A typed cell (column 1–8 of the sheet). */
  onEdit(row: number, col: number, value: string): void;
  /** A block pasted at (row, col): cells of columns col… of rows row…. */
  onPaste(row: number, col: number, block: string[][]): void;
}

const colIndex = (colId: string | undefined) => (colId?.startsWith('c') ? Number(colId.slice(1)) : -1);

function columns(): ColDef<TargetRow>[] {
  return [
    { colId: 'stt', headerName: 'STT', width: 46, valueGetter: (p) => (p.node?.rowIndex ?? 0) + 1, cellClass: 'targets-stt' },
    ...EDIT_COLUMNS.map(
      (name, i): ColDef<TargetRow> => ({
        colId: `c${i + 1}`,
        headerName: name,
        headerTooltip: HINTS[i],
        ...(i === 7 ? { flex: 1, minWidth: 170 } : { width: WIDTHS[i] }),
        editable: true,
        valueGetter: (p) => p.data?.cells[i + 1] ?? '',
        // Long words wrap (a scope, a kind, the sentence): every column is in view at 1366 px.
        wrapText: true,
        autoHeight: true,
      }),
    ),
    {
      colId: 'status',
      headerName: 'Đánh giá',
      headerTooltip: 'Kết quả so với các biểu đã lưu',
      // Kept in view when a narrow window scrolls the other columns (125% on a 1366 px screen).
      pinned: 'right',
      width: 280,
      wrapText: true,
      autoHeight: true,
      valueGetter: (p) => (p.data ? (p.data.status ? `${STATUS_WORDS[p.data.status]}: ${p.data.message}` : '') : ''),
      cellClass: (p: CellClassParams<TargetRow>) => `targets-status status-${p.data?.status || 'none'}`,
    },
  ];
}

export const TargetsGrid = forwardRef<TargetsGridHandle, Props>(function TargetsGrid({ rows, onEdit, onPaste }, ref) {
  const hostRef = useRef<HTMLDivElement>(null);
  const wrapRef = useRef<HTMLDivElement>(null);
  const apiRef = useRef<GridApi<TargetRow> | null>(null);
  const handlers = useRef({ onEdit, onPaste });
  handlers.current = { onEdit, onPaste };
  const firstRows = useRef(rows);

  useImperativeHandle(ref, () => ({
    focusedRow: () => apiRef.current?.getFocusedCell()?.rowIndex ?? null,
    focus(row, col = 1) {
      const api = apiRef.current;
      if (!api) return;
      api.ensureIndexVisible(row);
      api.setFocusedCell(row, `c${col}`);
    },
  }));

  useLayoutEffect(() => {
    const api = createGrid<TargetRow>(hostRef.current!, {
      theme: gridTheme,
      localeText: AG_LOCALE_VI,
      columnDefs: columns(),
      defaultColDef: { sortable: false, resizable: true, suppressMovable: true, suppressHeaderMenuButton: true, suppressHeaderContextMenu: true, wrapHeaderText: true, autoHeaderHeight: true },
      rowData: firstRows.current,
      getRowId: (p) => String(p.data.key),
      readOnlyEdit: true,
      onCellEditRequest: (e) => handlers.current.onEdit(e.rowIndex ?? 0, colIndex(e.column.getColId()), String(e.newValue ?? '')),
      enterNavigatesVerticallyAfterEdit: true,
      stopEditingWhenCellsLoseFocus: true,
      enableBrowserTooltips: true,
      suppressMovableColumns: true,
      // Wrapped cells (autoHeight) measured again when the grid gets its size: rows first drawn
      // before the page had laid the grid out kept one line each, their text cut.
      onGridSizeChanged: (e) => e.api.resetRowHeights(),
      // Heights change as statuses arrive: drawn at once, not slid into place.
      animateRows: false,
    });
    apiRef.current = api;
    /** The text being typed, acted on at once (leaving the page, a button). */
    const commit = () => {
      for (const c of api.getEditingCells()) {
        const node = api.getDisplayedRowAtIndex(c.rowIndex);
        if (!c.column) continue;
        const editor = node ? api.getCellEditorInstances({ rowNodes: [node], columns: [c.column] })[0] : undefined;
        if (!editor) continue;
        const value = String(editor.getValue() ?? '');
        api.stopEditing(true);
        handlers.current.onEdit(c.rowIndex, colIndex(c.column.getColId()), value);
      }
    };
    const offCommit = onCommitEdits(commit);
    const wrap = wrapRef.current!;
    const onFocusOut = (e: FocusEvent) => {
      if (!(e.relatedTarget instanceof Node && wrap.contains(e.relatedTarget))) commit();
    };
    // Excel's clipboard holds tab-separated rows: pasted from the focused cell on, not into an editor.
    const onPasteEvent = (e: ClipboardEvent) => {
      if (api.getEditingCells().length) return;
      const focused = api.getFocusedCell();
      const col = colIndex(focused?.column.getColId());
      const text = e.clipboardData?.getData('text/plain') ?? '';
      if (!focused || col < 1 || !text) return;
      e.preventDefault();
      handlers.current.onPaste(focused.rowIndex, col, parseTsv(text));
    };
    wrap.addEventListener('focusout', onFocusOut, true);
    wrap.addEventListener('paste', onPasteEvent);
    return () => {
      wrap.removeEventListener('paste', onPasteEvent);
      wrap.removeEventListener('focusout', onFocusOut, true);
      offCommit();
      commit();
      apiRef.current = null;
      api.destroy();
    };
  }, []);

  useLayoutEffect(() => {
    const api = apiRef.current;
    if (!api) return;
    api.setGridOption('rowData', rows);
    // The STT and Đánh giá cells follow the rows' order and statuses.
    api.refreshCells({ columns: ['stt', 'status'], force: true });
    // A status's sentence changes the height its row needs.
    api.resetRowHeights();
  }, [rows]);

  return (
    <div ref={wrapRef} className="targets-grid" data-testid="targets-grid">
      <div ref={hostRef} style={{ height: '100%' }} />
    </div>
  );
});
