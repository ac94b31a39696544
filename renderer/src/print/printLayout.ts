// What a printed grid holds, as plain data: the header rows laid out from the shared header
// tree (shared/header.ts, the same tree the screen and the Excel writer use), the commune rows
// and the total row, and each column's share of the page width. A <table> rather than AG Grid's
// print layout: the browser repeats a <thead> on every printed page, AG Grid's print layout
// prints its header once.
import { columnsOf, type Grid } from '../../../shared/grid';
import { depthOf, headerTree, leavesOf, rowSpan, type HeaderNode, type HeaderWords } from '../../../shared/header';
import { markCounts } from '../../../shared/rules/marks';
import type { TemplateDef } from '../../../shared/templates';

export interface PrintHeaderCell {
  id: string;
  text: string;
  colSpan: number;
  rowSpan: number;
}

export interface PrintColumn {
  /** "stt", "name" or the grid's column key. */
  id: string;
  kind: 'stt' | 'name' | 'mark' | 'text';
  /** Share of the table's width, in percent. */
  width: number;
}

export interface PrintRow {
  kind: 'unit' | 'total';
  /** One text per column, in column order. */
  cells: string[];
}

export interface PrintLayout {
  header: PrintHeaderCell[][];
  columns: PrintColumn[];
  rows: PrintRow[];
}

// Relative widths: a mark holds "x" or a count, a name a commune's name, a Đánh giá a sentence
// or two that wraps.
const WEIGHT = { stt: 3, name: 11, mark: 2.8, text: 10 } as const;

/** The header as table rows: each node a cell spanning its leaves and the rows it covers. */
export function headerRows(nodes: readonly HeaderNode[]): PrintHeaderCell[][] {
  const depth = depthOf(nodes);
  const rows: PrintHeaderCell[][] = Array.from({ length: depth }, () => []);
  const place = (node: HeaderNode, top: number): void => {
    const { bottom } = rowSpan(node, top, depth);
    rows[top].push({ id: node.id, text: node.text, colSpan: Math.max(1, leavesOf([node]).length), rowSpan: bottom - top + 1 });
    for (const child of node.children) place(child, bottom + 1);
  };
  for (const node of nodes) place(node, 0);
  return rows;
}

export function printLayout(t: TemplateDef, grid: Grid, words: HeaderWords & { totalRow: string }): PrintLayout {
  const tree = headerTree(t, grid.layout, words);
  const cols = columnsOf(t, grid.layout);
  const kinds: PrintColumn['kind'][] = ['stt', 'name', ...cols.map((c) => c.kind)];
  const sum = kinds.reduce((s, k) => s + WEIGHT[k], 0);
  const columns = kinds.map((kind, i) => ({ id: i === 0 ? 'stt' : i === 1 ? 'name' : cols[i - 2].key, kind, width: (100 * WEIGHT[kind]) / sum }));
  const marks = cols.filter((c) => c.kind === 'mark').map((c) => c.key);
  const counts = markCounts(grid, marks);
  const rows: PrintRow[] = grid.rows.map((r, i) => ({ kind: 'unit', cells: [String(i + 1), r.unit, ...cols.map((c) => r.values[c.key] ?? '')] }));
  rows.push({
    kind: 'total',
    cells: ['', words.totalRow, ...cols.map((c) => (c.kind === 'mark' ? String(counts[marks.indexOf(c.key)]) : (grid.totalTexts[c.key] ?? '')))],
  });
  return { header: headerRows(tree), columns, rows };
}
