// Column definitions of the official Excel header, rendered from the shared header tree: STT, the
// commune's name, one group per result year (per age for preschool), then the proposal group
// with one sub-group per period. Column ids are the grid's column keys ("2020/3 tuổi|Đạt").
import type { CellClassParams, ColDef, ColGroupDef, ITooltipParams, ValueGetterParams } from 'ag-grid-community';
import { columnsOf, type GridColumn } from '../../../shared/grid';
import { depthOf, DISTRICT_HEADER, headerTree, NAME_ID, rowSpan, STT_ID, type HeaderNode, type HeaderWords } from '../../../shared/header';
import type { Layout, TemplateDef } from '../../../shared/templates';
import type { CellNoteMark } from '../platform/cells';
import type { RowData } from './gridRows';
import { markEditable, textEditorSelector } from './textEditor';

export const STT_COL = STT_ID;
export const NAME_COL = NAME_ID;

export type ColumnInfo =
  | { kind: 'stt' }
  | { kind: 'name' }
  | { kind: 'mark'; column: GridColumn }
  | { kind: 'text'; column: GridColumn }
  // The count tables (countColumns.ts): a count typed as a whole number, the ĐBKK flag, and the
  // columns computed from them (rates, levels), never typed.
  | { kind: 'count'; column: CellColumn }
  | { kind: 'flag'; column: CellColumn }
  | { kind: 'computed' };

/** A typed column of a count table: its key and headings. */
export interface CellColumn {
  key: string;
  group: string;
  label: string;
}

export interface CellIssue {
  severity: 'error' | 'warning' | 'info';
  messages: string[];
}

/** A finding as a grid places it: its row (an index, the total row, or none) and column key. */
interface PlacedFinding {
  row: number | 'total' | null;
  col: string | null;
  severity: CellIssue['severity'];
  message: string;
}

/** The findings by "row|column" (the name column for a row's own findings), the worst severity first; for both the Phụ lục and the count grids. */
export function issueMap(findings: readonly PlacedFinding[]): Map<string, CellIssue> {
  const rank = { error: 0, warning: 1, info: 2 } as const;
  const m = new Map<string, CellIssue>();
  for (const f of findings) {
    if (f.row === null) continue;
    const id = `${f.row}|${f.col === null || f.col === 'name' ? NAME_COL : f.col}`;
    const hit = m.get(id);
    if (!hit) m.set(id, { severity: f.severity, messages: [f.message] });
    else {
      hit.messages.push(f.message);
      if (rank[f.severity] < rank[hit.severity]) hit.severity = f.severity;
    }
  }
  return m;
}

/** How the columns read live state (findings) without being rebuilt on every edit. */
export interface ColumnHooks {
  issueAt(data: RowData | undefined, colId: string): CellIssue | undefined;
  /** Whether the cell lies in the chosen range (Shift+arrows, Shift+click). */
  inRange(data: RowData | undefined, colId: string): boolean;
  /** The note and follow-up flag on the cell, if any (corner marks, tooltip); absent: no notes. */
  noteAt?(data: RowData | undefined, colId: string): CellNoteMark | undefined;
}

type Def = ColDef<RowData> | ColGroupDef<RowData>;

export function columnInfos(t: TemplateDef, layout: Layout): Map<string, ColumnInfo> {
  const m = new Map<string, ColumnInfo>([
    [STT_COL, { kind: 'stt' }],
    [NAME_COL, { kind: 'name' }],
  ]);
  for (const c of columnsOf(t, layout)) m.set(c.key, c.kind === 'mark' ? { kind: 'mark', column: c } : { kind: 'text', column: c });
  return m;
}

function classRules(hooks: ColumnHooks, colId: string) {
  const sev = (p: CellClassParams<RowData>) => hooks.issueAt(p.data, colId)?.severity;
  return {
    'cell-error': (p: CellClassParams<RowData>) => sev(p) === 'error',
    'cell-warning': (p: CellClassParams<RowData>) => sev(p) === 'warning',
    'cell-info': (p: CellClassParams<RowData>) => sev(p) === 'info',
    'cell-in-range': (p: CellClassParams<RowData>) => hooks.inRange(p.data, colId),
    // Corner marks, as Excel's red triangle: a note (top right), a follow-up flag (top left).
    'cell-note': (p: CellClassParams<RowData>) => !!hooks.noteAt?.(p.data, colId)?.note,
    'cell-follow-up': (p: CellClassParams<RowData>) => !!hooks.noteAt?.(p.data, colId)?.followUp,
  };
}

/** "Ghi chú: …" and "Cần theo dõi", read on hover with the cell's problems. */
function noteLines(hooks: ColumnHooks, data: RowData | undefined, colId: string): string[] {
  const n = hooks.noteAt?.(data, colId);
  if (!n) return [];
  return [n.note ? `Ghi chú: ${n.note}` : '', n.followUp ? 'Cần theo dõi' : ''].filter((t) => !!t);
}

function tooltip(hooks: ColumnHooks, colId: string) {
  return (p: ITooltipParams<RowData>) => [...(hooks.issueAt(p.data, colId)?.messages ?? []), ...noteLines(hooks, p.data, colId)].join('\n') || undefined;
}

