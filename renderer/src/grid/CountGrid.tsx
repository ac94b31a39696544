// A count table (DOMAIN.md §9) in AG Grid, edited as the Phụ lục grids are: the same keys, range,
// clipboard and commit on leaving (useGridInput, gridCommit), counts typed as whole numbers, the
// ĐBKK flag as x; rates, the computed level and the marked level shown live beside them.
import { createGrid, type CellEditRequestEvent, type CellFocusedEvent, type GetRowIdParams, type GridApi, type RowClassParams } from 'ag-grid-community';
import { memo, useEffect, useImperativeHandle, useLayoutEffect, useMemo, useRef, useState, type Ref } from 'react';
import type { CountFinding, CountTemplateDef, TableCheck } from '../../../shared/counts';
import type { Grid } from '../../../shared/grid';
import type { TemplateId } from '../../../shared/templates';
import { onCommitEdits } from '../platform/editCommit';
import { AG_LOCALE_VI } from '../platform/agLocale';
import { FOCUS_GRID_EVENT } from './AppendixGrid';
import { buildCountColumns, countColumnInfos } from './countColumns';
import { countRowData, countTotalRow } from './countRows';
import { commitEditing } from './gridCommit';
import { issueMap, NAME_COL } from './gridColumns';
import type { CellChange, CellWrite } from './gridEdits';
import { focusFirstCell } from './gridKeys';
import { rowId, type RowData } from './gridRows';
import { RangeSelection } from './rangeSelection';
import { GROUP_HEADER_HEIGHT, gridTheme, ROW_HEIGHT } from '../platform/gridTheme';
import { useGridInput, type GridInputRefs } from './useGridInput';
import './hands.css';

export interface CountGridHandle {
  focusCell(row: number | 'total', col: string | null): void;
}

interface Props {
  template: CountTemplateDef;
  year: string;
  grid: Grid;
  /** The district: the rows are its communes. */
  aggregateId: number;
  nameHeading: string;
  check: TableCheck;
  findings: CountFinding[];
  onAct(writes: CellWrite[]): CellChange[];
  /** The commune row the user moved to (null: the "Cộng" row). */
  onRowFocus?(row: number | null): void;
  ref?: Ref<CountGridHandle>;
}

const DEFAULT_COL = { sortable: false, resizable: true, suppressMovable: true, suppressHeaderMenuButton: true, suppressHeaderContextMenu: true };
const getRowId = (p: GetRowIdParams<RowData>) => rowId(p.data);
const getRowClass = (p: RowClassParams<RowData>) => (p.data?.kind === 'total' ? 'row-total' : undefined);

function focusAt(api: GridApi<RowData>, row: number | 'total', col: string | null) {
  const colId = col && col !== 'name' && api.getColumn(col) ? col : NAME_COL;
  api.ensureColumnVisible(colId);
  if (row === 'total') api.setFocusedCell(0, colId, 'bottom');
  else {
    api.ensureIndexVisible(row, 'middle');
    api.setFocusedCell(row, colId);
  }
}

