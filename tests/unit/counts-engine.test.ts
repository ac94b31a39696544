// The level engine of DOMAIN.md §9.3–9.5: every criterion on both sides of its threshold and exactly
// at it, whole-number comparison (a rate shown as the threshold but below it fails), ĐBKK both ways,
// zero denominators, missing inputs, the chain and the THCS prerequisites, and the clause.
import { describe, expect, it } from 'vitest';
import { getTemplate } from '../../shared/templates';
import {
  appendixColumns,
  computeLevel,
  evaluateCounts,
  explainLevel,
  formatCount,
  formatRate,
  formatRate3,
  headerTree,
  headingKey,
  isBorderline,
  meets,
  mnCount,
  prerequisiteStatus,
  rateMismatches,
  shortfall,
  thCount,
  thcsCount,
  xmcCount,
  type CountRow,
  type CountTemplateDef,
  type Prereqs,
} from '../../shared/counts';

type Counts = Record<string, number | null>;
const row = (counts: Counts, dbkk: boolean | null = false, unit = 'Xã Thử'): CountRow => ({ unit, year: '2020', counts, dbkk });
const lv = (t: CountTemplateDef, counts: Counts, dbkk: boolean | null = false, prereqs?: Prereqs) => {
  const r = computeLevel(t, row(counts, dbkk), prereqs);
  return [r.level, r.upper, r.decided];
};

// Rows that reach every level of their programme; each test spoils one count.
const XMC: Counts = { T_15_25: 1000, B1_15_25: 1000, B2_15_25: 1000, T_15_35: 1000, B1_15_35: 1000, B2_15_35: 1000, T_15_60: 1000, B1_15_60: 1000, B2_15_60: 1000 };
const MN: Counts = { P5: 100, A5: 100, C5: 100, H5: 100, K: 10, KT: 10 };
const TH: Counts = { P6: 100, V6: 100, P11: 100, H11: 100, D11: 0, P14: 100, H14: 100, K: 10, KT: 10 };
const THCS: Counts = { P: 100, G: 100, U: 100, K: 10, KT: 10 };
const PASSED: Prereqs = { 'th-count': { state: 'pass', source: 'computed', level: 3, upper: 3 }, 'xmc-count': { state: 'pass', source: 'computed', level: 2, upper: 2 } };

