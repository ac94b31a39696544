import { groupText, who } from './describe';
import { hasInvalid, markedIndexes } from './marks';
import type { Rule } from './types';

/** A commune row with no mark in a group: maybe "reaches no level", maybe forgotten. */
export const markMissing: Rule = {
  id: 'mark.missing',
  severity: 'warning',
  rowLocal: true,
  check({ grid }, _ctx, groups) {
    return grid.rows.flatMap((row, r) =>
      groups
        // A group holding an invalid value is reported by value.invalid already.
        .filter((g) => markedIndexes(row, g).length === 0 && !hasInvalid(row, g))
        .map((g) => ({
          rule: this.id,
          severity: this.severity,
          row: r,
          col: g.marks[0],
          unit: row.unit,
          message: `${who(row.unit)}: ${groupText(g)} chưa có dấu x nào (chưa đạt mức nào, hay quên đánh dấu?).`,
        })),
    );
  },
};
