import { groupText, who } from './describe';
import { markedIndexes, reachedRank } from './marks';
import type { Rule, RuleFinding } from './types';

/**
 * A later group proposes a lower level than an earlier one for the same commune. Groups are
 * compared in time within the same age (periods carry no age); unmarked groups and groups with
 * conflicting marks are left out (mark.missing and mark.exclusive speak for them).
 */
export const levelRegression: Rule = {
  id: 'level.regression',
  severity: 'warning',
  rowLocal: true,
  check({ template, grid }, _ctx, groups) {
    const out: RuleFinding[] = [];
    const tracks = new Map<string, typeof groups>();
    for (const g of groups) tracks.set(g.age ?? '', [...(tracks.get(g.age ?? '') ?? []), g]);
    const ordered = [...tracks.values()].map((track) => [...track].sort((a, b) => a.order - b.order));
    grid.rows.forEach((row, r) => {
      for (const track of ordered) {
        let best: { rank: number; label: string; text: string } | null = null;
        for (const g of track) {
          const idx = markedIndexes(row, g);
          if (idx.length !== 1) continue;
          const rank = reachedRank(row, g)!;
          const label = template.marks[idx[0]];
          if (best && rank < best.rank) {
            out.push({
              rule: this.id,
              severity: this.severity,
              row: r,
              col: g.marks[idx[0]],
              unit: row.unit,
              message: `${who(row.unit)}: ${groupText(g)} đề xuất ${label}, thấp hơn ${best.label} của ${best.text}.`,
            });
          }
          if (!best || rank > best.rank) best = { rank, label, text: groupText(g) };
        }
      }
    });
    return out;
  },
};