describe('rates in whole numbers (§9.3)', () => {
  it('groups a count as vi-VN does, by hand for whole numbers and through Intl otherwise', () => {
    const vi = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0, useGrouping: true });
    const samples = [0, -0, 7, 999, 1000, 4019, 12_345, 999_999, 1_000_000, 123_456_789, Number.MAX_SAFE_INTEGER, -1234, 2 ** 60, 1234.5];
    for (let n = 1; n < 1e15; n = n * 7 + 3) samples.push(n);
    for (const n of samples) expect(formatCount(n)).toBe(vi.format(n));
    expect(formatCount(4019)).toBe('4.019');
  });
  it('writes a rate as Intl writes it rounded half-up, with two and three decimals', () => {
    const pct = (decimals: number) => new Intl.NumberFormat('vi-VN', { minimumFractionDigits: decimals, maximumFractionDigits: decimals, useGrouping: true });
    const [two, three] = [pct(2), pct(3)];
    const half = (n: number, d: number, scale: number) => Math.floor((2 * scale * n + d) / (2 * d)) / (scale / 100);
    const pairs: [number, number][] = [[22499, 25000], [0, 7], [1, 3], [2, 3], [1999, 2000], [123_456_789, 1000], [1.5, 3]];
    for (let d = 1, n = 0; d < 1e9; d = d * 3 + 1, n = (n * 7 + d) % (2 * d)) pairs.push([n, d]);
    for (const [n, d] of pairs) {
      expect(formatRate(n, d)).toBe(`${two.format(half(n, d, 10_000))}%`);
      expect(formatRate3(n, d)).toBe(`${three.format(half(n, d, 100_000))}%`);
    }
  });
  it('passes exactly at the threshold and fails one person below, with no rounding first', () => {
    expect(meets(900, 1000, 90)).toBe(true);
    expect(meets(899, 1000, 90)).toBe(false);
    expect(meets(901, 1000, 90)).toBe(true);
    // 89,996%: shown "90,00%" at two decimals, still below 90%.
    expect(formatRate(22499, 25000)).toBe('90,00%');
    expect(meets(22499, 25000, 90)).toBe(false);
    expect(isBorderline(22499, 25000, 90)).toBe(true);
    expect(formatRate3(22499, 25000)).toBe('89,996%');
  });
  it('shows the exact fraction rounded half-up with a decimal comma, counts with a dot', () => {
    expect(formatRate(179, 200)).toBe('89,50%');
    expect(formatRate(3617, 4019)).toBe('90,00%');
    expect(formatRate3(3617, 4019)).toBe('89,998%');
    expect(formatRate(1, 8)).toBe('12,50%');
    expect(formatRate(1, 800)).toBe('0,13%'); // 0,125 rounds half-up
    expect(formatRate(5, 0)).toBe('');
    expect(formatRate(null, 10)).toBe('');
    expect(formatCount(4019)).toBe('4.019');
  });
  it('tells the borderline rate only where the display reaches a failed threshold', () => {
    expect(isBorderline(3617, 4019, 90)).toBe(true);
    expect(isBorderline(1760, 1960, 90)).toBe(false); // 89,80%: not shown as 90
    expect(isBorderline(900, 1000, 90)).toBe(false); // passes
  });
  it('counts the shortfall in whole people (⌈T·d/100⌉ − n)', () => {
    expect(shortfall(1760, 1960, 90)).toBe(4);
    expect(shortfall(3617, 4019, 90)).toBe(1);
    expect(shortfall(2100, 2400, 90)).toBe(60);
    expect(shortfall(900, 1000, 90)).toBe(0);
    expect(shortfall(4, 7, 60)).toBe(1);
  });
  it('finds a printed rate off by more than 0,005, never one rounded to two decimals', () => {
    expect(rateMismatches(98.5, 179, 200)).toBe(true);
    expect(rateMismatches(90, 1760, 1960)).toBe(true); // an integer printed for 89,80%
    expect(rateMismatches(89.8, 1760, 1960)).toBe(false);
    expect(rateMismatches(90, 17999, 20000)).toBe(false); // 89,995 printed rounded up: exactly 0,005 off
    expect(rateMismatches(89.99, 17999, 20000)).toBe(false);
    expect(rateMismatches(90.01, 17999, 20000)).toBe(true);
    expect(rateMismatches(66.67, 2, 3)).toBe(false);
  });
  it('keys headings as §9.1 does', () => {
    for (const h of ['Tỉ lệ (%)', 'Tỷ lệ %', 'TỈ LỆ']) expect(headingKey(h)).toBe('ti le');
    expect(headingKey('Độ tuổi 15–25')).toBe('do tuoi 15 25');
    expect(headingKey('ĐBKK')).toBe('dbkk');
    expect(headingKey('THỐNG KÊ ĐẠT CHUẨN XÓA MÙ CHỮ')).toBe(xmcCount.titleKey);
  });
});

