// What the district's stored grids hold in errors, grid by grid: asked before an export or the
// forms sent to the communes, so neither goes out with errors the officer has not seen.
import type { GridErrors } from '../../shared/api';
import { checkGrid, contextTemplates } from '../../shared/rules';
import { getTemplate } from '../../shared/templates';
import { gridsOf } from './export';
import type { Store } from './store/store';
import type { UnitRecord } from './store/types';

export function districtErrors(store: Store, unit: UnitRecord): GridErrors[] {
  const grids = gridsOf(store, unit);
  const aliases = store.childAliases(unit.id);
  const knownUnits = store.children(unit.id).flatMap((u) => [u.name, ...(aliases.get(u.id) ?? [])]);
  return grids.map((grid) => {
    const template = getTemplate(grid.template);
    const others = contextTemplates(template);
    const ctx = { grids: grids.filter((g) => g !== grid && others.includes(g.template)), knownUnits };
    const found = checkGrid({ template, grid }, ctx);
    const errors = found.filter((f) => f.severity === 'error');
    const f = errors[0];
    // A commune row is named by its unit id (stable across reloads), the total row by the district's.
    const first = f ? { unitId: f.row === 'total' || f.row === null ? unit.id : (grid.rows[f.row]?.unitId ?? unit.id), col: f.col === 'name' ? null : f.col } : null;
    return { template: grid.template, appendix: template.appendix, name: template.name, errors: errors.length, warnings: found.length - errors.length, first };
  });
}
