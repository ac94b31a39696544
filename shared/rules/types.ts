import type { Grid, GridGroup } from '../grid';
import type { TemplateDef } from '../templates';
import type { CountRuleId } from '../counts/types';

export type Severity = 'error' | 'warning' | 'info';

export type RuleId =
  | 'mark.exclusive'
  | 'mark.missing'
  | 'value.invalid'
  | 'total.mismatch'
  | 'level.regression'
  | 'level.prerequisite'
  | 'unit.duplicate'
  | 'unit.unknown'
  | 'sheet.unrecognized'
  | 'text.legacy-encoding'
  // Count sheets and levels from counts (DOMAIN.md §9.7): the ids live with their rules.
  | CountRuleId
  | 'column.unrecognized'
  // Plan targets (DOMAIN.md §10.3), checked on the grids: shared/targets.
  | 'target.unmet'
  | 'target.unit_unmatched'
  | 'target.baseline_unmet';

/** Where a finding points inside a grid: a commune row (index) or the total row, and a column. */
export interface GridSpot {
  row: number | 'total' | null;
  /** A column key, 'name' for the commune name, or null for the whole row / sheet. */
  col: string | 'name' | null;
}

export interface RuleFinding extends GridSpot {
  rule: RuleId;
  severity: Severity;
  /** The commune as written (NFC), or null for a total or a sheet. */
  unit: string | null;
  message: string;
}

export interface CheckInput {
  template: TemplateDef;
  grid: Grid;
  /** The file's printed total row, raw text by column key; absent when there is none (a stored grid). */
  printedTotals?: Record<string, string>;
}

export interface CheckContext {
  /** Every grid of the same workbook or district, for rules that look across grids. */
  grids: Grid[];
  /** The unit list of a database; absent for a lone file (unit.unknown is then skipped). */
  knownUnits?: string[];
}

export interface Rule {
  id: RuleId;
  severity: Severity;
  /**
   * True when a commune row's findings depend only on that row, the template and the context
   * (never on the other rows or on printed totals): checking a grid of that one row gives them,
   * so a live check re-runs the rule only on the rows an edit changed.
   */
  rowLocal: boolean;
  check(input: CheckInput, ctx: CheckContext, groups: GridGroup[]): RuleFinding[];
}
