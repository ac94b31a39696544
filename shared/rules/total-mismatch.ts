import { parseCount } from '../text/marks';
import { groupText } from './describe';
import { markCounts } from './marks';
import type { Rule, RuleFinding } from './types';

/** A printed total differs from the count of marks in its column (a blank total counts as 0). */
export const totalMismatch: Rule = {
  id: 'total.mismatch',
  severity: 'error',
  rowLocal: false,
  check({ template, grid, printedTotals }, _ctx, groups) {
    if (!printedTotals) return [];
    const out: RuleFinding[] = [];
    for (const g of groups) {
      const counts = markCounts(grid, g.marks);
      g.marks.forEach((key, i) => {
        const printed = parseCount(printedTotals[key]);
        if (printed === null) return; // not a count: value.invalid says so
        const counted = counts[i];
        if (printed === counted) return;
        out.push({
          rule: this.id,
          severity: this.severity,
          row: 'total',
          col: key,
          unit: null,
          message: `Dòng tổng, ${template.marks[i]} ${groupText(g)}: ghi ${printed} nhưng cột có ${counted} dấu x.`,
        });
      });
    }
    return out;
  },
};
