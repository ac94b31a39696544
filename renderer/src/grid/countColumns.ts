// Column definitions of a count table (DOMAIN.md §9.2): STT and the commune pinned left, the
// template's groups as on the ministry's sheet (each count followed by its "Tỉ lệ (%)"), ĐBKK,
// then the computed level and the marked level of the Phụ lục result group "năm Y". The rows'
// values hold the stored counts and, under the computed columns' keys, what they show.
import type { CellClassParams, ColDef, ColGroupDef, ITooltipParams, ValueFormatterParams, ValueGetterParams } from 'ag-grid-community';
import { formatCount, headerTree, LEVEL_COL, MARKED_COL, type CountTemplateDef } from '../../../shared/counts';
import { NAME_COL, STT_COL, type ColumnHooks, type ColumnInfo } from './gridColumns';
import type { RowData } from './gridRows';

type Def = ColDef<RowData> | ColGroupDef<RowData>;

export function countColumnInfos(t: CountTemplateDef): Map<string, ColumnInfo> {
  const m = new Map<string, ColumnInfo>([
    [STT_COL, { kind: 'stt' }],
    [NAME_COL, { kind: 'name' }],
    [LEVEL_COL, { kind: 'computed' }],
    [MARKED_COL, { kind: 'computed' }],
  ]);
  for (const c of t.columns) {
    if (c.kind === 'count') m.set(c.key, { kind: 'count', column: { key: c.key, group: c.group, label: c.leaf } });
    else if (c.kind === 'flag') m.set(c.key, { kind: 'flag', column: { key: c.key, group: c.group, label: c.group } });
    else if (c.kind === 'rate') m.set(c.key, { kind: 'computed' });
  }
  return m;
}

function classRules(hooks: ColumnHooks, colId: string) {
  const sev = (p: CellClassParams<RowData>) => hooks.issueAt(p.data, colId)?.severity;
  return {
    'cell-error': (p: CellClassParams<RowData>) => sev(p) === 'error',
    'cell-warning': (p: CellClassParams<RowData>) => sev(p) === 'warning',
    'cell-info': (p: CellClassParams<RowData>) => sev(p) === 'info',
    'cell-in-range': (p: CellClassParams<RowData>) => hooks.inRange(p.data, colId),
  };
}

const tooltip = (hooks: ColumnHooks, colId: string) => (p: ITooltipParams<RowData>) => hooks.issueAt(p.data, colId)?.messages.join('\n');
const valueOf = (colId: string) => (p: ValueGetterParams<RowData>) => p.data?.values[colId] ?? '';
const unitRowOnly = (p: { data?: RowData }) => p.data?.kind === 'unit';

function countLeaf(key: string, label: string, hooks: ColumnHooks): ColDef<RowData> {
  return {
    colId: key,
    headerName: label,
    headerClass: 'hdr-center',
    wrapHeaderText: true,
    autoHeaderHeight: true,
    valueGetter: valueOf(key),
    // Stored as digits, shown grouped ("4.019"); the editor opens on the digits.
    valueFormatter: (p: ValueFormatterParams<RowData>) => (p.value === '' || p.value == null ? '' : formatCount(Number(p.value))),
    editable: unitRowOnly,
    cellClass: 'cell-count',
    cellClassRules: classRules(hooks, key),
    tooltipValueGetter: tooltip(hooks, key),
    minWidth: 48,
    flex: 1,
  };
}

function computedLeaf(key: string, label: string, hooks: ColumnHooks, cls: string, minWidth: number): ColDef<RowData> {
  return {
    colId: key,
    headerName: label,
    headerClass: 'hdr-center',
    wrapHeaderText: true,
    autoHeaderHeight: true,
    valueGetter: valueOf(key),
    editable: false,
    cellClass: cls,
    cellClassRules: classRules(hooks, key),
    tooltipValueGetter: (p: ITooltipParams<RowData>) => [p.data?.values[key], ...(hooks.issueAt(p.data, key)?.messages ?? [])].filter((x) => !!x).join('\n') || undefined,
    minWidth,
    flex: 1,
  };
}

export function buildCountColumns(t: CountTemplateDef, year: string, hooks: ColumnHooks, nameHeading: string): Def[] {
  const defs: Def[] = [];
  for (const g of headerTree(t.columns)) {
    const c = g.columns[0];
    if (g.columns.length === 1 && c.leaf === null) {
      if (c.key === 'stt') defs.push({ colId: STT_COL, headerName: 'TT', headerClass: 'hdr-center', pinned: 'left', width: 40, resizable: false, valueGetter: (p) => (p.data?.kind === 'unit' ? String(p.data.index + 1) : ''), cellClass: 'cell-stt' });
      else if (c.key === 'unit')
        defs.push({ colId: NAME_COL, headerName: nameHeading, headerClass: 'hdr-center', wrapHeaderText: true, autoHeaderHeight: true, pinned: 'left', width: 128, valueGetter: (p) => p.data?.name ?? '', cellClass: 'cell-name', cellClassRules: classRules(hooks, NAME_COL), tooltipValueGetter: tooltip(hooks, NAME_COL) });
      else if (c.kind === 'flag')
        defs.push({ colId: c.key, headerName: c.group, headerClass: 'hdr-center', valueGetter: valueOf(c.key), editable: unitRowOnly, cellClass: 'cell-mark', cellClassRules: classRules(hooks, c.key), tooltipValueGetter: tooltip(hooks, c.key), width: 54 });
      continue;
    }
    defs.push({
      headerName: g.label,
      groupId: `g:${g.label}`,
      headerClass: 'hdr-group',
      marryChildren: true,
      suppressStickyLabel: true,
      children: g.columns.map((x) => (x.kind === 'count' ? countLeaf(x.key, x.leaf!, hooks) : computedLeaf(x.key, x.leaf ?? x.group, hooks, 'cell-rate', 48))),
    });
  }
  // Pinned right: the levels stay in view when the counts scroll sideways (a narrow window, 125%).
  defs.push({
    headerName: `Mức năm ${year}`,
    groupId: 'g:levels',
    headerClass: 'hdr-group',
    marryChildren: true,
    children: [
      { ...computedLeaf(LEVEL_COL, 'Tính từ số liệu', hooks, 'cell-level', 0), pinned: 'right', flex: undefined, width: 84 },
      { ...computedLeaf(MARKED_COL, 'Đánh dấu ở phụ lục', hooks, 'cell-level', 0), pinned: 'right', flex: undefined, width: 76 },
    ],
  });
  return defs;
}
