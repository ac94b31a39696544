// "Cần theo dõi": every note and follow-up flag of a district's reports, each named as the
// officer reads it (Phụ lục, commune, column), in the order of the grids: template, row, column.
// Only the report the grid page opens for a template (the latest changed) is listed, so a row
// always leads to the cell it names.
import type { FollowUpItem } from '../../shared/api';
import { columnLabel } from '../../shared/column-label';
import { columnsOf } from '../../shared/grid';
import { getTemplate, TEMPLATES } from '../../shared/templates';
import { officeWords, wordsKind } from '../../shared/units/words';
import type { Store } from './store/store';
import type { UnitRecord } from './store/types';

export function followUpsOf(store: Store, unit: UnitRecord): FollowUpItem[] {
  const rowOf = new Map(store.rows(unit.id).map((c, i) => [c.id, { name: c.name, index: i }]));
  // The total row as the grid names it: after the unit's own kind word ("Tổng toàn phường").
  const total = { name: officeWords(wordsKind(unit.kind, store.reform.kindOf(unit.id)), unit.name).totalRow, index: Number.MAX_SAFE_INTEGER };
  const reports = store.listReports(unit.id);
  return TEMPLATES.flatMap((t) => {
    const report = reports.filter((r) => r.template === t.id).sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))[0];
    if (!report) return [];
    const template = getTemplate(t.id);
    const order = new Map(columnsOf(template, report.layout).map((c, i) => [c.key, i]));
    return store
      .notes(report.id)
      .map((n) => ({ n, row: n.unitId === unit.id ? total : rowOf.get(n.unitId) }))
      // A note on a commune no longer in the district (moved by a reform) has no row to go to.
      .filter((x): x is { n: typeof x.n; row: { name: string; index: number } } => !!x.row)
      .sort((a, b) => a.row.index - b.row.index || (order.get(a.n.key) ?? 1e9) - (order.get(b.n.key) ?? 1e9))
      .map(({ n, row }) => ({
        reportId: report.id,
        template: t.id,
        appendix: template.appendix,
        unitId: n.unitId,
        unitName: row.name,
        key: n.key,
        column: columnLabel(template, report.layout, n.key),
        note: n.note,
        followUp: n.followUp,
        at: n.at,
      }));
  });
}
