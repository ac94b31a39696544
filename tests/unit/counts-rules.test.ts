// The count rules of DOMAIN.md §9.6–9.7, each firing and not firing, with the ids, severities,
// anchors and the Vietnamese wording of §9.7.
import { describe, expect, it } from 'vitest';
import {
  COUNT_RULE_SEVERITY,
  checkCountSheet,
  marksByUnit,
  computeLevel,
  countExceedsDenominator,
  countNested,
  countTotalMismatch,
  countZeroDenominator,
  evaluateCounts,
  levelChainGap,
  rateBorderline,
  rateMismatch,
  thCount,
  thcsCount,
  mnCount,
  unitDbkkUnknown,
  xmcCount,
  type CountRow,
  type CountRule,
  type CountSheet,
  type CountTemplateDef,
  type MarkGroup,
  type MarkedLevel,
} from '../../shared/counts';

type Counts = Record<string, number | null>;
const row = (unit: string, counts: Counts, dbkk: boolean | null = false): CountRow => ({ unit, year: '2020', counts, dbkk });
const sheetOf = (t: CountTemplateDef, rows: CountRow[], extra: Partial<CountSheet> = {}): CountSheet => ({ sheet: t.sheet, template: t, year: '2020', rows, ...extra });
const run = (rule: CountRule, s: CountSheet) => rule.check(s, { levels: s.rows.map((r) => computeLevel(s.template, r)) });
const brief = (fs: { rule: string; row: unknown; col: unknown; unit: unknown }[]) => fs.map((f) => [f.rule, f.row, f.col, f.unit]);

const XMC: Counts = { T_15_25: 1000, B1_15_25: 1000, B2_15_25: 1000, T_15_35: 1000, B1_15_35: 1000, B2_15_35: 1000, T_15_60: 1000, B1_15_60: 1000, B2_15_60: 1000 };
const MN: Counts = { P5: 100, A5: 100, C5: 100, H5: 100, K: 10, KT: 10 };
const TH: Counts = { P6: 100, V6: 100, P11: 100, H11: 100, D11: 0, P14: 100, H14: 100, K: 10, KT: 10 };
const THCS: Counts = { P: 100, G: 100, U: 100, K: 10, KT: 10 };

const mark = (unit: string, level: number | null, r = 0, col = `2020|MĐ${level}`): MarkedLevel => ({ unit, level, row: r, col });
const group = (template: MarkGroup['template'], marks: MarkedLevel[], sheet = 'Phụ lục'): MarkGroup => ({ template, year: '2020', sheet, marks });
const levelFindings = (sheets: CountSheet[], groups: MarkGroup[]) => evaluateCounts(sheets, groups).findings.filter((f) => f.rule.startsWith('level.') && f.rule !== 'level.chain_gap');