describe('XMC (NĐ 20 Điều 20, 21)', () => {
  it('MĐ1 of a normal commune: 15-35 biết chữ MĐ1 ≥ 90%, both sides and at it', () => {
    expect(lv(xmcCount, { ...XMC, B1_15_35: 900, B2_15_35: 900 })).toEqual([2, 2, true]);
    expect(lv(xmcCount, { ...XMC, B1_15_35: 899, B2_15_35: 899 })).toEqual([0, 0, true]);
  });
  it('MĐ2 of a normal commune: 15-60 biết chữ MĐ2 ≥ 90%', () => {
    expect(lv(xmcCount, { ...XMC, B2_15_60: 900 })).toEqual([2, 2, true]);
    expect(lv(xmcCount, { ...XMC, B2_15_60: 899 })).toEqual([1, 1, true]);
  });
  it('a ĐBKK commune: MĐ1 on 15-25, MĐ2 on 15-35 MĐ2, at and below', () => {
    expect(lv(xmcCount, { ...XMC, B1_15_25: 900, B2_15_25: 900 }, true)).toEqual([2, 2, true]);
    expect(lv(xmcCount, { ...XMC, B1_15_25: 899, B2_15_25: 899 }, true)).toEqual([0, 0, true]);
    expect(lv(xmcCount, { ...XMC, B2_15_35: 900 }, true)).toEqual([2, 2, true]);
    expect(lv(xmcCount, { ...XMC, B2_15_35: 899 }, true)).toEqual([1, 1, true]);
  });
  it('ĐBKK turns the result both ways: each commune is judged by its own bands only', () => {
    // Kim Sơn: 15-25 411/450 passes, 15-35 871/980 fails.
    const kimSon = { ...XMC, T_15_25: 450, B1_15_25: 411, B2_15_25: 390, T_15_35: 980, B1_15_35: 871, B2_15_35: 823 };
    expect(lv(xmcCount, kimSon, true)).toEqual([1, 1, true]);
    expect(lv(xmcCount, kimSon, false)).toEqual([0, 0, true]);
    // The other way: 15-35 fine, 15-25 below 90% — a ĐBKK commune then has no level.
    const young = { ...XMC, B1_15_25: 800, B2_15_25: 800 };
    expect(lv(xmcCount, young, false)).toEqual([2, 2, true]);
    expect(lv(xmcCount, young, true)).toEqual([0, 0, true]);
  });
  it('an unknown flag computes both ways: L = min, U = max, decided only when they agree', () => {
    const kimSon = { ...XMC, T_15_25: 450, B1_15_25: 411, B2_15_25: 390, T_15_35: 980, B1_15_35: 871, B2_15_35: 823 };
    expect(computeLevel(xmcCount, row(kimSon, null))).toEqual({ level: 0, upper: 1, decided: false, dbkk: null });
    expect(computeLevel(xmcCount, row(XMC, null))).toEqual({ level: 2, upper: 2, decided: true, dbkk: null });
  });
  it('keeps the chain: MĐ2 met with MĐ1 failed is no level', () => {
    expect(lv(xmcCount, { ...XMC, B1_15_35: 800 })).toEqual([0, 0, true]);
  });
  it('a missing input or a zero total leaves the level undecided above what is proven', () => {
    expect(lv(xmcCount, { ...XMC, B2_15_60: null })).toEqual([1, 2, false]);
    expect(lv(xmcCount, { ...XMC, T_15_60: 0, B1_15_60: 0, B2_15_60: 0 })).toEqual([1, 2, false]);
    expect(lv(xmcCount, { ...XMC, T_15_35: null })).toEqual([0, 2, false]);
    expect(lv(xmcCount, {})).toEqual([0, 2, false]);
  });
});

describe('MN 5 tuổi (NĐ 20 Điều 6; TT 07/2016 Điều 2)', () => {
  it('huy động ≥ 95% (ĐBKK 90%)', () => {
    expect(lv(mnCount, { ...MN, A5: 95 })).toEqual([1, 1, true]);
    expect(lv(mnCount, { ...MN, A5: 94 })).toEqual([0, 0, true]);
    expect(lv(mnCount, { ...MN, A5: 90 }, true)).toEqual([1, 1, true]);
    expect(lv(mnCount, { ...MN, A5: 89 }, true)).toEqual([0, 0, true]);
    // Tân Lập: 48/52 = 92,31% is Đạt as ĐBKK, KĐ as a normal commune.
    expect(lv(mnCount, { ...MN, P5: 52, A5: 48 }, true)).toEqual([1, 1, true]);
    expect(lv(mnCount, { ...MN, P5: 52, A5: 48 }, false)).toEqual([0, 0, true]);
  });
  it('hoàn thành ≥ 85% (ĐBKK 80%) over "số trẻ làm căn cứ"', () => {
    expect(lv(mnCount, { ...MN, H5: 85 })).toEqual([1, 1, true]);
    expect(lv(mnCount, { ...MN, H5: 84 })).toEqual([0, 0, true]);
    expect(lv(mnCount, { ...MN, H5: 80 }, true)).toEqual([1, 1, true]);
    expect(lv(mnCount, { ...MN, H5: 79 }, true)).toEqual([0, 0, true]);
  });
  it('disabled access ≥ 60%; K = 0 is met; K or KT missing is undecided', () => {
    expect(lv(mnCount, { ...MN, K: 5, KT: 3 })).toEqual([1, 1, true]);
    expect(lv(mnCount, { ...MN, K: 7, KT: 4 })).toEqual([0, 0, true]); // 57,14%
    expect(lv(mnCount, { ...MN, K: 0, KT: 0 })).toEqual([1, 1, true]);
    expect(lv(mnCount, { ...MN, K: 0, KT: null })).toEqual([1, 1, true]);
    expect(lv(mnCount, { ...MN, K: null })).toEqual([0, 1, false]);
    expect(lv(mnCount, { ...MN, K: 3, KT: null })).toEqual([0, 1, false]);
  });
  it('a zero or missing denominator is never a pass', () => {
    expect(lv(mnCount, { ...MN, P5: 0, A5: 0 })).toEqual([0, 1, false]);
    expect(lv(mnCount, { ...MN, C5: null })).toEqual([0, 1, false]);
  });
});

