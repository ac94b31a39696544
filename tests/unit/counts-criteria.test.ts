// Every rate criterion of every count template (issue 9 "Done when"), read from the templates
// themselves so that none is left out: under the normal and the ĐBKK rule, with the other counts
// met, its numerator exactly at the threshold passes, one person below fails, and a numerator
// whose rate shows as the threshold at two decimals but is below it fails too (and is flagged
// borderline). The expected level comes from this file's own reading of the thresholds, not from
// the engine: the levels reached are those whose criteria on the same numerator and denominator
// are all met, from MĐ1 up, stopping at the first that is not.
import { describe, expect, it } from 'vitest';
import { checkCountSheet, COUNT_TEMPLATES, computeLevel, formatRate, type CountRow, type CountTemplateDef, type Prereqs, type RateCriterion } from '../../shared/counts';

const PASSED: Prereqs = { 'th-count': { state: 'pass', source: 'computed', level: 3, upper: 3 }, 'xmc-count': { state: 'pass', source: 'computed', level: 2, upper: 2 } };
// Over 20,000 people a numerator one below ⌈T·d/100⌉ always shows as T,00% (§9.3).
const D = 20_011;

const rule = (dbkk: boolean): 'dbkk' | 'normal' => (dbkk ? 'dbkk' : 'normal');
const countKeys = (t: CountTemplateDef) => t.columns.filter((c) => c.kind === 'count').map((c) => c.key);

/** Every count at D (all met), the rest of the 11-year-olds making up for a lowered H11. */
function rowWith(t: CountTemplateDef, num: string, n: number, dbkk: boolean): CountRow {
  const counts: Record<string, number> = Object.fromEntries(countKeys(t).map((k) => [k, D]));
  if (t.id === 'th-count') counts.D11 = 0;
  counts[num] = n;
  if (t.id === 'th-count' && num === 'H11') counts.D11 = D - n;
  return { unit: 'Xã Thử', year: '2020', counts, dbkk };
}

/** The level the thresholds alone give a numerator n over D: levels whose criteria on (num, den) are all met, from the first up. */
function expected(t: CountTemplateDef, c: RateCriterion, n: number, dbkk: boolean): number {
  let level = 0;
  for (const l of t.levels) {
    const same = l[rule(dbkk)].filter((x): x is RateCriterion => x.kind === 'rate' && x.num === c.num && x.den === c.den);
    if (same.some((x) => 100 * n < x.threshold * D)) break;
    level++;
  }
  return level;
}

const cases = COUNT_TEMPLATES.flatMap((t) =>
  [false, true].flatMap((dbkk) =>
    t.levels.flatMap((l, k) =>
      l[rule(dbkk)]
        .filter((c): c is RateCriterion => c.kind === 'rate')
        .map((c) => ({ t, dbkk, level: k + 1, c, name: `${t.id} ${l.name} ${dbkk ? 'ĐBKK' : 'thường'}: ${c.num}/${c.den} ≥ ${c.threshold}%` })),
    ),
  ),
);

describe('every rate criterion, both sides of its threshold and exactly at it', () => {
  it('covers every template, both rules and disabled access', () => {
    expect(new Set(cases.map((x) => x.t.id))).toEqual(new Set(['xmc-count', 'mn-count', 'th-count', 'thcs-count']));
    expect(cases.some((x) => x.c.zeroMeets && x.t.id === 'thcs-count')).toBe(true);
    expect(cases.length).toBeGreaterThan(30);
  });

  it.each(cases.map((x) => [x.name, x] as const))('%s', (_, { t, dbkk, level, c }) => {
    const at = Math.ceil((c.threshold * D) / 100);
    const prereqs = t.id === 'thcs-count' ? PASSED : undefined;
    const top = t.levels.length;
    // Everything met.
    expect(computeLevel(t, rowWith(t, c.num, D, dbkk), prereqs).level).toBe(top);
    // Exactly at the threshold: this criterion passes.
    const atLevel = computeLevel(t, rowWith(t, c.num, at, dbkk), prereqs);
    expect(atLevel.level).toBe(expected(t, c, at, dbkk));
    expect(atLevel.level).toBeGreaterThanOrEqual(level);
    expect(atLevel.decided).toBe(true);
    // One person below, which shows as the threshold at two decimals: it fails, and says so.
    const below = at - 1;
    expect(formatRate(below, D)).toBe(`${c.threshold},00%`);
    const belowLevel = computeLevel(t, rowWith(t, c.num, below, dbkk), prereqs);
    expect(belowLevel.level).toBe(expected(t, c, below, dbkk));
    expect(belowLevel.level).toBeLessThan(level);
    expect(belowLevel).toMatchObject({ upper: belowLevel.level, decided: true });
    const findings = checkCountSheet({ sheet: t.sheet, template: t, year: '2020', rows: [rowWith(t, c.num, below, dbkk)] }, { levels: [belowLevel], prereqs: [prereqs] });
    expect(findings.some((f) => f.rule === 'rate.borderline' && f.col === `r:${c.num}`)).toBe(true);
  });
});

describe('disabled access in THCS (TT 07/2016 Điều 2)', () => {
  const thcs = COUNT_TEMPLATES.find((t) => t.id === 'thcs-count')!;
  const lv = (K: number | null, KT: number | null) => {
    const row: CountRow = { unit: 'Xã Thử', year: '2020', counts: { P: 100, G: 100, U: 100, K, KT }, dbkk: false };
    const r = computeLevel(thcs, row, PASSED);
    return [r.level, r.upper, r.decided];
  };
  it('60% exactly passes, one below leaves no level, K = 0 is met, a missing K or KT undecided', () => {
    expect(lv(5, 3)).toEqual([3, 3, true]);
    expect(lv(7, 4)).toEqual([0, 0, true]);
    expect(lv(0, 0)).toEqual([3, 3, true]);
    expect(lv(null, 3)).toEqual([0, 3, false]);
    expect(lv(5, null)).toEqual([0, 3, false]);
  });
});
