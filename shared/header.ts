// The header of a grid as one tree, built once from the template and the layout: the Excel
// writer prints it as merged cells and the screen turns it into AG Grid column groups, so the
// two can no longer drift apart (they had: the writer worded the periods by header.period, the
// screen did not).
//
// STT and the name head the tree as leaves; then one node per result year (over its age groups
// for preschool, "Trẻ em 3 tuổi"), then the proposal node over one node per period; the leaves
// are the grid's columns (columnsOf), in the same order.
import { columnsOf, groupsOf, type GridColumn } from './grid';
import type { Layout, TemplateDef } from './templates';

export interface HeaderNode {
  /** Stable id: "stt", "name", "r:2020", "g:2020/3 tuổi", "p", "g:2021-2025", or a column key. */
  id: string;
  /** The text as printed. */
  text: string;
  /** Groups have children; leaves have none. */
  children: HeaderNode[];
  /** The grid column of a data leaf (not STT, not the name). */
  column?: GridColumn;
}

export const STT_ID = 'stt';
export const NAME_ID = 'name';

// The age sub-header reads "Trẻ em 3 tuổi" in every preschool grid seen (seed 001, samples).
const AGE_HEADER = 'Trẻ em {age}';

export interface HeaderWords {
  /** The name column's heading, after the aggregating unit (officeWords().nameColumn). */
  nameColumn: string;
}

/** The words of a district report (the default of every report today). */
export const DISTRICT_HEADER: HeaderWords = { nameColumn: 'Tên đơn vị (xã/thị trấn)' };

function periodLabel(t: TemplateDef, period: string): string {
  // header.period, when a template has one with {period}, words the label ("Giai đoạn {period}").
  const p = t.header.period;
  return p && p.includes('{period}') ? p.replace('{period}', period) : period;
}

/** The header of a template under a layout, top-level nodes left to right. */
export function headerTree(t: TemplateDef, layout: Layout, words: HeaderWords = DISTRICT_HEADER): HeaderNode[] {
  const cols = columnsOf(t, layout);
  const groups = groupsOf(t, layout);
  const leaves = (groupId: string): HeaderNode[] =>
    cols.filter((c) => c.group === groupId).map((c) => ({ id: c.key, text: c.label, children: [], column: c }));
  const nodes: HeaderNode[] = [
    { id: STT_ID, text: 'STT', children: [] },
    { id: NAME_ID, text: words.nameColumn, children: [] },
  ];
  for (const year of layout.results) {
    const yearGroups = groups.filter((g) => g.kind === 'result' && g.when === year);
    const children = t.ages
      ? yearGroups.map((g) => ({ id: `g:${g.id}`, text: AGE_HEADER.replace('{age}', g.age!), children: leaves(g.id) }))
      : yearGroups.flatMap((g) => leaves(g.id));
    nodes.push({ id: `r:${year}`, text: t.header.result.replace('{year}', year), children });
  }
  const periods = groups.filter((g) => g.kind === 'period');
  if (periods.length) {
    nodes.push({
      id: 'p',
      text: t.header.periods,
      children: periods.map((g) => ({ id: `g:${g.id}`, text: periodLabel(t, g.when), children: leaves(g.id) })),
    });
  }
  return nodes;
}

/** Group levels under a node: 0 for a leaf, 1 for a group of leaves, 2 for a group of groups. */
export function heightOf(node: HeaderNode): number {
  return node.children.length ? 1 + Math.max(...node.children.map(heightOf)) : 0;
}

/** Header rows the tree needs: its group levels plus the leaf row. */
export function depthOf(nodes: readonly HeaderNode[]): number {
  return 1 + Math.max(0, ...nodes.map(heightOf));
}

/** The leaves left to right (STT, name, then the grid's columns). */
export function leavesOf(nodes: readonly HeaderNode[]): HeaderNode[] {
  return nodes.flatMap((n) => (n.children.length ? leavesOf(n.children) : [n]));
}

/**
 * The rows a node covers in a header of `rows` rows when it starts at row `top`: leaves reach
 * the bottom row; a group stands over as many rows as are left above its own subtree (the XMC
 * result year beside the two-level periods covers two rows, as the merged cell of seed 001).
 */
export function rowSpan(node: HeaderNode, top: number, rows: number): { top: number; bottom: number } {
  return { top, bottom: rows - 1 - heightOf(node) };
}