describe('TH (NĐ 20 Điều 9, 10, 11)', () => {
  it('6-year-olds in grade 1: 90 / 95 / 98%, the same for ĐBKK', () => {
    for (const dbkk of [false, true]) {
      expect(lv(thCount, { ...TH, V6: 98 }, dbkk)).toEqual([3, 3, true]);
      expect(lv(thCount, { ...TH, V6: 97 }, dbkk)).toEqual([2, 2, true]);
      expect(lv(thCount, { ...TH, V6: 95 }, dbkk)).toEqual([2, 2, true]);
      expect(lv(thCount, { ...TH, V6: 94 }, dbkk)).toEqual([1, 1, true]);
      expect(lv(thCount, { ...TH, V6: 90 }, dbkk)).toEqual([1, 1, true]);
      expect(lv(thCount, { ...TH, V6: 89 }, dbkk)).toEqual([0, 0, true]);
    }
  });
  it('11-14 cohort completed ≥ 80% (ĐBKK 70%) for MĐ1', () => {
    expect(lv(thCount, { ...TH, H14: 80 })).toEqual([3, 3, true]);
    expect(lv(thCount, { ...TH, H14: 79 })).toEqual([0, 0, true]);
    expect(lv(thCount, { ...TH, H14: 70 }, true)).toEqual([3, 3, true]);
    expect(lv(thCount, { ...TH, H14: 69 }, true)).toEqual([0, 0, true]);
  });
  it('11-year-olds completed ≥ 80 / 90% (ĐBKK 70 / 80%), the rest in primary', () => {
    const with11 = (h: number, dbkk: boolean) => lv(thCount, { ...TH, H11: h, D11: 100 - h }, dbkk);
    expect(with11(90, false)).toEqual([3, 3, true]);
    expect(with11(89, false)).toEqual([2, 2, true]);
    expect(with11(80, false)).toEqual([2, 2, true]);
    expect(with11(79, false)).toEqual([1, 1, true]);
    expect(with11(80, true)).toEqual([3, 3, true]);
    expect(with11(79, true)).toEqual([2, 2, true]);
    expect(with11(70, true)).toEqual([2, 2, true]);
    expect(with11(69, true)).toEqual([1, 1, true]);
  });
  it('"the remaining 11-year-olds are all in primary school": H11 + D11 ≥ P11', () => {
    expect(lv(thCount, { ...TH, P11: 45, H11: 42, D11: 3 })).toEqual([3, 3, true]);
    expect(lv(thCount, { ...TH, P11: 45, H11: 42, D11: 2 })).toEqual([1, 1, true]); // Hòa Lạc
    expect(lv(thCount, { ...TH, P11: 45, H11: 42, D11: null })).toEqual([1, 3, false]); // Hưng Thịnh
    expect(lv(thCount, { ...TH, P11: 0, H11: 0, D11: 0 })).toEqual([1, 3, false]);
  });
  it('failing disabled access leaves no level at all', () => {
    expect(lv(thCount, { ...TH, K: 7, KT: 4 })).toEqual([0, 0, true]);
    expect(lv(thCount, { ...TH, K: 5, KT: 3 })).toEqual([3, 3, true]);
  });
  it('counts above their denominator are used as given', () => {
    expect(lv(thCount, { ...TH, P6: 100, V6: 101 })).toEqual([3, 3, true]);
  });
});