describe('level.overstated / level.unverifiable / level.understated (§9.6)', () => {
  it('overstated: the mark is above every level the counts allow, worded as §9.7', () => {
    const s = sheetOf(xmcCount, [row('A', { ...XMC, T_15_60: 1960, B1_15_60: 1960, B2_15_60: 1760 })]);
    const f = levelFindings([s], [group('xmc', [mark('Xã A', 2, 4, '2020|MĐ2')], 'Phụ lục 1')]);
    expect(f).toEqual([
      {
        rule: 'level.overstated',
        severity: 'error',
        sheet: 'Phụ lục 1',
        row: 4,
        col: '2020|MĐ2',
        unit: 'Xã A',
        message:
          'Xã A: XMC năm 2020 đánh dấu MĐ2 nhưng số liệu chỉ đạt MĐ1. Chưa đạt MĐ2 (NĐ 20/2014, Điều 21): tỉ lệ người biết chữ mức độ 2 trong độ tuổi 15-60 là 89,80% (1.760/1.960), cần ít nhất 90%; cần thêm 4 người biết chữ mức độ 2 trong độ tuổi 15-60.',
      },
    ]);
  });
  it('overstated by a prerequisite computed from the XMC counts', () => {
    const f = levelFindings(
      [
        sheetOf(xmcCount, [row('B', { ...XMC, B1_15_35: 10 })]),
        sheetOf(thCount, [row('B', TH)]),
        sheetOf(thcsCount, [row('B', THCS)]),
      ],
      [group('pcgd-thcs', [mark('Xã B', 2)]), group('xmc', [mark('B', 1)])],
    );
    expect(f.map((x) => [x.rule, x.message])).toEqual([
      ['level.overstated', 'Xã B: XMC năm 2020 đánh dấu MĐ1 nhưng số liệu không đạt mức nào: tỉ lệ người biết chữ mức độ 1 trong độ tuổi 15-35 (NĐ 20/2014, Điều 20) là 1,00% (10/1.000), cần ít nhất 90%; cần thêm 890 người biết chữ mức độ 1 trong độ tuổi 15-35.'],
      ['level.overstated', 'Xã B: PCGD THCS năm 2020 đánh dấu MĐ2 nhưng số liệu không đạt mức nào: điều kiện XMC đạt ít nhất MĐ1 (NĐ 20/2014, Điều 14) chưa đạt (XMC tính được: chưa đạt mức nào).'],
    ]);
  });
  it('unverifiable: the counts can neither confirm nor refute the mark', () => {
    const f = levelFindings([sheetOf(thCount, [row('C', { ...TH, D11: null })])], [group('pcgd-th', [mark('Xã C', 3)])]);
    expect(f.map((x) => [x.rule, x.severity, x.message])).toEqual([
      ['level.unverifiable', 'warning', 'Xã C: PCGD tiểu học năm 2020 đánh dấu MĐ3; số liệu chỉ chứng minh được MĐ1: chưa xác định được số trẻ 11 tuổi còn lại đang học tiểu học (thiếu số liệu).'],
    ]);
  });
  it('understated: the counts reach more than the mark', () => {
    const f = levelFindings([sheetOf(thcsCount, [row('D', { ...THCS, G: 90, U: 0 })])], [group('pcgd-thcs', [mark('Xã D', 1)]), group('xmc', [mark('D', 1)]), group('pcgd-th', [mark('D', 1)])]);
    expect(f.map((x) => [x.rule, x.severity, x.message])).toEqual([
      ['level.understated', 'warning', 'Xã D: số liệu đạt PCGD THCS MĐ2 nhưng năm 2020 chỉ đánh dấu MĐ1 (có thể chưa được công nhận, hoặc chưa đạt tiêu chuẩn khác ngoài số liệu).'],
    ]);
  });
  it('preschool: Đạt against KĐ counts, KĐ against Đạt counts', () => {
    const s = sheetOf(mnCount, [row('E', { ...MN, A5: 10 }), row('F', MN)]);
    const f = levelFindings([s], [group('pcgd-mn', [mark('E', 1, 0, '2020/5 tuổi|Đạt'), mark('F', 0, 1, '2020/5 tuổi|KĐ')], 'Phụ lục 2')]);
    expect(f.map((x) => [x.rule, x.unit, x.col])).toEqual([
      ['level.overstated', 'E', '2020/5 tuổi|Đạt'],
      ['level.understated', 'F', '2020/5 tuổi|KĐ'],
    ]);
    expect(f[0].message).toMatch(/^Xã E: PCGD mầm non cho trẻ em 5 tuổi năm 2020 đánh dấu Đạt nhưng số liệu không đạt chuẩn: tỉ lệ trẻ 5 tuổi đến lớp/);
  });
  it('gives nothing when the mark equals L, when there is no single mark, no count row, no mark, or no result group', () => {
    const s = sheetOf(xmcCount, [row('A', XMC), row('B', XMC), row('C', XMC)]);
    expect(levelFindings([s], [group('xmc', [mark('A', 2), mark('B', null), mark('Z', 1)])])).toEqual([]);
    expect(levelFindings([s], [])).toEqual([]);
    // Marks of another programme are never compared with these counts.
    expect(levelFindings([s], [group('pcgd-th', [mark('A', 1)])])).toEqual([]);
  });
  it('compares only the first row of a commune written twice', () => {
    const s = sheetOf(xmcCount, [row('A', XMC), row('Xã A', { ...XMC, B1_15_35: 0 })]);
    expect(levelFindings([s], [group('xmc', [mark('A', 2)])])).toEqual([]);
  });
});

