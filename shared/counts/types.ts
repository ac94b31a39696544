// The inputs and outputs of the level engine and the count rules.
import type { CountTemplateDef } from './templates';

/** One commune's row of a count sheet, for one year. */
export interface CountRow {
  /** The unit as written (NFC, trimmed, inner spaces collapsed). */
  unit: string;
  year: string;
  /** Counts by column key ("T_15_25", "P6"). null or absent = missing input (a blank or invalid cell), never 0. */
  counts: Readonly<Record<string, number | null | undefined>>;
  /** The ĐBKK flag: true ("x"), false (blank), null (no ĐBKK column, or an invalid flag). */
  dbkk: boolean | null;
}

export type Tri = 'pass' | 'fail' | 'undecided';

/** Where a THCS prerequisite's answer came from (§9.5): computed counts, a Phụ lục mark, or nothing. */
export interface PrereqStatus {
  state: Tri;
  source: 'computed' | 'marked' | 'none';
  /** computed: the other programme's L and U; marked: the marked level. */
  level?: number;
  upper?: number;
}

/** The other programmes' levels a THCS row needs (absent = undecided, no source). */
export type Prereqs = Partial<Record<'xmc-count' | 'th-count', PrereqStatus>>;

/** The three values of a row (§9.5). */
export interface LevelResult {
  /** L: the highest level reached; 0 = no level. */
  level: number;
  /** U: the highest level not ruled out. */
  upper: number;
  /** L = U. */
  decided: boolean;
  /** The row's flag, null when unknown (then L and U combine both rules). */
  dbkk: boolean | null;
}

/** A count sheet of one template and year, as the rules see it. */
export interface CountSheet {
  /** The sheet's name ("XMC-4"), for the `levels` entries. */
  sheet: string;
  template: CountTemplateDef;
  year: string;
  rows: readonly CountRow[];
  /** Rate columns the sheet has (keys "r:…"); absent = all of them (the app's own grid). */
  rateColumns?: ReadonlySet<string>;
  /** Rates as printed in the file (0–100 scale), per commune row by rate key; absent for a stored grid. */
  printedRates?: readonly (Readonly<Record<string, number>> | undefined)[];
  /** The file's total ("Cộng") row; absent when the sheet has none (or for a stored grid). */
  printedTotal?: PrintedTotal;
}

export interface PrintedTotal {
  /** Printed counts by key; a blank cell is absent or null (read as 0 for the total check). */
  counts: Readonly<Record<string, number | null | undefined>>;
  /** Keys whose total cell held something that is not a count (value.invalid says so; not compared). */
  invalid?: readonly string[];
  /** Printed rates by rate key. */
  rates?: Readonly<Record<string, number>>;
}

export type CountRuleId =
  | 'level.overstated'
  | 'level.understated'
  | 'level.unverifiable'
  | 'level.chain_gap'
  | 'rate.borderline'
  | 'rate.mismatch'
  | 'count.nested'
  | 'count.exceeds_denominator'
  | 'count.total.mismatch'
  | 'count.zero_denominator'
  | 'unit.dbkk_unknown';

/**
 * A finding in the shape of shared/rules' RuleFinding. For `level.*` row and col are the
 * Phụ lục grid's (the mark's row index and column key, as given in MarkedLevel); for the others,
 * the count sheet's (commune row index or 'total'; a column key or 'name' for the unit cell).
 */
export interface CountFinding {
  rule: CountRuleId;
  severity: 'error' | 'warning' | 'info';
  row: number | 'total' | null;
  col: string | 'name' | null;
  unit: string | null;
  message: string;
}

/**
 * A commune's mark in the Phụ lục result group "năm Y" of the programme (for preschool, the
 * 5-year-olds). level: MĐk → k, Đạt → 1, KĐ → 0; null when the commune has no mark or several
 * (mark.missing / mark.exclusive say so; no level finding then).
 */
export interface MarkedLevel {
  /** The commune as written in the Phụ lục. */
  unit: string;
  level: number | null;
  /** Where the mark is in the Phụ lục grid: row index and column key (the finding's anchor). */
  row: number;
  col: string;
}