describe('THCS (NĐ 20 Điều 14, 15, 16) and its prerequisites', () => {
  it('diploma ≥ 80 / 90 / 95% (ĐBKK 70 / 80 / 90%)', () => {
    const g = (v: number, dbkk = false) => lv(thcsCount, { ...THCS, G: v }, dbkk, PASSED);
    expect([g(95), g(94), g(90), g(89), g(80), g(79)]).toEqual([[3, 3, true], [2, 2, true], [2, 2, true], [1, 1, true], [1, 1, true], [0, 0, true]]);
    expect([g(90, true), g(89, true), g(80, true), g(79, true), g(70, true), g(69, true)]).toEqual([
      [3, 3, true], [2, 2, true], [2, 2, true], [1, 1, true], [1, 1, true], [0, 0, true],
    ]);
  });
  it('studying ≥ 80% (ĐBKK 70%) of all of P for MĐ3', () => {
    expect(lv(thcsCount, { ...THCS, U: 80 }, false, PASSED)).toEqual([3, 3, true]);
    expect(lv(thcsCount, { ...THCS, U: 79 }, false, PASSED)).toEqual([2, 2, true]);
    expect(lv(thcsCount, { ...THCS, U: 70 }, true, PASSED)).toEqual([3, 3, true]);
    expect(lv(thcsCount, { ...THCS, U: 69 }, true, PASSED)).toEqual([2, 2, true]);
  });
  it('the borderline 968/1.019 shows 95,00% and is MĐ2 (Thị trấn Trung Tâm)', () => {
    expect(lv(thcsCount, { P: 1019, G: 968, U: 850, K: 4, KT: 3 }, false, PASSED)).toEqual([2, 2, true]);
  });
  it('needs TH ≥ MĐ1 and XMC ≥ MĐ1: a failed one is no level, an unknown one undecided', () => {
    const fail = { state: 'fail', source: 'computed', level: 0, upper: 0 } as const;
    const open = { state: 'undecided', source: 'none' } as const;
    expect(lv(thcsCount, THCS, false, { ...PASSED, 'th-count': fail })).toEqual([0, 0, true]);
    expect(lv(thcsCount, THCS, false, { ...PASSED, 'xmc-count': fail })).toEqual([0, 0, true]);
    expect(lv(thcsCount, THCS, false, { ...PASSED, 'th-count': open })).toEqual([0, 3, false]);
    expect(lv(thcsCount, THCS, false, { ...PASSED, 'xmc-count': open })).toEqual([0, 3, false]);
    expect(lv(thcsCount, THCS, false)).toEqual([0, 3, false]);
  });
  it('a zero P decides nothing (Minh Khai)', () => {
    expect(lv(thcsCount, { P: 0, G: 0, U: 0, K: 2, KT: 2 }, false, PASSED)).toEqual([0, 3, false]);
  });
  it('takes a prerequisite from the computed level first, then a mark, else undecided', () => {
    expect(prerequisiteStatus({ level: 1, upper: 3, decided: false, dbkk: false }, null).state).toBe('pass');
    expect(prerequisiteStatus({ level: 0, upper: 0, decided: true, dbkk: false }, 2).state).toBe('fail'); // counts win over a mark
    expect(prerequisiteStatus({ level: 0, upper: 2, decided: false, dbkk: false }, 2).state).toBe('undecided');
    expect(prerequisiteStatus(undefined, 1)).toEqual({ state: 'pass', source: 'marked', level: 1 });
    expect(prerequisiteStatus(undefined, null)).toEqual({ state: 'undecided', source: 'none' });
  });
});

