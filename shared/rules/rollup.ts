// Roll-up of the district per group (Nghị định 20/2014): it reaches a level when the share of
// ALL its commune rows at that level or higher reaches the template's threshold. An unmarked
// commune reaches no level; thresholds are template data, compared unrounded.
import { groupsOf, type Grid } from '../grid';
import type { TemplateDef } from '../templates';
import { reachedRank } from './marks';

export interface Rollup {
  group: string;
  /** "MĐ1"…"MĐ3", "Đạt", or null when no level is reached. */
  level: string | null;
  /** Communes at each rank or higher, index = rank − 1. */
  atLeast: number[];
  communes: number;
}

export function rollupGrid(t: TemplateDef, grid: Grid): Rollup[] {
  const n = grid.rows.length;
  return groupsOf(t, grid.layout).map((g) => {
    // One pass, no arrays per row: the open grid's levels are recomputed on every keystroke.
    const atLeast = t.thresholds.map(() => 0);
    for (const row of grid.rows) {
      const rank = reachedRank(row, g) ?? 0;
      for (let i = 0; i < atLeast.length && rank >= i + 1; i++) atLeast[i]++;
    }
    let reached = 0;
    for (let i = 0; i < t.thresholds.length; i++) {
      // A level needs every lower level as well.
      if (n > 0 && (100 * atLeast[i]) / n >= t.thresholds[i]) reached = i + 1;
      else break;
    }
    const level = reached === 0 ? null : t.scale === 'pass' ? t.marks[0] : t.marks[reached - 1];
    return { group: g.id, level, atLeast, communes: n };
  });
}
