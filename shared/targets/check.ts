// Rule `target.unmet` (DOMAIN.md §10.3) and the "targets" entries of `validate --json` (§10.4),
// pure: the targets and the grids in, findings in the report's Finding shape and entries out.
import type { Finding } from '../report';
import type { RuleId, Severity } from '../rules';
import { evaluateTarget, type EvaluateOptions, type TargetEvaluation, type TemplateGrid } from './evaluate';
import { isPeriod } from './labels';
import type { Target } from './model';

/** The rule ids of this module (listed in `shared/rules/types.ts` RuleId too). */
export type TargetRuleId = Extract<RuleId, `target.${string}`>;

export type TargetFinding = Finding;

/** The sheet targets are read from and written to (§10.5). */
export const TARGET_SHEET = 'Mục tiêu';

/** Column of the Giá trị cell, where a target's finding points (§10.3). */
const VALUE_COLUMN = 'E';

/** One entry of `validate --json` "targets" (§10.4). */
export interface TargetEntry {
  sheet: string | null;
  row: number | null;
  programme: Target['programme'];
  age: Target['age'];
  level: Target['level'];
  kind: Target['kind'];
  /** p for share, m for count, the names for named, null for unit. */
  value: number | string[] | null;
  of: number | null;
  period: string;
  unit: string;
  mode: Target['mode'];
  status: TargetEvaluation['status'];
  text: string;
  message: string;
}

function place(t: Target): { sheet: string | null; cell: string | null; row: number | null } {
  if (t.source?.kind === 'sheet') return { sheet: t.source.sheet, cell: `${VALUE_COLUMN}${t.source.row}`, row: t.source.row };
  return { sheet: null, cell: null, row: null };
}

/** The findings one evaluated target gives: `target.unmet` (warning) or an unmatched name (info). */
export function targetFindings(t: Target, e: TargetEvaluation): TargetFinding[] {
  const { sheet, cell } = place(t);
  const finding = (rule: TargetRuleId, severity: Severity, unit: string | null): TargetFinding => ({
    rule, severity, sheet, cell, unit, message: e.message,
  });
  if (e.status === 'unmet') return [finding('target.unmet', 'warning', e.unit)];
  if (e.status === 'undecided' && e.unmatched.length) return [finding('target.unit_unmatched', 'info', null)];
  return [];
}

export function targetEntry(t: Target, e: TargetEvaluation): TargetEntry {
  const { sheet, row } = place(t);
  return {
    sheet,
    row,
    programme: t.programme,
    age: t.age,
    level: t.level,
    kind: t.kind,
    value: t.kind === 'named' ? [...t.names] : t.kind === 'unit' ? null : t.value,
    of: t.kind === 'count' ? t.of : null,
    period: t.when,
    unit: t.scope,
    mode: t.mode,
    status: e.status,
    text: t.text,
    message: e.message,
  };
}

export interface TargetCheck {
  findings: TargetFinding[];
  targets: TargetEntry[];
}

/**
 * A `maintain` target whose baseline (the grid's result year before its period, e.g. 2020) is
 * already below it: info `target.baseline_unmet`, never a warning (§10.1).
 */
export function baselineFinding(t: Target, grids: readonly TemplateGrid[], opts: EvaluateOptions = {}): TargetFinding | null {
  if (t.mode !== 'maintain' || !isPeriod(t.when)) return null;
  const tg = grids.find((g) => g.template.id === t.programme);
  const start = Number(t.when.slice(0, 4));
  const years = (tg?.grid.layout.results ?? []).filter((y) => Number(y.slice(0, 4)) < start).sort();
  if (years.length === 0) return null;
  const e = evaluateTarget({ ...t, when: years[0] }, grids, opts);
  if (e.status !== 'unmet') return null;
  const { sheet, cell } = place(t);
  return {
    rule: 'target.baseline_unmet', severity: 'info', sheet, cell, unit: e.unit,
    message: `Chỉ tiêu duy trì (${t.when}) nhưng kết quả năm ${years[0]} đã chưa đạt: ${e.message}`,
  };
}

/** Every target checked on the grids: what `validate --json` adds, and the problems panel shows. */
export function checkTargets(targets: readonly Target[], grids: readonly TemplateGrid[], opts: EvaluateOptions = {}): TargetCheck {
  const out: TargetCheck = { findings: [], targets: [] };
  for (const t of targets) {
    const e = evaluateTarget(t, grids, opts);
    out.findings.push(...targetFindings(t, e));
    const baseline = baselineFinding(t, grids, opts);
    if (baseline) out.findings.push(baseline);
    out.targets.push(targetEntry(t, e));
  }
  return out;
}