describe('evaluateCounts: prerequisites across the sheets of a workbook', () => {
  const sheet = (t: CountTemplateDef, rows: CountRow[], name = t.sheet) => ({ sheet: name, template: t, year: '2020', rows });
  it('uses the XMC and TH count rows of the same year, whatever the sheet order', () => {
    const res = evaluateCounts([
      sheet(thcsCount, [row(THCS, false, 'A'), row(THCS, false, 'B')]),
      sheet(xmcCount, [row(XMC, false, 'A'), row({ ...XMC, B1_15_35: 10 }, false, 'B')]),
      sheet(thCount, [row(TH, false, 'A'), row(TH, false, 'B')]),
    ]);
    expect(res.levels[0].map((l) => l.level)).toEqual([3, 0]);
    expect(res.prereqs[0][1]!['xmc-count']).toEqual({ state: 'fail', source: 'computed', level: 0, upper: 0 });
  });
  it('finds a commune in the other sheet whatever its row, reading its first row only', () => {
    // XMC lists B twice (its first row fails, the later one would pass); THCS lists the communes in another order.
    const res = evaluateCounts([
      sheet(xmcCount, [row(XMC, false, 'A'), row({ ...XMC, B1_15_35: 10 }, false, 'B'), row(XMC, false, 'B')]),
      sheet(thCount, [row(TH, false, 'A'), row(TH, false, 'B')]),
      sheet(thcsCount, [row(THCS, false, 'B'), row(THCS, false, 'A'), row(THCS, false, 'B'), row(THCS, false, 'C')]),
    ]);
    expect(res.prereqs[2].map((p) => [p!['xmc-count']!.source, p!['xmc-count']!.state, p!['th-count']!.state])).toEqual([
      ['computed', 'fail', 'pass'],
      ['computed', 'pass', 'pass'],
      ['computed', 'fail', 'pass'],
      ['none', 'undecided', 'undecided'],
    ]);
    expect(res.levels[2].map((l) => l.level)).toEqual([0, 3, 0, 0]);
  });
  it('falls back to the marks of the result group, then to undecided', () => {
    const marks = [
      { template: 'xmc' as const, year: '2020', sheet: 'Phụ lục 1', marks: [{ unit: 'Xã A', level: 2, row: 0, col: '2020|MĐ2' }] },
      { template: 'pcgd-th' as const, year: '2020', sheet: 'Phụ lục 3', marks: [{ unit: 'A', level: 1, row: 0, col: '2020|MĐ1' }, { unit: 'B', level: 3, row: 1, col: '2020|MĐ3' }] },
    ];
    const res = evaluateCounts([sheet(thcsCount, [row(THCS, false, 'A'), row(THCS, false, 'B')])], marks);
    expect(res.levels[0].map((l) => [l.level, l.upper])).toEqual([[3, 3], [0, 3]]);
    expect(res.prereqs[0][0]!['xmc-count']!.source).toBe('marked');
    expect(res.prereqs[0][1]!['xmc-count']!.source).toBe('none');
  });
  it('reads a prerequisite from the first count sheet of that template and year only, first row of a commune', () => {
    const res = evaluateCounts([
      sheet(xmcCount, [row(XMC, false, 'A'), row({ ...XMC, B1_15_35: 0 }, false, 'A')], 'XMC-4'),
      sheet(xmcCount, [row({ ...XMC, B1_15_35: 0 }, false, 'A')], 'XMC-4 (2)'),
      sheet(thCount, [row(TH, false, 'A')]),
      sheet(thcsCount, [row(THCS, false, 'A')]),
    ]);
    expect(res.levels[3][0].level).toBe(3);
  });
});

describe('the clause that decided (§9.5)', () => {
  it('says "đạt tất cả tiêu chí" at the top level', () => {
    const r = row(XMC);
    expect(explainLevel(xmcCount, r, undefined, computeLevel(xmcCount, r)).clause).toMatchObject({ kind: 'top', criteria: [], text: 'đạt tất cả tiêu chí' });
  });
  it('gives the failing criteria of level L+1 with their shortfall in whole people', () => {
    const r = row({ ...XMC, T_15_60: 1960, B1_15_60: 1960, B2_15_60: 1761 });
    const ex = explainLevel(xmcCount, r, undefined, computeLevel(xmcCount, r));
    expect(ex.clause.kind).toBe('failed');
    expect(ex.clause.criteria.map((c) => [c.level, c.state, c.shortfall, c.rate])).toEqual([[2, 'fail', 3, '89,85%']]);
    expect(ex.clause.text).toBe(
      'tỉ lệ người biết chữ mức độ 2 trong độ tuổi 15-60 (NĐ 20/2014, Điều 21) là 89,85% (1.761/1.960), cần ít nhất 90%; cần thêm 3 người biết chữ mức độ 2 trong độ tuổi 15-60',
    );
  });
  it('gives the undecided criteria of L+1 and the failing ones of U+1 when undecided', () => {
    const r = row({ ...TH, D11: null, V6: 96 });
    const ex = explainLevel(thCount, r, undefined, computeLevel(thCount, r));
    expect([ex.level, ex.upper, ex.decided, ex.clause.kind]).toEqual([1, 2, false, 'undecided']);
    expect(ex.clause.criteria.map((c) => [c.level, c.state])).toEqual([[2, 'undecided'], [3, 'fail']]);
    expect(ex.clause.text).toContain('chưa xác định được số trẻ 11 tuổi còn lại đang học tiểu học (NĐ 20/2014, Điều 10) (thiếu số liệu)');
    expect(ex.clause.text).toContain('cần thêm 2 trẻ 6 tuổi vào lớp 1');
  });
  it('states the rest of the 11-year-olds in children, and the disabled-access shortfall', () => {
    const hoaLac = row({ ...TH, P11: 45, H11: 42, D11: 2 });
    expect(explainLevel(thCount, hoaLac, undefined, computeLevel(thCount, hoaLac)).clause.criteria[0]).toMatchObject({ criterion: { kind: 'rest' }, state: 'fail', shortfall: 1 });
    expect(explainLevel(thCount, hoaLac, undefined, computeLevel(thCount, hoaLac)).clause.text).toContain(
      'còn 1 trẻ 11 tuổi chưa hoàn thành và không đang học tiểu học',
    );
    const access = row({ ...MN, K: 7, KT: 4 });
    const ex = explainLevel(mnCount, access, undefined, computeLevel(mnCount, access));
    expect(ex.clause.text).toBe(
      'tỉ lệ trẻ khuyết tật có khả năng học tập được tiếp cận giáo dục (TT 07/2016, Điều 2) là 57,14% (4/7), cần ít nhất 60%; cần thêm 1 trẻ khuyết tật có khả năng học tập được tiếp cận giáo dục',
    );
  });
  it('names both rules when the flag is unknown', () => {
    const r = row({ ...XMC, T_15_25: 450, B1_15_25: 411, B2_15_25: 390, T_15_35: 980, B1_15_35: 871, B2_15_35: 823 }, null);
    const ex = explainLevel(xmcCount, r, undefined, computeLevel(xmcCount, r));
    expect(ex.rules).toEqual([{ rule: 'normal', level: 0, upper: 0 }, { rule: 'dbkk', level: 1, upper: 1 }]);
    expect(ex.clause.text).toMatch(/^xã thường: tỉ lệ người biết chữ mức độ 1 trong độ tuổi 15-35 .*; xã ĐBKK: tỉ lệ người biết chữ mức độ 2 trong độ tuổi 15-35 /);
  });
  it('states a failed prerequisite with where the level came from', () => {
    const prereqs: Prereqs = { ...PASSED, 'xmc-count': { state: 'fail', source: 'computed', level: 0, upper: 0 } };
    const r = row(THCS);
    const ex = explainLevel(thcsCount, r, prereqs, computeLevel(thcsCount, r, prereqs));
    expect(ex.clause.text).toBe('điều kiện XMC đạt ít nhất MĐ1 (NĐ 20/2014, Điều 14) chưa đạt (XMC tính được: chưa đạt mức nào)');
  });
});

