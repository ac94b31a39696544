import type { Grid, GridGroup } from '../grid';
import type { TemplateDef } from '../templates';

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
  | 'text.legacy-encoding';

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
  check(input: CheckInput, ctx: CheckContext, groups: GridGroup[]): RuleFinding[];
}