describe('rate.borderline', () => {
  const thcs = (counts: Counts, dbkk: boolean | null = false, extra: Partial<CountSheet> = {}) => run(rateBorderline, sheetOf(thcsCount, [row('Trung Tâm', counts, dbkk)], extra));
  it('fires at the rate cell of a rate shown as its threshold but below it', () => {
    const f = thcs({ ...THCS, P: 1019, G: 968 });
    expect(brief(f)).toEqual([['rate.borderline', 0, 'r:G', 'Trung Tâm']]);
    expect(f[0].message).toBe('Xã Trung Tâm: tỉ lệ người 15-18 tuổi tốt nghiệp THCS hiển thị 95,00% nhưng thực tế 94,995% < 95%: chưa đạt; cần thêm 1 người 15-18 tuổi tốt nghiệp THCS.');
  });
  it('points at the numerator when the sheet has no rate column for it', () => {
    expect(brief(thcs({ ...THCS, P: 1019, G: 968 }, false, { rateColumns: new Set(['r:U']) }))).toEqual([['rate.borderline', 0, 'G', 'Trung Tâm']]);
  });
  it('does not fire at the threshold, above it, or on a rate not shown as it', () => {
    expect(thcs({ ...THCS, P: 1000, G: 950 })).toEqual([]);
    expect(thcs({ ...THCS, P: 1000, G: 949 })).toEqual([]); // 94,90%
    expect(thcs({ ...THCS, P: 0, G: 0 })).toEqual([]);
  });
  it('looks at the row’s own rule only, both when the flag is unknown, at every level', () => {
    // 89,998% against 90%: MĐ2 of a normal commune, MĐ3 of a ĐBKK one.
    const c = { ...THCS, P: 4019, G: 3617 };
    expect(thcs(c, false)).toHaveLength(1);
    expect(thcs(c, true)).toHaveLength(1);
    // 15-35 MĐ1 at 89,998% matters to a normal commune only.
    const x = { ...XMC, T_15_35: 4019, B1_15_35: 3617, B2_15_35: 3617 };
    expect(brief(run(rateBorderline, sheetOf(xmcCount, [row('A', x, false)])))).toEqual([['rate.borderline', 0, 'r:B1_15_35', 'A']]);
    // B2(15-35) is the ĐBKK MĐ2 criterion: there it is the one that fires.
    expect(brief(run(rateBorderline, sheetOf(xmcCount, [row('A', x, true)])))).toEqual([['rate.borderline', 0, 'r:B2_15_35', 'A']]);
    expect(brief(run(rateBorderline, sheetOf(xmcCount, [row('A', x, null)])))).toEqual([
      ['rate.borderline', 0, 'r:B1_15_35', 'A'],
      ['rate.borderline', 0, 'r:B2_15_35', 'A'],
    ]);
    // TH 6-year-olds at 97,998% against MĐ3's 98% fires even where MĐ1 already fails.
    expect(brief(run(rateBorderline, sheetOf(thCount, [row('T', { ...TH, P6: 4999, V6: 4899, K: 7, KT: 1 })])))).toEqual([['rate.borderline', 0, 'r:V6', 'T']]);
  });
});

describe('count.nested', () => {
  it('fires in a band and across bands, at the left-hand cell, as §9.7 words it', () => {
    const f = run(countNested, sheetOf(xmcCount, [row('F', { ...XMC, B1_15_25: 412, B2_15_25: 421 }), row('Phú Xuân', { ...XMC, T_15_25: 1250, T_15_35: 1190, T_15_60: 2700 })]));
    expect(brief(f)).toEqual([
      ['count.nested', 0, 'B2_15_25', 'F'],
      ['count.nested', 1, 'T_15_25', 'Phú Xuân'],
    ]);
    expect(f.map((x) => [x.severity, x.message])).toEqual([
      ['error', 'Xã F: số người biết chữ mức độ 2 độ tuổi 15-25 (421) lớn hơn số người biết chữ mức độ 1 (412).'],
      ['error', 'Xã Phú Xuân: tổng số người độ tuổi 15-25 (1.250) lớn hơn tổng số người độ tuổi 15-35 (1.190).'],
    ]);
  });
  it('checks the 11-year-olds within the 11-14 cohort', () => {
    expect(brief(run(countNested, sheetOf(thCount, [row('T', { ...TH, P11: 120, H11: 100 })])))).toEqual([['count.nested', 0, 'P11', 'T']]);
  });
  it('does not fire on equal counts or where a side is missing, and once per cell', () => {
    expect(run(countNested, sheetOf(xmcCount, [row('A', XMC), row('B', { ...XMC, T_15_35: null, T_15_25: 5000 })]))).toEqual([]);
    // B1(15-35) above both T(15-35) and B1(15-60): one finding at B1(15-35).
    expect(brief(run(countNested, sheetOf(xmcCount, [row('A', { ...XMC, B1_15_35: 1001 })])))).toEqual([['count.nested', 0, 'B1_15_35', 'A']]);
  });
});