function textTooltip(hooks: ColumnHooks, colId: string) {
  return (p: ITooltipParams<RowData>) =>
    [p.data?.values[colId], ...(hooks.issueAt(p.data, colId)?.messages ?? []), ...noteLines(hooks, p.data, colId)].filter((t) => !!t).join('\n') || undefined;
}

function leaf(c: GridColumn, hooks: ColumnHooks): ColDef<RowData> {
  const isMark = c.kind === 'mark';
  return {
    colId: c.key,
    headerName: c.label,
    headerClass: 'hdr-center',
    valueGetter: (p: ValueGetterParams<RowData>) => p.data?.values[c.key] ?? '',
    // Marks change by key (x, Space, Delete) or in an editor a double click opens; Đánh giá is
    // typed text, also on the total row, in a box as wide as its text.
    editable: isMark ? markEditable : true,
    ...(isMark ? {} : { cellEditorSelector: textEditorSelector }),
    cellClass: isMark ? 'cell-mark' : 'cell-text',
    cellClassRules: classRules(hooks, c.key),
    // A Đánh giá cut with "…" reads in full on hover (with its problems, if any).
    tooltipValueGetter: isMark ? tooltip(hooks, c.key) : textTooltip(hooks, c.key),
    // Narrow enough that Phụ lục 2's 15 columns fit 1366×768 at 125% without scrolling sideways.
    minWidth: isMark ? 36 : 66,
    maxWidth: isMark ? 120 : 180,
    // A Đánh giá holds words: twice a mark's share, so its header reads in full at 125%.
    flex: isMark ? 1 : 2,
  };
}

/**
 * A header group. `rows` > 1: the group stands over fewer levels than the deepest branch (the
 * XMC result year beside the periods) and, as the merged cell of the Excel header, covers the
 * empty rows below it (CSS `hdr-span-N`) while its leaves stay on the bottom row.
 */
function group(headerName: string, groupId: string, children: Def[], rows = 1): ColGroupDef<RowData> {
  return {
    headerName,
    groupId,
    children:
      rows > 1 ? children.map((c) => ('children' in c ? c : { ...c, suppressSpanHeaderHeight: true })) : children,
    headerClass: rows > 1 ? ['hdr-group', `hdr-span-${rows}`] : 'hdr-group',
    suppressStickyLabel: true,
    marryChildren: true,
  };
}

/** How many group rows the header has above the leaf row. */
export function groupDepth(defs: readonly Def[]): number {
  return Math.max(0, ...defs.map((d) => ('children' in d ? 1 + groupDepth(d.children) : 0)));
}

/**
 * The widest the columns can be (each at its width or its maxWidth): a grid with few columns
 * (Phụ lục 1, 3) is no wider than that, instead of a blank band right of its last column.
 */
export function columnsMaxWidth(defs: Def[]): number {
  return defs.reduce((w, d) => w + ('children' in d ? columnsMaxWidth(d.children as Def[]) : ((d as ColDef).width ?? (d as ColDef).maxWidth ?? Infinity)), 0);
}

/**
 * The column defs of the shared header tree (shared/header.ts, the same the Excel writer prints):
 * STT and the name pinned left, then one column group per group node. `words` carries the
 * aggregating unit's name-column heading.
 */
export function buildColumns(t: TemplateDef, layout: Layout, hooks: ColumnHooks, words: HeaderWords = DISTRICT_HEADER): Def[] {
  const tree = headerTree(t, layout, words);
  // Group rows of the header: a group covers the rows left above its subtree (rowSpan).
  const groupRows = depthOf(tree) - 1;
  const toDef = (node: HeaderNode, top: number): Def => {
    if (node.column) return leaf(node.column, hooks);
    if (node.id === STT_ID) return sttColumn(node.text, hooks);
    if (node.id === NAME_ID) return nameColumn(node.text, hooks);
    const { bottom } = rowSpan(node, top, groupRows + 1);
    return group(node.text, node.id, node.children.map((c) => toDef(c, bottom + 1)), bottom - top + 1);
  };
  return tree.map((node) => toDef(node, 0));
}

function sttColumn(headerName: string, hooks: ColumnHooks): ColDef<RowData> {
  return {
    colId: STT_COL,
    headerName,
    headerClass: 'hdr-center',
    pinned: 'left',
    width: 40,
    resizable: false,
    valueGetter: (p: ValueGetterParams<RowData>) => (p.data?.kind === 'unit' ? String(p.data.index + 1) : ''),
    cellClass: 'cell-stt',
    cellClassRules: classRules(hooks, STT_COL),
  };
}

function nameColumn(headerName: string, hooks: ColumnHooks): ColDef<RowData> {
  return {
    colId: NAME_COL,
    headerName,
    headerClass: 'hdr-center',
    wrapHeaderText: true,
    autoHeaderHeight: true,
    pinned: 'left',
    width: 165,
    valueGetter: (p: ValueGetterParams<RowData>) => p.data?.name ?? '',
    cellClass: 'cell-name',
    cellClassRules: classRules(hooks, NAME_COL),
    tooltipValueGetter: tooltip(hooks, NAME_COL),
  };
}
