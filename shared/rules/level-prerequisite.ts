import { groupsOf } from '../grid';
import { getTemplate } from '../templates';
import { unitKey } from '../text/normalize';
import { groupText, who } from './describe';
import { rowsByUnitKey } from './lookup';
import { markedIndexes, reachedRank } from './marks';
import type { Rule, RuleFinding } from './types';

/**
 * THCS ≥ MĐ1 needs TH ≥ MĐ1 and XMC ≥ MĐ1 for the same commune and year or period
 * (Nghị định 20/2014, Điều 14). The needs are template data; a need whose grid is absent,
 * or whose grid has no such group, is skipped.
 */
export const levelPrerequisite: Rule = {
  id: 'level.prerequisite',
  severity: 'warning',
  rowLocal: true,
  check({ template, grid }, ctx, groups) {
    const out: RuleFinding[] = [];
    for (const need of template.prerequisites ?? []) {
      const other = ctx.grids.find((g) => g.template === need.template);
      if (!other) continue;
      const otherT = getTemplate(need.template);
      const otherGroups = new Map(groupsOf(otherT, other.layout).map((g) => [g.id, g]));
      const otherRows = rowsByUnitKey(other);
      grid.rows.forEach((row, r) => {
        for (const g of groups) {
          const rank = reachedRank(row, g);
          if (rank === null || rank < 1) continue;
          const og = otherGroups.get(g.id);
          if (!og) continue;
          const orow = otherRows.get(unitKey(row.unit));
          const orank = orow ? reachedRank(orow, og) : null;
          if (orank !== null && orank >= need.minLevel) continue;
          const col = g.marks[markedIndexes(row, g)[0]];
          out.push({
            rule: this.id,
            severity: this.severity,
            row: r,
            col,
            unit: row.unit,
            message: `${who(row.unit)}: ${groupText(g)} đạt ${template.name} nhưng ${otherT.name} chưa đạt ${otherT.marks[need.minLevel - 1]} (${otherT.appendix}); cần đạt trước theo Nghị định 20/2014.`,
          });
        }
      });
    }
    return out;
  },
};