describe('count.exceeds_denominator', () => {
  it('fires on a numerator above its denominator, worded as §9.7', () => {
    const f = run(countExceedsDenominator, sheetOf(thCount, [row('G', { ...TH, P6: 47, V6: 48 })]));
    expect(f.map((x) => [x.rule, x.severity, x.col, x.message])).toEqual([['count.exceeds_denominator', 'error', 'V6', 'Xã G: số trẻ vào lớp 1 (48) lớn hơn số trẻ 6 tuổi phải phổ cập (47).']]);
  });
  it('H11 + D11 above P11 at D11, only where H11 ≤ P11 holds', () => {
    const f = run(countExceedsDenominator, sheetOf(thCount, [row('H', { ...TH, P11: 45, H11: 42, D11: 5 }), row('I', { ...TH, P11: 45, H11: 46, D11: 5 })]));
    expect(brief(f)).toEqual([
      ['count.exceeds_denominator', 0, 'D11', 'H'],
      ['count.exceeds_denominator', 1, 'H11', 'I'],
    ]);
    expect(f[0].message).toBe('Xã H: số trẻ 11 tuổi hoàn thành CTTH cộng số còn lại đang học tiểu học (42 + 5 = 47) lớn hơn số trẻ 11 tuổi phải phổ cập (45).');
  });
  it('covers preschool and THCS, and not equal or missing counts', () => {
    expect(brief(run(countExceedsDenominator, sheetOf(mnCount, [row('M', { ...MN, H5: 101, KT: 11 })])))).toEqual([
      ['count.exceeds_denominator', 0, 'H5', 'M'],
      ['count.exceeds_denominator', 0, 'KT', 'M'],
    ]);
    expect(brief(run(countExceedsDenominator, sheetOf(thcsCount, [row('S', { ...THCS, U: 101 })])))).toEqual([['count.exceeds_denominator', 0, 'U', 'S']]);
    expect(run(countExceedsDenominator, sheetOf(thcsCount, [row('S', THCS), row('T', { ...THCS, P: null, G: 500 })]))).toEqual([]);
  });
});

describe('count.total.mismatch', () => {
  const rows = [row('A', { ...MN, A5: 90 }), row('B', { ...MN, A5: null })];
  it('fires on a printed total other than the sum of the communes (blank = 0 on both sides)', () => {
    const f = run(countTotalMismatch, sheetOf(mnCount, rows, { printedTotal: { counts: { P5: 200, A5: 917, C5: 200, H5: 200, K: 20 } } }));
    expect(f.map((x) => [x.rule, x.severity, x.row, x.col, x.unit, x.message])).toEqual([
      ['count.total.mismatch', 'error', 'total', 'A5', null, 'Dòng Cộng, Huy động trẻ 5 tuổi ra lớp / Số trẻ đến lớp: ghi 917 nhưng tổng các xã là 90.'],
      ['count.total.mismatch', 'error', 'total', 'KT', null, 'Dòng Cộng, Trẻ khuyết tật 5 tuổi / Số trẻ được tiếp cận giáo dục: ghi 0 nhưng tổng các xã là 20.'],
    ]);
  });
  it('does not fire on right totals, an invalid total cell, or a sheet without a total row', () => {
    expect(run(countTotalMismatch, sheetOf(mnCount, rows, { printedTotal: { counts: { P5: 200, A5: 90, C5: 200, H5: 200, K: 20, KT: 20 } } }))).toEqual([]);
    expect(run(countTotalMismatch, sheetOf(mnCount, rows, { printedTotal: { counts: { P5: 200, A5: null, C5: 200, H5: 200, K: 20, KT: 20 }, invalid: ['A5'] } }))).toEqual([]);
    expect(run(countTotalMismatch, sheetOf(mnCount, rows))).toEqual([]);
  });
});

