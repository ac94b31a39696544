// What the district's stored grids hold in errors, grid by grid: asked before an export or the
// forms sent to the communes, so neither goes out with errors the officer has not seen.
import type { CountTableErrors, GridErrors } from '../../shared/api';
import { storedCountCheck } from './counts-check';
import { checkGrid, contextTemplates } from '../../shared/rules';
import { getTemplate } from '../../shared/templates';
import { gridsOf } from './export';
import type { Store } from './store/store';
import type { UnitRecord } from './store/types';

export function districtErrors(store: Store, unit: UnitRecord): { grids: GridErrors[]; counts: CountTableErrors[] } {
  const grids = gridsOf(store, unit);
  // Counts against marks across the stored reports (§9.6): a level.* finding is the Phụ lục's.
  const counted = storedCountCheck(store, unit, grids).findings;
  const aliases = store.childAliases(unit.id);
  const knownUnits = store.rows(unit.id).flatMap((u) => [u.name, ...(aliases.get(u.id) ?? [])]);
  const gridErrors = grids.map((grid): GridErrors => {
    const template = getTemplate(grid.template);
    const others = contextTemplates(template);
    const ctx = { grids: grids.filter((g) => g !== grid && others.includes(g.template)), knownUnits };
    const found = checkGrid({ template, grid }, ctx);
    const levels = counted.filter((f) => f.place.kind === 'grid' && f.place.template === grid.template && f.severity !== 'info');
    const errors = found.filter((f) => f.severity === 'error');
    const f = errors[0];
    const lf = levels.find((x) => x.severity === 'error');
    // A commune row is named by its unit id (stable across reloads), the total row by the district's.
    const first = f
      ? { unitId: f.row === 'total' || f.row === null ? unit.id : (grid.rows[f.row]?.unitId ?? unit.id), col: f.col === 'name' ? null : f.col }
      : lf
        ? { unitId: lf.place.unitId ?? unit.id, col: lf.place.col }
        : null;
    const levelErrors = levels.filter((x) => x.severity === 'error').length;
    return {
      template: grid.template,
      appendix: template.appendix,
      name: template.name,
      errors: errors.length + levelErrors,
      warnings: found.filter((x) => x.severity !== 'error').length + levels.length - levelErrors,
      first,
    };
  });
  // The count tables' own findings (count.*, rate.*), table by table; info findings are not counted.
  const counts: CountTableErrors[] = [];
  for (const f of counted) {
    if (f.place.kind !== 'counts' || f.severity === 'info') continue;
    const { template, year, reportId } = f.place;
    let entry = counts.find((c) => c.reportId === reportId);
    if (!entry) counts.push((entry = { reportId, template, year, sheet: f.sheet ?? template, errors: 0, warnings: 0, first: null }));
    if (f.severity === 'error') {
      entry.errors++;
      entry.first ??= { unitId: f.place.unitId ?? unit.id, col: f.place.col };
    } else entry.warnings++;
  }
  return { grids: gridErrors, counts };
}
