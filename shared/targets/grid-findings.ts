// The plan's targets checked on one open grid, as the problems panel lists them (DOMAIN.md §10.3):
// `target.unmet` (warning) for each target of this grid's programme that the grid does not meet,
// with the same message `validate` gives. A finding points at the row to work on first (the
// commune concerned, or the closest one), so a click in the panel moves there. Free of zod: the
// renderer runs it at each edit.
import type { Grid } from '../grid';
import type { RuleFinding } from '../rules/types';
import type { TemplateDef } from '../templates';
import { evaluateTarget, type EvaluateOptions } from './evaluate';
import type { Target } from './model';

export function targetGridFindings(targets: readonly Target[], template: TemplateDef, grid: Grid, opts: EvaluateOptions = {}): RuleFinding[] {
  const out: RuleFinding[] = [];
  for (const t of targets) {
    if (t.programme !== template.id) continue;
    const e = evaluateTarget(t, [{ template, grid }], opts);
    if (e.status !== 'unmet') continue;
    const first = e.unit ?? e.closest[0] ?? null;
    const row = first === null ? -1 : grid.rows.findIndex((r) => r.unit === first);
    out.push({ rule: 'target.unmet', severity: 'warning', row: row < 0 ? null : row, col: row < 0 ? null : 'name', unit: e.unit, message: e.message });
  }
  return out;
}
