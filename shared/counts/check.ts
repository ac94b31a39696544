// Every count rule over one sheet, for the app's live check and a stored grid: the same rules
// evaluateCounts runs over a workbook, given the sheet's computed levels and marks.
import { COUNT_RULES, levelMarks, type CountCheckContext } from './rules';
import type { CountFinding, CountSheet } from './types';

/** All findings of one count sheet (level.* first, then the rules in COUNT_RULES order). */
export function checkCountSheet(sheet: CountSheet, ctx: CountCheckContext): CountFinding[] {
  const out = levelMarks.check(sheet, ctx);
  for (const rule of COUNT_RULES) for (const f of rule.check(sheet, ctx)) out.push(f);
  return out;
}