export const CountGrid = memo(function CountGrid({ template, year, grid, aggregateId, nameHeading, check, findings, onAct, onRowFocus, ref }: Props) {
  const apiRef = useRef<GridApi<RowData> | null>(null);
  const wrapRef = useRef<HTMLDivElement>(null);
  const hostRef = useRef<HTMLDivElement>(null);
  const issues = useMemo(() => issueMap(findings), [findings]);
  const issuesRef = useRef(issues);
  issuesRef.current = issues;
  const infos = useMemo(() => countColumnInfos(template), [template]);
  const infosRef = useRef(infos);
  infosRef.current = infos;
  const actRef = useRef(onAct);
  actRef.current = onAct;
  const rowFocusRef = useRef(onRowFocus);
  rowFocusRef.current = onRowFocus;
  const [range] = useState(() => new RangeSelection());
  const inputRefs = useMemo<GridInputRefs>(
    // Ctrl+PgUp/PgDn go on from the Phụ lục this table checks.
    () => ({ wrap: wrapRef, api: apiRef, infos: infosRef, act: actRef, range, aggregateId, template: template.marks as TemplateId }),
    [range, aggregateId, template.marks],
  );
  useGridInput(inputRefs);

  const columnDefs = useMemo(
    () =>
      buildCountColumns(
        template,
        year,
        {
          issueAt: (data, colId) => (data ? issuesRef.current.get(`${data.kind === 'total' ? 'total' : data.index}|${colId}`) : undefined),
          inRange: (data, colId) => range.includes(data, colId),
        },
        nameHeading,
      ),
    [template, year, range, nameHeading],
  );
  const rows = useMemo(() => countRowData(template, year, grid, check), [template, year, grid, check]);
  const total = useMemo(() => countTotalRow(template, year, grid, aggregateId), [template, year, grid, aggregateId]);

  // The grid is handed its rows once, then only the rows an edit replaced.
  const has = useRef<{ rows: RowData[]; total: RowData } | null>(null);
  useLayoutEffect(() => {
    const api = apiRef.current;
    const prev = has.current;
    if (!api || !prev) return;
    has.current = { rows, total };
    if (prev.rows !== rows) {
      const update = rows.filter((r, i) => r !== prev.rows[i]);
      if (update.length) api.applyTransaction({ update });
    }
    if (prev.total !== total) api.getPinnedBottomRow(0)?.setData(total);
  });
  // New findings: repaint colours and tooltips (a small table: every cell on screen).
  useEffect(() => {
    apiRef.current?.refreshCells({ force: true });
  }, [issues]);

  useImperativeHandle(ref, () => ({ focusCell: (row, col) => apiRef.current && focusAt(apiRef.current, row, col) }));

  const onEditRequest = (e: CellEditRequestEvent<RowData>) => {
    const info = infosRef.current.get(e.column.getColId());
    if (!e.data || e.data.kind !== 'unit' || (info?.kind !== 'count' && info?.kind !== 'flag')) return;
    actRef.current([{ unitId: e.data.unitId, key: info.column.key, value: String(e.newValue ?? '') }]);
  };
  const onCellFocused = (e: CellFocusedEvent<RowData>) => {
    rowFocusRef.current?.(e.rowPinned || e.rowIndex === null ? null : e.rowIndex);
    const anchor = range.anchor;
    const api = apiRef.current;
    if (!api || !anchor) return;
    const colId = e.column && typeof e.column === 'object' ? e.column.getColId() : null;
    if (e.rowPinned || e.rowIndex !== anchor.row || colId !== anchor.col) range.set(api, null);
  };
  const handlers = useRef({ onEditRequest, onCellFocused });
  handlers.current = { onEditRequest, onCellFocused };

  const first = useRef({ rows, total, columnDefs });
  useLayoutEffect(() => {
    const api = createGrid<RowData>(hostRef.current!, {
      theme: gridTheme,
      localeText: AG_LOCALE_VI,
      columnDefs: first.current.columnDefs,
      defaultColDef: DEFAULT_COL,
      rowData: first.current.rows,
      pinnedBottomRowData: [first.current.total],
      getRowId,
      getRowClass,
      readOnlyEdit: true,
      onCellEditRequest: (e) => handlers.current.onEditRequest(e),
      onCellFocused: (e) => handlers.current.onCellFocused(e),
      enterNavigatesVerticallyAfterEdit: true,
      stopEditingWhenCellsLoseFocus: true,
      enableBrowserTooltips: true,
      suppressMovableColumns: true,
      suppressColumnVirtualisation: true,
    });
    apiRef.current = api;
    has.current = { rows: first.current.rows, total: first.current.total };
    const commit = () => commitEditing(api, infosRef.current, actRef.current);
    const offCommit = onCommitEdits(commit);
    const wrap = wrapRef.current!;
    const onFocusOut = (e: FocusEvent) => {
      if (!(e.relatedTarget instanceof Node && wrap.contains(e.relatedTarget))) commit();
    };
    wrap.addEventListener('focusout', onFocusOut, true);
    const onSkip = () => focusFirstCell(api);
    window.addEventListener(FOCUS_GRID_EVENT, onSkip);
    return () => {
      window.removeEventListener(FOCUS_GRID_EVENT, onSkip);
      wrap.removeEventListener('focusout', onFocusOut, true);
      offCommit();
      commit();
      apiRef.current = null;
      has.current = null;
      api.destroy();
    };
  }, []);
  useLayoutEffect(() => {
    if (first.current.columnDefs === columnDefs) return;
    first.current.columnDefs = columnDefs;
    apiRef.current?.setGridOption('columnDefs', columnDefs);
  }, [columnDefs]);

  return (
    // As tall as its rows (the header's leaves wrap on up to four lines), shrinking to scroll when the window is shorter.
    <div ref={wrapRef} className="grid-wrap count-grid" data-testid={`counts-${template.id}`} style={{ flexBasis: GROUP_HEADER_HEIGHT + 72 + ROW_HEIGHT * (rows.length + 1) + 8 }}>
      <div ref={hostRef} style={{ height: '100%' }} />
    </div>
  );
});
