import { cleanText } from '../text/normalize';
import { markState, parseCount } from '../text/marks';
import { groupText, who } from './describe';
import type { Rule, RuleFinding } from './types';

/** A value a cell may not hold: a mark cell with "2" or "y"; a total that is not a whole count. */
export const valueInvalid: Rule = {
  id: 'value.invalid',
  severity: 'error',
  // Printed totals (read files only) are not rows: the live check never has them.
  rowLocal: true,
  check({ template, grid, printedTotals }, _ctx, groups) {
    const out: RuleFinding[] = [];
    grid.rows.forEach((row, r) => {
      for (const g of groups) {
        g.marks.forEach((key, i) => {
          if (markState(row.values[key]) !== 'invalid') return;
          out.push({
            rule: this.id,
            severity: this.severity,
            row: r,
            col: key,
            unit: row.unit,
            message: `${who(row.unit)}: ô ${template.marks[i]} ${groupText(g)} ghi "${cleanText(row.values[key])}"; chỉ được để trống hoặc đánh dấu x.`,
          });
        });
      }
    });
    if (printedTotals) {
      for (const g of groups) {
        for (const key of g.marks) {
          const raw = printedTotals[key];
          if (parseCount(raw) !== null) continue;
          out.push({
            rule: this.id,
            severity: this.severity,
            row: 'total',
            col: key,
            unit: null,
            message: `Dòng tổng, ${groupText(g)}: "${cleanText(raw ?? '')}" không phải là một số đếm (số nguyên không âm).`,
          });
        }
      }
    }
    return out;
  },
};
