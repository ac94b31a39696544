// Every count rule over one sheet, for the app's live check and a stored grid: the same rules
// evaluateCounts runs over a workbook, given the sheet's computed levels and marks.
import { computeLevel } from './engine';
import { COUNT_RULES, levelMarks, rowKeys, type CountCheckContext } from './rules';
import type { CountFinding, CountSheet, LevelResult, Prereqs } from './types';

/** All findings of one count sheet (level.* first, then the rules in COUNT_RULES order). */
export function checkCountSheet(sheet: CountSheet, ctx: CountCheckContext): CountFinding[] {
  const out = levelMarks.check(sheet, ctx);
  for (const rule of COUNT_RULES) for (const f of rule.check(sheet, ctx)) out.push(f);
  return out;
}

/**
 * One edited row re-checked live: its level and the findings of the row-local rules for it,
 * as checkCountSheet gives them for that row (its marks and prerequisites unchanged). The rules
 * run over a one-row view of the sheet, so the cost does not grow with the sheet.
 */
export function recheckCountRow(
  sheet: CountSheet,
  r: number,
  ctx: Omit<CountCheckContext, 'levels'> & {
    /** Whether each row is its commune's first (rowKeys().first): a count edit does not change it, and recomputing it costs O(rows). */
    first?: readonly boolean[];
  },
): { level: LevelResult; findings: CountFinding[] } {
  const row = sheet.rows[r];
  const prereqs: Prereqs | undefined = ctx.prereqs?.[r];
  const level = computeLevel(sheet.template, row, prereqs);
  // A later row of a commune already listed speaks for nothing (unit.duplicate): no marks then.
  const first = (ctx.first ?? rowKeys(sheet.rows).first)[r];
  const view: CountSheet = {
    ...sheet,
    rows: [row],
    printedRates: sheet.printedRates ? [sheet.printedRates[r]] : undefined,
    printedTotal: undefined,
  };
  const one: CountCheckContext = { levels: [level], prereqs: [prereqs], marks: first ? ctx.marks : undefined };
  const findings = first ? levelMarks.check(view, one) : [];
  for (const rule of COUNT_RULES) if (rule.rowLocal) for (const f of rule.check(view, one)) findings.push(f);
  for (const f of findings) if (!f.rule.startsWith('level.') || f.rule === 'level.chain_gap') f.row = r;
  return { level, findings };
}