describe('column kinds', () => {
  it('declares each count template as §9.2 lays it out: TT, unit, counts each followed by its rate, ĐBKK last', () => {
    for (const t of [xmcCount, mnCount, thCount, thcsCount]) {
      const kinds = t.columns.map((c) => c.kind);
      expect(kinds[0]).toBe('text');
      expect(kinds[1]).toBe('text');
      expect(kinds[kinds.length - 1]).toBe('flag');
      t.columns.forEach((c, i) => {
        if (c.kind === 'rate') {
          expect(c.leaf).toBe('Tỉ lệ (%)');
          const left = t.columns.slice(0, i).reverse().find((x) => x.kind === 'count')!;
          expect(c.num).toBe(left.key); // the nearest count column on its left
          expect(t.columns.find((x) => x.key === c.den)?.kind).toBe('count');
        }
      });
    }
    expect(headerTree(xmcCount.columns).map((g) => [g.label, g.columns.length])).toEqual([
      ['TT', 1], ['Đơn vị điều tra', 1], ['Độ tuổi 15-25', 5], ['Độ tuổi 15-35', 5], ['Độ tuổi 15-60', 5], ['ĐBKK', 1],
    ]);
    expect(thCount.columns).toHaveLength(17);
    expect(thcsCount.columns).toHaveLength(11);
    expect(mnCount.columns).toHaveLength(12);
  });
  it('gives the Phụ lục columns the same declaration (marks with their rank, Đánh giá as text)', () => {
    const cols = appendixColumns(getTemplate('pcgd-mn'), { results: ['2020'], periods: ['2021-2025'] });
    expect(cols.slice(0, 3)).toEqual([
      { key: '2020/3 tuổi|Đạt', kind: 'mark', group: '2020/3 tuổi', leaf: 'Đạt', rank: 1 },
      { key: '2020/3 tuổi|KĐ', kind: 'mark', group: '2020/3 tuổi', leaf: 'KĐ', rank: 0 },
      { key: '2020/3 tuổi|Đánh giá', kind: 'text', group: '2020/3 tuổi', leaf: 'Đánh giá' },
    ]);
  });
});
