// The count table as the app edits it (issue 9, Build 5): one row per commune of the district,
// its cells stored as text (a count as digits, the ĐBKK flag "x", "?" when a file did not say,
// blank = not ĐBKK). What the grid shows beside the counts (rates, computed and marked levels,
// the findings, the district's roll-up from the computed levels) and what the "Căn cứ" panel
// says are worked out here, pure, on every edit.
import { formatCount, formatRate } from './arith';
import { checkCountSheet, recheckCountRow } from './check';
import { computeLevel } from './engine';
import { explainLevel, reportLevel, type CriterionReport, type LevelExplanation } from './explain';
import { marksByUnit } from './evaluate';
import { rowKeys } from './rules';
import { columnTitle } from './kinds';
import { countColumns, levelName, type CountTemplateDef } from './templates';
import type { CountFinding, CountRow, CountSheet, LevelResult, MarkedLevel, Prereqs } from './types';
import { unitKey } from '../text/normalize';

/** The stored ĐBKK value of a row whose file had no ĐBKK column (or an invalid flag). */
export const DBKK_UNKNOWN = '?';
/** The column keys of the grid's computed columns besides the rates. */
export const LEVEL_COL = 'level';
export const MARKED_COL = 'marked';

export type CellInput = { ok: true; value: string } | { ok: false };

/**
 * A count as typed or pasted: a whole number ≥ 0, "." or a space grouping thousands ("1.250",
 * "1 250"); blank clears. Anything else (negative, fraction, words) is refused.
 */
export function normaliseCount(raw: string): CellInput {
  const v = raw.normalize('NFC').replace(/[\u00a0\u202f]/g, ' ').trim();
  if (v === '') return { ok: true, value: '' };
  if (!/^\d+$/.test(v) && !/^\d{1,3}(?:[. ]\d{3})+$/.test(v)) return { ok: false };
  const n = Number(v.replace(/[. ]/g, ''));
  return Number.isSafeInteger(n) ? { ok: true, value: String(n) } : { ok: false };
}

/** The ĐBKK flag as typed or pasted: x, X or × (ĐBKK), blank (not ĐBKK), "?" (unknown). */
export function normaliseFlag(raw: string): CellInput {
  const v = raw.normalize('NFC').trim();
  if (v === '') return { ok: true, value: '' };
  if (v === 'x' || v === 'X' || v === '×') return { ok: true, value: 'x' };
  if (v === DBKK_UNKNOWN) return { ok: true, value: DBKK_UNKNOWN };
  return { ok: false };
}

/** One commune's row of the table, as stored. */
export interface TableRow {
  unitId: number;
  name: string;
  values: Readonly<Record<string, string>>;
}

/** A stored row as the engine reads it; null when the row holds nothing (no count row for that commune). */
export function countRowOf(t: CountTemplateDef, year: string, row: TableRow): CountRow | null {
  const counts: Record<string, number | null> = {};
  let any = false;
  for (const c of countColumns(t)) {
    const v = row.values[c.key];
    if (v === undefined || v === '') counts[c.key] = null;
    else {
      const n = Number(v);
      counts[c.key] = Number.isSafeInteger(n) && n >= 0 ? n : null;
      any = true;
    }
  }
  const flag = row.values.dbkk;
  if (!any && (flag === undefined || flag === '')) return null;
  return { unit: row.name, year, counts, dbkk: flag === 'x' ? true : flag === DBKK_UNKNOWN ? null : false };
}

export interface TableCheck {
  /** The rows that hold something, as a count sheet (the app's own grid: every rate column). */
  sheet: CountSheet;
  /** Per table row: its computed level, null when the row is empty. */
  levels: (LevelResult | null)[];
  /** Per table row: its marked level in the Phụ lục result group "năm Y" (null: no single mark, or no group). */
  marked: (number | null)[];
  /** The count rules' findings, anchored on the table: row = table row; level.* at the marked-level column. */
  findings: CountFinding[];
}

/**
 * What one row gave, kept by its values object: an edit replaces only the edited rows' values,
 * so the others are not checked again (a table of thousands of communes, on every keystroke).
 * Valid for one table's prerequisites and marks: make a new one when they change.
 */
export type TableCache = WeakMap<object, { level: LevelResult; findings: CountFinding[] }>;

/**
 * Every count rule over the table. `prereqs`: per table row, the THCS prerequisites (from the
 * other stored tables and marks of that year); `marks`: the Phụ lục result group "năm Y", or
 * undefined when the Phụ lục has no such group. With `cache`, only rows whose values changed
 * since the last call are checked (every rule the app's table meets is row-local: it has no
 * printed total); the answer is the same.
 */
