import { groupsOf } from '../grid';
import type { TemplateDef, TemplateId } from '../templates';
import { levelPrerequisite } from './level-prerequisite';
import { levelRegression } from './level-regression';
import { markExclusive } from './mark-exclusive';
import { markMissing } from './mark-missing';
import { totalMismatch } from './total-mismatch';
import type { CheckContext, CheckInput, Rule, RuleFinding, Severity } from './types';
import { unitDuplicate, unitUnknown } from './units';
import { valueInvalid } from './value-invalid';

export type { CheckContext, CheckInput, GridSpot, Rule, RuleFinding, RuleId, Severity } from './types';

/** Every rule, in the order their findings are listed for one grid. */
export const RULES: readonly Rule[] = [
  valueInvalid,
  markExclusive,
  totalMismatch,
  unitDuplicate,
  markMissing,
  levelRegression,
  levelPrerequisite,
  unitUnknown,
];

/**
 * The other templates whose grids the rules read when checking a grid of `t` (level.prerequisite):
 * the app sends the open grid only these (a rule that looks across more grids adds them here).
 */
export function contextTemplates(t: TemplateDef): TemplateId[] {
  return (t.prerequisites ?? []).map((p) => p.template);
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Findings listed rule by rule (RULES order), as shown: errors first, then by row, stable. */
export function sortFindings(found: readonly RuleFinding[]): RuleFinding[] {
  const rowOrder = (f: RuleFinding) => (f.row === 'total' ? Number.MAX_SAFE_INTEGER : (f.row ?? -1));
  return found
    .map((f, i) => ({ f, i }))
    .sort(
      (a, b) =>
        SEVERITY_ORDER[a.f.severity] - SEVERITY_ORDER[b.f.severity] || rowOrder(a.f) - rowOrder(b.f) || a.i - b.i,
    )
    .map(({ f }) => f);
}

/** All findings of one grid, errors first, then by row. */
export function checkGrid(input: CheckInput, ctx: CheckContext): RuleFinding[] {
  const groups = groupsOf(input.template, input.grid.layout);
  return sortFindings(RULES.flatMap((rule) => rule.check(input, ctx, groups)));
}