describe('rate.mismatch', () => {
  it('fires on a printed rate off the counts of the same row, commune or total', () => {
    const s = sheetOf(thCount, [row('H', { ...TH, P14: 200, H14: 179 })], {
      printedRates: [{ 'r:H14': 98.5, 'r:V6': 100 }],
      printedTotal: { counts: { P6: 100, V6: 90 }, rates: { 'r:V6': 90.5 } },
    });
    const f = run(rateMismatch, s);
    expect(f.map((x) => [x.rule, x.severity, x.row, x.col, x.unit, x.message])).toEqual([
      ['rate.mismatch', 'warning', 0, 'r:H14', 'H', 'Xã H: tỉ lệ ghi 98,50% nhưng tính từ số liệu là 89,50% (179/200).'],
      ['rate.mismatch', 'warning', 'total', 'r:V6', null, 'Dòng Cộng: tỉ lệ ghi 90,50% nhưng tính từ số liệu là 90,00% (90/100).'],
    ]);
  });
  it('does not fire on a rate printed rounded, nor where the rate is undefined', () => {
    const s = sheetOf(thCount, [row('H', { ...TH, P14: 200, H14: 179, P11: 0, H11: 0 })], { printedRates: [{ 'r:H14': 89.5, 'r:H11': 0, 'r:V6': 100 }] });
    expect(run(rateMismatch, s)).toEqual([]);
    expect(run(rateMismatch, sheetOf(thCount, [row('H', TH)]))).toEqual([]);
  });
});

describe('count.zero_denominator', () => {
  it('fires (info) at a zero denominator, worded as §9.7', () => {
    const f = run(countZeroDenominator, sheetOf(thCount, [row('I', { ...TH, P11: 0, H11: 0, D11: 0 })]));
    expect(f.map((x) => [x.rule, x.severity, x.col, x.message])).toEqual([
      ['count.zero_denominator', 'info', 'P11', 'Xã I: số trẻ 11 tuổi phải phổ cập bằng 0: không tính được tỉ lệ hoàn thành CTTH 11 tuổi.'],
    ]);
    expect(brief(run(countZeroDenominator, sheetOf(mnCount, [row('Cát Tiên', { ...MN, K: 0, KT: 0 })])))).toEqual([['count.zero_denominator', 0, 'K', 'Cát Tiên']]);
  });
  it('does not fire on a zero numerator or a blank denominator', () => {
    expect(run(countZeroDenominator, sheetOf(thCount, [row('I', { ...TH, D11: 0, P6: null })]))).toEqual([]);
  });
});

describe('unit.dbkk_unknown', () => {
  it('fires at the unit cell and gives the level both ways', () => {
    const s = sheetOf(xmcCount, [row('K', { ...XMC, B2_15_60: 100 }, null)]);
    const f = run(unitDbkkUnknown, s);
    expect(f.map((x) => [x.rule, x.severity, x.col, x.message])).toEqual([
      ['unit.dbkk_unknown', 'warning', 'name', 'Xã K: biểu không cho biết xã có thuộc diện ĐBKK năm 2020 không; mức tính theo cả hai cách: MĐ1 (xã thường) / MĐ2 (xã ĐBKK).'],
    ]);
  });
  it('does not fire on a known flag', () => {
    expect(run(unitDbkkUnknown, sheetOf(xmcCount, [row('K', XMC, true), row('L', XMC, false)]))).toEqual([]);
  });
});

