// The appendix grid: AG Grid with the Excel header, a pinned total row, live problem colours
// and tooltips. Keys, range and clipboard: useGridInput. Edits go out through `onAct`.
import { createGrid, type CellDoubleClickedEvent, type ColumnResizedEvent, type CellEditRequestEvent, type CellFocusedEvent, type GetRowIdParams, type GridApi, type GridReadyEvent, type RowClassParams } from 'ag-grid-community';
import { memo, useEffect, useImperativeHandle, useLayoutEffect, useMemo, useRef, useState, type Ref } from 'react';
import type { UnitNode } from '../../../shared/api';
import type { Grid } from '../../../shared/grid';
import type { RuleFinding } from '../../../shared/rules';
import type { TemplateDef } from '../../../shared/templates';
import { AG_LOCALE_VI } from '../platform/agLocale';
import { focusedCellOf, type FocusedCell } from './cellTargets';
import { noteKey, type CellNotes } from '../platform/cells';
import './note-marks.css';
import { onWidthsChanged, restoreWidths } from './columnWidths';
import { focusFirstCell, takeFocusRequest } from './gridKeys';
import { editMarkCell } from './textEditor';
import './hands.css';
import { onCommitEdits } from '../platform/editCommit';
import { commitEditing } from './gridCommit';
import { aggregateWords, totalLabel } from '../platform/format';
import { buildColumns, columnInfos, columnsMaxWidth, groupDepth, issueMap, NAME_COL, type CellIssue } from './gridColumns';
import { normaliseMark, normaliseText, type CellChange, type CellWrite } from './gridEdits';
import { rowId, totalRow, unitRows, type RowData } from './gridRows';
import { RangeSelection } from './rangeSelection';
import { GROUP_HEADER_HEIGHT, gridTheme, HEADER_HEIGHT, ROW_HEIGHT } from '../platform/gridTheme';
import { flashChanges, useGridInput, type GridInputRefs } from './useGridInput';

export interface AppendixGridHandle {
  /** Scrolls to a cell and focuses it (a finding's row and column). */
  focusCell(row: number | 'total', col: string | null): void;
  /** Scrolls to a commune's row, highlights it and focuses its name. */
  revealUnit(unitId: number): void;
  /** Focuses and flashes the cells an undo or redo changed. */
  showChanges(changes: CellChange[]): void;
}

interface Props {
  template: TemplateDef;
  grid: Grid;
  /** The aggregating unit (the district): the total row's label and own texts. */
  aggregate: UnitNode;
  findings: RuleFinding[];
  onAct(writes: CellWrite[]): CellChange[];
  /** The stored cell the user moved to (null: STT, name), for its history. */
  onCellFocus?(cell: FocusedCell | null): void;
  /** Notes and follow-up flags by cell: drawn as corner marks, read in the tooltip. */
  notes?: CellNotes;
  ref?: Ref<AppendixGridHandle>;
}

const NO_NOTES: CellNotes = new Map();

/** Sent by the skip link ("Đến bảng"): the open grid focuses its first cell; with detail { resume: true } (F6), the cell it was on. */
export const FOCUS_GRID_EVENT = 'pcgd:focus-grid';

/** The grid's borders. */
const GRID_CHROME = 8;
/** Left and right borders (with a vertical scroll bar, the flexible columns give up its room). */
const GRID_BORDERS = 2;

const DEFAULT_COL = {
  sortable: false,
  resizable: true,
  suppressMovable: true,
  suppressHeaderMenuButton: true,
  suppressHeaderContextMenu: true,
};

function sameIssue(a: CellIssue | undefined, b: CellIssue | undefined): boolean {
  return a === b || (!!a && !!b && a.severity === b.severity && a.messages.join('\n') === b.messages.join('\n'));
}

/** Repaints colours and tooltips of the rows whose issues changed (an edit: its own rows). */
function refreshIssues(api: GridApi<RowData>, rows: RowData[], prev: Map<string, CellIssue>, next: Map<string, CellIssue>) {
  const changed = new Set<string>();
  for (const [id, issue] of next) if (!sameIssue(prev.get(id), issue)) changed.add(id.slice(0, id.indexOf('|')));
  for (const id of prev.keys()) if (!next.has(id)) changed.add(id.slice(0, id.indexOf('|')));
  if (!changed.size) return;
  if (changed.size > 100) {
    api.refreshCells({ force: true });
    return;
  }
  const nodes = [...changed].map((r) => (r === 'total' ? api.getPinnedBottomRow(0) : rows[Number(r)] && api.getRowNode(rowId(rows[Number(r)]))));
  api.refreshCells({ rowNodes: nodes.filter((n) => !!n), force: true });
}

