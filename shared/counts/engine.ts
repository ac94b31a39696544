// The level engine (DOMAIN.md §9.4, §9.5): per row, each criterion is pass, fail or undecided;
// level k is reached when the conditions of levels 1…k all pass and ruled out when one fails.
// L = highest reached, U = highest not ruled out, decided ⇔ L = U. A missing input or a zero
// denominator is never a pass and never a fail. This path allocates nothing per row (its results
// are shared, frozen objects): it runs over every commune of a country and on every keystroke.
import { meets } from './arith';
import type { Criterion, CountTemplateDef, LevelDef } from './templates';
import type { CountRow, LevelResult, PrereqStatus, Prereqs, Tri } from './types';

export const PASS = 0;
export const UNDECIDED = 1;
export const FAIL = 2;
export type State = typeof PASS | typeof UNDECIDED | typeof FAIL;

export const TRI: readonly Tri[] = ['pass', 'undecided', 'fail'];

type Counts = CountRow['counts'];

/** The state of one criterion on a row's counts. */
export function criterionState(c: Criterion, counts: Counts, prereqs: Prereqs | undefined): State {
  switch (c.kind) {
    case 'rate': {
      const d = counts[c.den];
      if (d == null) return UNDECIDED;
      // Disabled access: nobody to reach is met (§9.4); otherwise a zero denominator decides nothing.
      if (d === 0) return c.zeroMeets ? PASS : UNDECIDED;
      const n = counts[c.num];
      if (n == null) return UNDECIDED;
      return meets(n, d, c.threshold) ? PASS : FAIL;
    }
    case 'rest': {
      const p = counts[c.cohort];
      const h = counts[c.done];
      const r = counts[c.rest];
      if (p == null || h == null || r == null || p === 0) return UNDECIDED;
      return h + r >= p ? PASS : FAIL;
    }
    case 'prereq': {
      const s = prereqs?.[c.programme]?.state;
      return s === 'pass' ? PASS : s === 'fail' ? FAIL : UNDECIDED;
    }
  }
}

/** A level's own condition: fail if any criterion fails, else undecided if any is, else pass. */
export function conditionState(criteria: readonly Criterion[], counts: Counts, prereqs: Prereqs | undefined): State {
  let out: State = PASS;
  for (let i = 0; i < criteria.length; i++) {
    const s = criterionState(criteria[i], counts, prereqs);
    if (s === FAIL) return FAIL;
    if (s === UNDECIDED) out = UNDECIDED;
  }
  return out;
}

/** L and U under one rule, packed as L·16 + U (no allocation). */
function ruleLevels(levels: readonly LevelDef[], special: boolean, counts: Counts, prereqs: Prereqs | undefined): number {
  let reached = 0;
  let open = true; // every condition so far passed
  for (let k = 0; k < levels.length; k++) {
    const s = conditionState(special ? levels[k].dbkk : levels[k].normal, counts, prereqs);
    if (s === FAIL) return reached * 16 + k;
    if (s === PASS && open) reached = k + 1;
    else open = false;
  }
  return reached * 16 + levels.length;
}

/** L and U under the normal (false) or the ĐBKK (true) rule. */
export function levelUnder(t: CountTemplateDef, row: Pick<CountRow, 'counts'>, special: boolean, prereqs?: Prereqs): { level: number; upper: number } {
  const p = ruleLevels(t.levels, special, row.counts, prereqs);
  return { level: p >> 4, upper: p & 15 };
}

/**
 * The computed level of a row. With the flag unknown the row is computed under each rule and
 * L = min, U = max: it is decided only when both agree (§9.5).
 */
export function computeLevel(t: CountTemplateDef, row: Pick<CountRow, 'counts' | 'dbkk'>, prereqs?: Prereqs): LevelResult {
  let level: number;
  let upper: number;
  if (row.dbkk === null) {
    const a = ruleLevels(t.levels, false, row.counts, prereqs);
    const b = ruleLevels(t.levels, true, row.counts, prereqs);
    level = Math.min(a >> 4, b >> 4);
    upper = Math.max(a & 15, b & 15);
  } else {
    const p = ruleLevels(t.levels, row.dbkk, row.counts, prereqs);
    level = p >> 4;
    upper = p & 15;
  }
  return levelResult(level, upper, row.dbkk);
}

// A country's rows hold only a few distinct results (L, U < 16; three flags): each is one frozen
// object, shared, so that computing 40,000 levels allocates nothing the collector must copy.
const RESULTS = new Map<number, LevelResult>();

function levelResult(level: number, upper: number, dbkk: boolean | null): LevelResult {
  const key = (level * 16 + upper) * 3 + (dbkk === null ? 2 : dbkk ? 1 : 0);
  let out = RESULTS.get(key);
  if (!out) RESULTS.set(key, (out = Object.freeze({ level, upper, decided: level === upper, dbkk })));
  return out;
}

/**
 * A THCS prerequisite from the other programme (§9.5): its computed level where a count row
 * exists (even an undecided one), else its mark in the Phụ lục result group of that year
 * (exactly one mark MĐ1+ passes), else undecided. `marked`: the marked level, or null/undefined
 * when the commune has no mark, several marks, or there is no such group.
 */
export function prerequisiteStatus(computed: LevelResult | undefined, marked: number | null | undefined, minLevel = 1): PrereqStatus {
  if (computed) {
    // Shared, frozen (as LevelResult): a few distinct answers serve every THCS row of a country.
    const key = (computed.level * 16 + computed.upper) * 16 + minLevel;
    let out = COMPUTED.get(key);
    if (!out) {
      const state: Tri = computed.level >= minLevel ? 'pass' : computed.upper < minLevel ? 'fail' : 'undecided';
      COMPUTED.set(key, (out = Object.freeze({ state, source: 'computed', level: computed.level, upper: computed.upper })));
    }
    return out;
  }
  if (marked != null && marked >= 1) return { state: marked >= minLevel ? 'pass' : 'fail', source: 'marked', level: marked };
  return NO_SOURCE;
}

const COMPUTED = new Map<number, PrereqStatus>();

// Shared: most THCS rows of a file without the other programme's counts or marks get this one.
const NO_SOURCE: PrereqStatus = Object.freeze({ state: 'undecided', source: 'none' });