describe('level.chain_gap', () => {
  it('fires (info) when XMC MĐ2 is met but MĐ1 is not', () => {
    const f = run(levelChainGap, sheetOf(xmcCount, [row('G', { ...XMC, B1_15_35: 10 })]));
    expect(f.map((x) => [x.rule, x.severity, x.col])).toEqual([['level.chain_gap', 'info', 'name']]);
    expect(f[0].message).toContain('xã chưa đạt MĐ2');
  });
  it('does not fire on a kept chain, nor for programmes whose articles repeat the lower level', () => {
    expect(run(levelChainGap, sheetOf(xmcCount, [row('G', XMC), row('H', { ...XMC, B2_15_60: 0 })]))).toEqual([]);
    expect(run(levelChainGap, sheetOf(thCount, [row('T', { ...TH, H14: 0 })]))).toEqual([]);
  });
});

it('every finding carries the severity DOMAIN.md §9.7 gives its id', () => {
  const res = evaluateCounts(
    [
      sheetOf(xmcCount, [row('A', { ...XMC, B1_15_35: 10, B2_15_25: 1001 }, null)], { printedRates: [{ 'r:B1_15_35': 50 }], printedTotal: { counts: {} } }),
      sheetOf(thCount, [row('A', { ...TH, P11: 0, D11: null, P6: 4999, V6: 4899 })]),
    ],
    [group('xmc', [mark('A', 2)]), group('pcgd-th', [mark('A', 3)])],
  );
  const ids = new Set(res.findings.map((f) => f.rule));
  expect(ids.size).toBeGreaterThanOrEqual(8);
  for (const f of res.findings) expect(f.severity).toBe(COUNT_RULE_SEVERITY[f.rule]);
});

it('compares the marks with the first count sheet of a template and year only', () => {
  const first = sheetOf(xmcCount, [row('A', XMC)]);
  const second = { ...sheetOf(xmcCount, [row('A', { ...XMC, B1_15_35: 0 })]), sheet: 'XMC-4 (2)' };
  expect(levelFindings([first, second], [group('xmc', [mark('A', 2)])])).toEqual([]);
  expect(levelFindings([second, first], [group('xmc', [mark('A', 2)])]).map((f) => f.rule)).toEqual(['level.overstated']);
});

it('checkCountSheet gives what evaluateCounts gives for one sheet', () => {
  const s = sheetOf(thCount, [row('A', { ...TH, P6: 47, V6: 48, D11: null }), row('B', { ...TH, P11: 0, H11: 0, D11: 0 })], { printedRates: [{ 'r:V6': 50 }] });
  const marks = group('pcgd-th', [mark('A', 3), mark('B', 1)]);
  const whole = evaluateCounts([s], [marks]);
  const one = checkCountSheet(s, { levels: whole.levels[0], prereqs: whole.prereqs[0], marks: marksByUnit(marks.marks) });
  expect(one).toEqual(whole.findings.map(({ sheet: _sheet, ...f }) => f));
  expect(one.map((f) => f.rule)).toEqual(['level.unverifiable', 'count.exceeds_denominator', 'rate.mismatch', 'count.zero_denominator']);
});

it('a rule marked rowLocal finds on a row exactly what it finds on that row alone (seeded random rows)', () => {
  let seed = 7;
  const rnd = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
  for (const t of [xmcCount, mnCount, thCount, thcsCount]) {
    const rows = Array.from({ length: 60 }, (_, i) => {
      const counts: Counts = {};
      for (const c of t.columns) if (c.kind === 'count') counts[c.key] = rnd() < 0.05 ? null : Math.floor(rnd() * 60);
      return row(`X${i}`, counts, rnd() < 0.2 ? true : rnd() < 0.1 ? null : false);
    });
    const printedRates = rows.map(() => ({ [t.columns.find((c) => c.kind === 'rate')!.key]: Math.floor(rnd() * 100) }));
    const s = sheetOf(t, rows, { printedRates });
    for (const rule of [countNested, countExceedsDenominator, rateMismatch, rateBorderline, countZeroDenominator, unitDbkkUnknown, levelChainGap]) {
      expect(rule.rowLocal).toBe(true);
      const whole = run(rule, s);
      const alone = rows.flatMap((r, i) => run(rule, sheetOf(t, [r], { printedRates: [printedRates[i]] })).map((f) => ({ ...f, row: i })));
      expect(alone).toEqual(whole);
    }
  }
});
