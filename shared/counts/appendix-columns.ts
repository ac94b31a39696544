// The Phụ lục grids' columns in the kind declaration of kinds.ts: marks with their rank, and the
// free-text "Đánh giá". A first step for the appendix templates to adopt the same declaration
// (the reader, grid and writer can then work over kinds for every template).
import { columnsOf, groupsOf } from '../grid';
import type { Layout, TemplateDef } from '../templates';
import type { ColumnSpec } from './kinds';

/** The columns after STT and the unit, in header order, with their kind ('mark' or 'text'). */
export function appendixColumns(t: TemplateDef, layout: Layout): ColumnSpec[] {
  const ranks = new Map<string, number>();
  for (const g of groupsOf(t, layout)) g.marks.forEach((key, i) => ranks.set(key, g.ranks[i]));
  return columnsOf(t, layout).map((c): ColumnSpec =>
    c.kind === 'mark'
      ? { key: c.key, kind: 'mark', group: c.group, leaf: c.label, rank: ranks.get(c.key)! }
      : { key: c.key, kind: 'text', group: c.group, leaf: c.label },
  );
}
