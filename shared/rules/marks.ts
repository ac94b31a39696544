// Reading the marks of one row in one group, shared by the rules and the roll-up; and the count
// of marks per column, the one total the grid shows (the writer counts as it writes).
import type { Grid, GridGroup, GridRow } from '../grid';
import { markState } from '../text/marks';

/** Positions (within the group) of the marked columns of a row. */
export function markedIndexes(row: GridRow, g: GridGroup): number[] {
  const out: number[] = [];
  g.marks.forEach((key, i) => {
    if (markState(row.values[key]) === 'mark') out.push(i);
  });
  return out;
}

/** True when a mark cell of the group holds something other than a mark or blank. */
export function hasInvalid(row: GridRow, g: GridGroup): boolean {
  return g.marks.some((key) => markState(row.values[key]) === 'invalid');
}

/**
 * The rank a row reaches in a group (MĐ1 = 1 …; Đạt = 1, KĐ = 0), or null when unmarked.
 * With conflicting marks the lowest one counts: a doubtful claim never raises a level
 * (seed 001: Lương Thông marked Đạt and KĐ is not counted as Đạt, as the plan's total shows).
 */
export function reachedRank(row: GridRow, g: GridGroup): number | null {
  let rank: number | null = null;
  for (let i = 0; i < g.marks.length; i++) {
    if (markState(row.values[g.marks[i]]) === 'mark' && (rank === null || g.ranks[i] < rank)) rank = g.ranks[i];
  }
  return rank;
}

/** The number of marks in each of these columns, over every commune row (one pass). */
export function markCounts(grid: Grid, keys: readonly string[]): number[] {
  const counts = new Array<number>(keys.length).fill(0);
  for (const r of grid.rows) for (let i = 0; i < keys.length; i++) if (markState(r.values[keys[i]]) === 'mark') counts[i]++;
  return counts;
}
