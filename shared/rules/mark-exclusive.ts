import { groupText, who } from './describe';
import { markedIndexes } from './marks';
import type { Rule } from './types';

/** At most one mark per commune per group (a level group of one period; an Đạt/KĐ pair). */
export const markExclusive: Rule = {
  id: 'mark.exclusive',
  severity: 'error',
  rowLocal: true,
  check({ template, grid }, _ctx, groups) {
    return grid.rows.flatMap((row, r) =>
      groups.flatMap((g) => {
        const idx = markedIndexes(row, g);
        if (idx.length < 2) return [];
        const labels = idx.map((i) => template.marks[i]);
        const what = template.scale === 'pass' ? `cả ${labels.join(' và ')}` : `nhiều mức (${labels.join(', ')})`;
        return [
          {
            rule: this.id,
            severity: this.severity,
            row: r,
            col: g.marks[idx[0]],
            unit: row.unit,
            message: `${who(row.unit)}: ${groupText(g)} được đánh dấu ${what}; mỗi nhóm chỉ được một dấu x.`,
          },
        ];
      }),
    );
  },
};
