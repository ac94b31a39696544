// How many communes stand at each level of each group: the bars of the "Tổng quan" chart, from
// the same roll-up as the levels line (shared/rules/rollup.ts).
import { groupsOf, type Grid } from '../../../shared/grid';
import { groupLabel } from '../../../shared/column-label';
import { rollupGrid } from '../../../shared/rules/rollup';
import type { TemplateDef } from '../../../shared/templates';

export interface LevelChart {
  /** One per group: "Năm 2020", "Giai đoạn 2026-2030". */
  labels: string[];
  /** One series per level, lowest first: "Chưa đạt", then each mark ("MĐ1"… or "Đạt"). */
  series: { name: string; counts: number[] }[];
  /** The district's level per group ("Chưa đạt" when none). */
  levels: string[];
  communes: number;
}

export function levelChart(t: TemplateDef, grid: Grid): LevelChart {
  const groups = groupsOf(t, grid.layout);
  const rollups = rollupGrid(t, grid);
  const names = t.scale === 'pass' ? [t.marks[0]] : t.marks;
  // atLeast[i]: communes at level i+1 or higher; exactly at i+1 is the difference with the next.
  const exact = (r: (typeof rollups)[number], i: number) => r.atLeast[i] - (r.atLeast[i + 1] ?? 0);
  return {
    labels: groups.map(groupLabel),
    series: [
      { name: 'Chưa đạt', counts: rollups.map((r) => r.communes - (r.atLeast[0] ?? 0)) },
      ...names.map((name, i) => ({ name, counts: rollups.map((r) => exact(r, i)) })),
    ],
    levels: rollups.map((r) => r.level ?? 'Chưa đạt'),
    communes: grid.rows.length,
  };
}