export function checkTable(
  t: CountTemplateDef,
  year: string,
  rows: readonly TableRow[],
  prereqs: readonly (Prereqs | null | undefined)[],
  marks: readonly MarkedLevel[] | undefined,
  cache?: TableCache,
): TableCheck {
  const at: number[] = [];
  const countRows: CountRow[] = [];
  rows.forEach((r, i) => {
    const c = countRowOf(t, year, r);
    if (c) {
      at.push(i);
      countRows.push(c);
    }
  });
  const sheet: CountSheet = { sheet: t.sheet, template: t, year, rows: countRows };
  const sheetPrereqs = at.map((i) => prereqs[i] ?? undefined);
  const byUnit = marks ? marksByUnit(marks) : undefined;
  let sheetLevels: LevelResult[];
  let found: CountFinding[];
  if (cache) {
    sheetLevels = new Array<LevelResult>(countRows.length);
    found = [];
    const first = rowKeys(countRows).first;
    countRows.forEach((_, r) => {
      const values = rows[at[r]].values;
      let hit = cache.get(values);
      if (!hit) cache.set(values, (hit = recheckCountRow(sheet, r, { prereqs: sheetPrereqs, marks: byUnit, first })));
      sheetLevels[r] = hit.level;
      // Row-anchored findings carry the sheet row they were found on: this call's r.
      for (const f of hit.findings) found.push(typeof f.row === 'number' && !(f.rule.startsWith('level.') && f.rule !== 'level.chain_gap') ? { ...f, row: r } : f);
    });
  } else {
    sheetLevels = countRows.map((row, r) => computeLevel(t, row, sheetPrereqs[r]));
    found = checkCountSheet(sheet, { levels: sheetLevels, prereqs: sheetPrereqs, marks: byUnit });
  }
  // A level.* finding names the mark's cell in the Phụ lục: here it sits on the commune's row.
  const tableRowOfUnit = new Map<string, number>();
  const { keys, first } = rowKeys(countRows);
  keys.forEach((k, r) => first[r] && tableRowOfUnit.set(k, at[r]));
  const findings: CountFinding[] = [];
  for (const f of found) {
    if (f.rule.startsWith('level.') && f.rule !== 'level.chain_gap') {
      const row = f.unit === null ? undefined : tableRowOfUnit.get(unitKey(f.unit));
      if (row !== undefined) findings.push({ ...f, row, col: MARKED_COL });
    } else findings.push(typeof f.row === 'number' ? { ...f, row: at[f.row] } : f);
  }
  const levels: (LevelResult | null)[] = rows.map(() => null);
  at.forEach((i, r) => (levels[i] = sheetLevels[r]));
  const marked = rows.map((r) => byUnit?.get(unitKey(r.name))?.level ?? null);
  return { sheet, levels, marked, findings };
}

/** The computed level in a cell: "MĐ2", "Chưa đạt"; "MĐ1 (có thể đến MĐ3)" when undecided above it. */
export function levelText(t: CountTemplateDef, l: LevelResult | null): string {
  if (!l) return '';
  const name = (k: number) => levelName(t, k) ?? (t.levels.length === 1 ? 'Không đạt' : 'Chưa đạt');
  return l.decided ? name(l.level) : `${name(l.level)} (có thể đến ${name(l.upper)})`;
}

/** The marked level in a cell: "MĐ2", "Đạt", "KĐ"; blank without a single mark. */
export function markedText(t: CountTemplateDef, m: number | null): string {
  if (m === null) return '';
  return m === 0 ? 'KĐ' : (t.levels[m - 1]?.name ?? '');
}

/** The rate a row's rate cell shows ("89,50%"), blank when it does not exist. */
export function rateText(row: CountRow | null, num: string, den: string): string {
  return row ? formatRate(row.counts[num], row.counts[den]) : '';
}

export interface LevelRollup {
  /** Communes at each level or higher, index = level − 1. */
  atLeast: number[];
  /** The district's level (0: none) under the Phụ lục's thresholds: a share of ALL its communes. */
  reached: number;
}

/**
 * The district's roll-up (Nghị định 20/2014) from levels per commune: it reaches level k when the
 * share of all `communes` at k or higher reaches thresholds[k−1], and every lower level too.
 */
export function rollupLevels(levels: readonly (number | null)[], communes: number, thresholds: readonly number[], top: number): LevelRollup {
  const atLeast = Array.from({ length: top }, () => 0);
  for (const l of levels) for (let k = 0; k < top && (l ?? 0) >= k + 1; k++) atLeast[k]++;
  let reached = 0;
  for (let k = 0; k < top && k < thresholds.length; k++) {
    if (communes > 0 && 100 * atLeast[k] >= thresholds[k] * communes) reached = k + 1;
    else break;
  }
  return { atLeast, reached };
}

/** What the "Căn cứ" panel shows for one commune's row. */
export interface Basis {
  explanation: LevelExplanation;
  /** Each count with its column's title, as stored ("" when blank). */
  counts: { title: string; value: string }[];
  /** Every criterion of every level under the row's rule (both when the flag is unknown). */
  criteria: CriterionReport[];
}

export function basisOf(t: CountTemplateDef, row: CountRow, prereqs: Prereqs | null | undefined): Basis {
  const p = prereqs ?? undefined;
  const result = computeLevel(t, row, p);
  const rules: ('normal' | 'dbkk')[] = row.dbkk === null ? ['normal', 'dbkk'] : [row.dbkk ? 'dbkk' : 'normal'];
  const criteria: CriterionReport[] = [];
  for (const rule of rules) for (let k = 1; k <= t.levels.length; k++) criteria.push(...reportLevel(t, k, rule, row, p));
  const counts = countColumns(t).map((c) => {
    const v = row.counts[c.key];
    return { title: columnTitle(c), value: v == null ? '' : formatCount(v) };
  });
  return { explanation: explainLevel(t, row, p, result), counts, criteria };
}