const getRowId = (p: GetRowIdParams<RowData>) => rowId(p.data);
const getRowClass = (p: RowClassParams<RowData>) => (p.data?.kind === 'total' ? 'row-total' : undefined);

function focusCell(api: GridApi<RowData>, row: number | 'total', col: string | null) {
  const colId = col && col !== 'name' && api.getColumn(col) ? col : NAME_COL;
  api.ensureColumnVisible(colId);
  if (row === 'total') api.setFocusedCell(0, colId, 'bottom');
  else {
    api.ensureIndexVisible(row, 'middle');
    api.setFocusedCell(row, colId);
  }
}

/** Memoised: the page re-renders on every save state, the grid only when its props change. */
export const AppendixGrid = memo(function AppendixGrid({ template, grid, aggregate, findings, onAct, onCellFocus, notes = NO_NOTES, ref }: Props) {
  const apiRef = useRef<GridApi<RowData> | null>(null);
  const wrapRef = useRef<HTMLDivElement>(null);
  const pendingRef = useRef<(() => void) | null>(null);
  const highlightRef = useRef<number | null>(null);
  const issues = useMemo(() => issueMap(findings), [findings]);
  const issuesRef = useRef(issues);
  const notesRef = useRef(notes);
  const infos = useMemo(() => columnInfos(template, grid.layout), [template, grid.layout]);
  const infosRef = useRef(infos);
  infosRef.current = infos;
  const actRef = useRef(onAct);
  actRef.current = onAct;
  const cellFocusRef = useRef(onCellFocus);
  cellFocusRef.current = onCellFocus;
  const [range] = useState(() => new RangeSelection());
  const inputRefs = useMemo<GridInputRefs>(
    () => ({ wrap: wrapRef, api: apiRef, infos: infosRef, act: actRef, range, aggregateId: aggregate.id, template: template.id }),
    [range, aggregate.id, template.id],
  );
  useGridInput(inputRefs);

  // The name column's heading follows the aggregating unit (shared/units), as on the sheet.
  const nameColumn = aggregateWords(aggregate).nameColumn;
  const columnDefs = useMemo(
    () =>
      buildColumns(template, grid.layout, {
        issueAt: (data, colId) => (data ? issuesRef.current.get(`${data.kind === 'total' ? 'total' : data.index}|${colId}`) : undefined),
        inRange: (data, colId) => range.includes(data, colId),
        noteAt: (data, colId) => (data ? notesRef.current.get(noteKey(data.unitId, colId)) : undefined),
      }, { nameColumn }),
    [template, grid.layout, range, nameColumn],
  );
  const rowData = useMemo(() => unitRows(grid), [grid]);
  const pinned = useMemo(() => [totalRow(template, grid, aggregate.id, totalLabel(aggregate.kind, aggregate.detailedKind))], [template, grid, aggregate]);

  // AG Grid is handed the first rows and total once; after an edit it gets only the rows the
  // edit replaced (a transaction) and the total row's new data. Handed all the rows again, it
  // would compare them one by one (a country: 3,321 rows on every keystroke).
  const [firstRows] = useState(rowData);
  const [firstPinned] = useState(pinned);
  const gridHas = useRef({ rows: firstRows, pinned: firstPinned });
  const latest = useRef({ rows: rowData, pinned });
  latest.current = { rows: rowData, pinned };
  const syncRows = (api: GridApi<RowData>) => {
    const has = gridHas.current;
    const want = latest.current;
    gridHas.current = want;
    if (has.rows !== want.rows) {
      if (has.rows.length !== want.rows.length) api.setGridOption('rowData', want.rows);
      else {
        const update = want.rows.filter((r, i) => r !== has.rows[i]);
        if (update.length) api.applyTransaction({ update });
      }
    }
    if (has.pinned !== want.pinned) {
      const total = api.getPinnedBottomRow(0);
      if (total) total.setData(want.pinned[0]);
      else api.setGridOption('pinnedBottomRowData', want.pinned);
    }
  };
  useLayoutEffect(() => {
    if (apiRef.current) syncRows(apiRef.current);
  });

  const rowClassRules = useMemo(
    () => ({ 'row-found': (p: RowClassParams<RowData>) => p.data?.kind === 'unit' && p.data.unitId === highlightRef.current }),
    [],
  );

  // New findings: repaint the colours and tooltips of the cells on screen whose issues changed.
  useEffect(() => {
    const prev = issuesRef.current;
    issuesRef.current = issues;
    if (apiRef.current && prev !== issues) refreshIssues(apiRef.current, rowData, prev, issues);
  }, [issues, rowData]);

  // A note written or removed: its marks and tooltip are drawn again (notes change seldom).
  useEffect(() => {
    if (notesRef.current === notes) return;
    notesRef.current = notes;
    apiRef.current?.refreshCells({ force: true });
  }, [notes]);

  function whenReady(fn: (api: GridApi<RowData>) => void) {
    const api = apiRef.current;
    if (api) fn(api);
    else pendingRef.current = () => fn(apiRef.current!);
  }

  useImperativeHandle(ref, () => ({
    focusCell: (row, col) => whenReady((api) => focusCell(api, row, col)),
    revealUnit: (unitId) =>
      whenReady((api) => {
        const node = api.getRowNode(`u${unitId}`);
        if (!node || node.rowIndex === null) return;
        const prev = highlightRef.current === null ? undefined : api.getRowNode(`u${highlightRef.current}`);
        highlightRef.current = unitId;
        api.redrawRows({ rowNodes: prev && prev !== node ? [prev, node] : [node] });
        focusCell(api, node.rowIndex, NAME_COL);
      }),
    showChanges: (changes) =>
      whenReady((api) => {
        const first = changes[0];
        if (!first) return;
        const node = first.unitId === aggregate.id ? null : api.getRowNode(`u${first.unitId}`);
        if (first.unitId === aggregate.id) focusCell(api, 'total', first.key);
        else if (node?.rowIndex != null) focusCell(api, node.rowIndex, first.key);
        flashChanges(api, aggregate.id, changes);
      }),
  }));

  // Focus moving elsewhere than the range's anchor ends the range.
  const onCellFocused = (e: CellFocusedEvent<RowData>) => {
    const api = apiRef.current;
    if (api) cellFocusRef.current?.(focusedCellOf(api, infosRef.current));
    const anchor = range.anchor;
    if (!api || !anchor) return;
    const colId = e.column && typeof e.column === 'object' ? e.column.getColId() : null;
    if (e.rowPinned || e.rowIndex !== anchor.row || colId !== anchor.col) range.set(api, null);
  };

  const onEditRequest = (e: CellEditRequestEvent<RowData>) => {
    const info = infosRef.current.get(e.column.getColId());
    if (!e.data) return;
    const raw = String(e.newValue ?? '');
    if (info?.kind === 'text') actRef.current([{ unitId: e.data.unitId, key: info.column.key, value: normaliseText(raw) }]);
    else if (info?.kind === 'mark' && e.data.kind === 'unit') actRef.current([{ unitId: e.data.unitId, key: info.column.key, value: normaliseMark(raw) }]);
  };

  // A double click edits, as in Excel (it used to toggle a mark, so a double click erased an
  // x). Đánh giá cells: AG Grid opens their editor itself; mark cells: opened here.
  const onDoubleClick = (e: CellDoubleClickedEvent<RowData>) => {
    const api = apiRef.current;
    const info = infosRef.current.get(e.column.getColId());
    if (!api || info?.kind !== 'mark' || e.data?.kind !== 'unit' || e.rowIndex === null || e.rowPinned) return;
    editMarkCell(api, e.rowIndex, e.column.getColId());
  };

  const onReady = (e: GridReadyEvent<RowData>) => {
    apiRef.current = e.api;
    syncRows(e.api);
    restoreWidths(e.api, template.id);
    // Ctrl+PgUp/PgDn opened this grid: the keyboard goes on in it.
    if (takeFocusRequest()) focusFirstCell(e.api);
    const pending = pendingRef.current;
    pendingRef.current = null;
    pending?.();
  };

  // AG Grid itself (createGrid), not its React wrapper: the wrapper renders every row and cell
  // through React, which costs a country-sized grid about a quarter more to show. The grid is
  // created once; its handlers reach this render's functions through a ref, and what changes
  // later reaches it through its API (rows and total: syncRows; columns: below).
  const hostRef = useRef<HTMLDivElement>(null);
  const onResized = (e: ColumnResizedEvent<RowData>) => onWidthsChanged(e, template.id);
  const handlers = useRef({ onEditRequest, onDoubleClick, onCellFocused, onReady, onResized });
  handlers.current = { onEditRequest, onDoubleClick, onCellFocused, onReady, onResized };
  const gridColumns = useRef(columnDefs);
  useLayoutEffect(() => {
    const api = createGrid<RowData>(hostRef.current!, {
      theme: gridTheme,
      localeText: AG_LOCALE_VI,
      columnDefs: gridColumns.current,
      defaultColDef: DEFAULT_COL,
      rowData: firstRows,
      pinnedBottomRowData: firstPinned,
      getRowId,
      readOnlyEdit: true,
      onCellEditRequest: (e) => handlers.current.onEditRequest(e),
      onCellDoubleClicked: (e) => handlers.current.onDoubleClick(e),
      onCellFocused: (e) => handlers.current.onCellFocused(e),
      onColumnResized: (e) => handlers.current.onResized(e),
      groupHeaderHeight: GROUP_HEADER_HEIGHT,
      enterNavigatesVerticallyAfterEdit: true,
      stopEditingWhenCellsLoseFocus: true,
      enableBrowserTooltips: true,
      suppressMovableColumns: true,
      suppressDragLeaveHidesColumns: true,
      suppressColumnVirtualisation: true,
      rowClassRules,
      getRowClass,
      onGridReady: (e) => handlers.current.onReady(e),
    });
    const commit = () => commitEditing(api, infosRef.current, actRef.current);
    // Export, forms, reload and closing commit the cell being typed into (editCommit.ts).
    const offCommit = onCommitEdits(commit);
    // Focus leaving the grid (a button, a link of the tree) commits it at once, before the
    // click acts (AG Grid's own stop on focus loss hands the text over only a task later).
    const wrap = wrapRef.current!;
    const onFocusOut = (e: FocusEvent) => {
      if (!(e.relatedTarget instanceof Node && wrap.contains(e.relatedTarget))) commit();
    };
    wrap.addEventListener('focusout', onFocusOut, true);
    // The skip link: the first cell. F6 (detail.resume): back to the cell the grid was on.
    const onSkip = (e: Event) => {
      const resume = (e as CustomEvent<{ resume?: boolean } | null>).detail?.resume;
      const at = resume ? api.getFocusedCell() : null;
      if (!at) focusFirstCell(api);
      else {
        if (!at.rowPinned) api.ensureIndexVisible(at.rowIndex);
        api.ensureColumnVisible(at.column);
        api.setFocusedCell(at.rowIndex, at.column, at.rowPinned);
      }
    };
    window.addEventListener(FOCUS_GRID_EVENT, onSkip);
    return () => {
      window.removeEventListener(FOCUS_GRID_EVENT, onSkip);
      wrap.removeEventListener('focusout', onFocusOut, true);
      offCommit();
      // Leaving the grid (another grid, another page, Back) keeps what was being typed:
      // destroy() alone would drop it.
      commit();
      apiRef.current = null;
      api.destroy();
    };
    // Created once per grid page (a new page remounts this component).
  }, [firstRows, firstPinned, rowClassRules]);
  useLayoutEffect(() => {
    if (gridColumns.current === columnDefs) return;
    gridColumns.current = columnDefs;
    apiRef.current?.setGridOption('columnDefs', columnDefs);
  }, [columnDefs]);

  // As tall as its rows (the total row right under the last commune, as on paper), shrinking
  // to scroll when the window is shorter.
  const height = GROUP_HEADER_HEIGHT * groupDepth(columnDefs) + HEADER_HEIGHT + ROW_HEIGHT * (rowData.length + 1) + GRID_CHROME;

  return (
    <div ref={wrapRef} className="grid-wrap" data-testid={`grid-${template.id}`} style={{ flexBasis: height, maxWidth: columnsMaxWidth(columnDefs) + GRID_BORDERS }}>
      <div ref={hostRef} style={{ height: '100%' }} />
    </div>
  );
});
