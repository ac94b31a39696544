// Plan targets checked against the grids (DOMAIN.md §10.2–10.4), on the real sample district
// workbook (Huyện Mẫu, 12 xã) and the real Hà Quảng grids of seed 001, read by the app's reader.
import { beforeAll, describe, expect, it } from 'vitest';
import { readWorkbookFile } from '../../electron/core/excel/read';
import { emptyGrid, type Grid } from '../../shared/grid';
import { checkTargets, targetFindings } from '../../shared/targets/check';
import { evaluateTarget, type TemplateGrid } from '../../shared/targets/evaluate';
import { neededFor, percentText } from '../../shared/targets/format';
import { targetSchema, type Target } from '../../shared/targets/model';
import { getTemplate } from '../../shared/templates';

function target(t: Partial<Target> & Pick<Target, 'programme' | 'level' | 'kind' | 'when'>): Target {
  return targetSchema.parse({
    scope: 'Huyện Mẫu', age: null, value: null, of: null, names: [], mode: 'strive', text: '', source: null, ...t,
  });
}

let sample: TemplateGrid[];
let haQuang: TemplateGrid[];

beforeAll(async () => {
  const toGrids = (sheets: { template: TemplateGrid['template']; grid: Grid }[]) => sheets.map((s) => ({ template: s.template, grid: s.grid }));
  sample = toGrids((await readWorkbookFile('tests/fixtures/huyen-mau-phu-luc.xlsx')).sheets);
  haQuang = toGrids((await readWorkbookFile('seeds/ha-quang.xlsx')).sheets);
});

/** A copy of the grids with one cell changed (the grids of the reader are shared by the tests). */
function withCell(grids: TemplateGrid[], template: string, unit: string, key: string, value: string | null): TemplateGrid[] {
  return grids.map((tg) => {
    if (tg.template.id !== template) return tg;
    const rows = tg.grid.rows.map((r) => {
      if (r.unit !== unit) return r;
      const values = { ...r.values };
      if (value === null) delete values[key];
      else values[key] = value;
      return { ...r, values };
    });
    expect(rows.some((r) => r.unit === unit)).toBe(true);
    return { template: tg.template, grid: { ...tg.grid, rows } };
  });
}

describe('the messages of DOMAIN.md §10.3 on the sample district', () => {
  it('share, unmet: the target, m/N and share, the shortfall with what is needed, the closest commune', () => {
    const e = evaluateTarget(target({ programme: 'pcgd-thcs', level: 'MĐ2', kind: 'share', value: 95, when: '2021-2025' }), sample);
    expect(e.status).toBe('unmet');
    expect(e.message).toBe(
      'Chỉ tiêu 95% xã đạt PCGD THCS MĐ2 trở lên (giai đoạn 2021-2025): 11/12 xã (91,67%), chưa đạt — còn thiếu 1 xã (cần 12/12). Xã gần đạt nhất: Minh Khai (chưa có mức).',
    );
    expect(e).toMatchObject({ m: 11, n: 12, shortfall: 1, closest: ['Minh Khai'] });
  });

  it('share, met at equality: 6/12 meets 50%', () => {
    const e = evaluateTarget(target({ programme: 'pcgd-thcs', level: 'MĐ3', kind: 'share', value: 50, when: '2021-2025' }), sample);
    expect(e.status).toBe('met');
    expect(e.message).toBe('6/12 xã (50,00%) đạt PCGD THCS MĐ3; chỉ tiêu 50%: đạt, dư 0 xã.');
  });

  it('share, met with rows to spare: the status line of §10.2', () => {
    const e = evaluateTarget(target({ programme: 'xmc', level: 'MĐ2', kind: 'share', value: 90, when: '2021-2025' }), sample);
    expect(e.message).toBe('11/12 xã (91,67%) đạt XMC MĐ2 trở lên; chỉ tiêu 90%: đạt, dư 0 xã.');
    const lower = evaluateTarget(target({ programme: 'xmc', level: 'MĐ2', kind: 'share', value: 80, when: '2021-2025' }), sample);
    expect(lower).toMatchObject({ status: 'met', surplus: 1 });
  });

  it('count, unmet: on the result year, the closest communes at the level below, in grid order', () => {
    const e = evaluateTarget(target({ programme: 'xmc', level: 'MĐ2', kind: 'count', value: 10, of: 12, when: '2020' }), sample);
    expect(e.message).toBe(
      'Chỉ tiêu 10/12 xã đạt XMC MĐ2 (năm 2020): 9/12 xã, chưa đạt — còn thiếu 1 xã. Xã gần đạt nhất: Cát Tiên, Kim Sơn, Tân Lập (MĐ1).',
    );
  });

  it('count with a plan total that differs from the grid: still evaluated, and the difference said', () => {
    const e = evaluateTarget(target({ programme: 'xmc', level: 'MĐ2', kind: 'count', value: 9, of: 13, when: '2020' }), sample);
    expect(e.status).toBe('met');
    expect(e.message).toContain('Kế hoạch ghi tổng 13 xã, biểu có 12 xã');
  });

  it("unit, a district: its roll-up level, the failing threshold's shortfall", () => {
    const e = evaluateTarget(target({ programme: 'pcgd-thcs', level: 'MĐ2', kind: 'unit', when: '2021-2025' }), sample);
    expect(e.message).toBe(
      'Chỉ tiêu Huyện Mẫu đạt chuẩn PCGD THCS MĐ2 (giai đoạn 2021-2025): huyện đạt MĐ1, chưa đạt — MĐ2 cần 95% xã đạt MĐ2 trở lên, hiện 11/12 (91,67%), còn thiếu 1 xã. Xã gần đạt nhất: Minh Khai (chưa có mức).',
    );
    const held = evaluateTarget(target({ programme: 'pcgd-th', level: 'MĐ3', kind: 'unit', when: '2026-2030', mode: 'maintain' }), sample);
    expect(held).toMatchObject({ status: 'met', message: 'Huyện Mẫu đạt PCGD TH MĐ3 (giai đoạn 2026-2030); chỉ tiêu giữ vững PCGD TH MĐ3: đạt.' });
    const mn = evaluateTarget(target({ programme: 'pcgd-mn', age: '3 tuổi', level: 'Đạt', kind: 'unit', when: '2020' }), sample);
    expect(mn.message).toBe(
      'Chỉ tiêu Huyện Mẫu đạt chuẩn PCGD MN 3 tuổi (năm 2020): huyện chưa đạt chuẩn, chưa đạt — Đạt chuẩn cần 90% xã đạt chuẩn, hiện 9/12 (75,00%), còn thiếu 2 xã. Xã gần đạt nhất: Đông Hòa, Hưng Thịnh, Minh Khai (KĐ).',
    );
  });

  it('unit, a district whose lower level fails too: both shortfalls are named', () => {
    // Two XMC 2020 MĐ1 marks removed: 10/12 at MĐ1 (83,33% < 90%), 7/12 at MĐ2.
    let grids = withCell(sample, 'xmc', 'An Bình', '2020|MĐ2', null);
    grids = withCell(grids, 'xmc', 'Bình Minh', '2020|MĐ2', null);
    const e = evaluateTarget(target({ programme: 'xmc', level: 'MĐ2', kind: 'unit', when: '2020' }), grids);
    expect(e.status).toBe('unmet');
    expect(e.message).toContain('huyện chưa đạt mức nào');
    expect(e.message).toContain('MĐ1 cần 90% xã đạt MĐ1 trở lên, hiện 10/12 (83,33%), còn thiếu 1 xã');
    expect(e.message).toContain('MĐ2 cần 90% xã đạt MĐ2 trở lên, hiện 7/12 (58,33%), còn thiếu 4 xã');
    expect(e.closest.slice(0, 3)).toEqual(['Cát Tiên', 'Kim Sơn', 'Tân Lập']);
  });

  it('named, unmet: the unit below the level with its own level; the finding names it', () => {
    const t = target({ programme: 'xmc', level: 'MĐ2', kind: 'named', names: ['Kim Sơn', 'Hòa Lạc'], when: '2026-2030' });
    const e = evaluateTarget(t, sample);
    expect(e.message).toBe('Chỉ tiêu Kim Sơn, Hòa Lạc đạt XMC MĐ2 (giai đoạn 2026-2030): Hòa Lạc đạt MĐ1, chưa đạt.');
    expect(targetFindings(t, e)).toEqual([
      { rule: 'target.unmet', severity: 'warning', sheet: null, cell: null, unit: 'Hòa Lạc', message: e.message },
    ]);
  });

  it('named: names match across spellings ("Hoà Lạc", "xã Kim Sơn"); one matching no row leaves it undecided with an info', () => {
    const met = evaluateTarget(target({ programme: 'xmc', level: 'MĐ2', kind: 'named', names: ['xã Kim Sơn', 'Hoà Lạc'], when: '2021-2025' }), sample);
    expect(met.status).toBe('unmet'); // Kim Sơn is MĐ1 in 2021-2025
    expect(met.message).toContain('Kim Sơn đạt MĐ1');
    const t = target({ programme: 'xmc', level: 'MĐ2', kind: 'named', names: ['Kim Sơn', 'Ninh Hải'], when: '2026-2030' });
    const e = evaluateTarget(t, sample);
    expect(e).toMatchObject({ status: 'undecided', unmatched: ['Ninh Hải'] });
    expect(e.message).toBe('Chỉ tiêu Kim Sơn, Ninh Hải đạt XMC MĐ2 (giai đoạn 2026-2030): không tìm thấy Ninh Hải trong biểu Phụ lục 1, chưa đánh giá được.');
    expect(targetFindings(t, e)).toMatchObject([{ rule: 'target.unit_unmatched', severity: 'info' }]);
  });

  it('named: a name that the loose key finds twice is not guessed', () => {
    const xmc = getTemplate('xmc');
    const grid = emptyGrid(xmc, ['Hòa Lạc', 'Hóa Lạc']);
    const e = evaluateTarget(target({ programme: 'xmc', level: 'MĐ2', kind: 'named', names: ['Hoa Lac'], when: '2021-2025' }), [{ template: xmc, grid }]);
    expect(e.status).toBe('undecided');
    expect(e.message).toContain('không phân biệt được Hoa Lac (khớp Hòa Lạc, Hóa Lạc)');
  });

  it("unit, a commune: its own level is always in the message", () => {
    const th = getTemplate('pcgd-th');
    const grid = emptyGrid(th, ['An Bình'], { results: ['2025'], periods: [] });
    grid.rows[0].values['2025|MĐ2'] = 'x';
    const t = target({ scope: 'Xã An Bình', programme: 'pcgd-th', level: 'MĐ3', kind: 'unit', when: '2025', mode: 'maintain' });
    const e = evaluateTarget(t, [{ template: th, grid }]);
    expect(e.message).toBe('Chỉ tiêu Xã An Bình giữ vững PCGD TH MĐ3 (năm 2025): xã đạt MĐ2, chưa đạt.');
    expect(e.unit).toBe('An Bình');
    grid.rows[0].values = { '2025|MĐ3': 'x' };
    expect(evaluateTarget(t, [{ template: th, grid }]).status).toBe('met');
  });
});

describe('groups', () => {
  it('a year or period the grid does not hold leaves the target undecided, with no finding', () => {
    const t = target({ programme: 'pcgd-th', level: 'MĐ3', kind: 'share', value: 100, when: '2020' });
    const e = evaluateTarget(t, sample);
    expect(e.status).toBe('undecided');
    expect(e.message).toMatch(/^Chưa đủ dữ liệu/);
    expect(targetFindings(t, e)).toEqual([]);
    expect(evaluateTarget(target({ programme: 'xmc', level: 'MĐ2', kind: 'share', value: 90, when: '2031-2035' }), sample).status).toBe('undecided');
    expect(evaluateTarget(target({ programme: 'xmc', level: 'MĐ2', kind: 'share', value: 90, when: '2021-2025' }), []).status).toBe('undecided');
  });

  it('preschool, a year and no age: checked on every age, met only when met for each', () => {
    const all = evaluateTarget(target({ programme: 'pcgd-mn', level: 'Đạt', kind: 'share', value: 90, when: '2020' }), sample);
    expect(all.groups).toEqual(['2020/3 tuổi', '2020/4 tuổi', '2020/5 tuổi']);
    expect(all.status).toBe('unmet'); // 3 tuổi: 9/12 Đạt (Hưng Thịnh's double mark counts at KĐ)
    expect(all.message).toContain('9/12 xã (75,00%)');
    expect(all.message).toContain('PCGD MN 3 tuổi');
    const five = evaluateTarget(target({ programme: 'pcgd-mn', age: '5 tuổi', level: 'Đạt', kind: 'share', value: 100, when: '2020' }), sample);
    expect(five).toMatchObject({ status: 'met', groups: ['2020/5 tuổi'] });
    const period = evaluateTarget(target({ programme: 'pcgd-mn', age: '5 tuổi', level: 'Đạt', kind: 'unit', when: '2021-2025' }), sample);
    expect(period).toMatchObject({ status: 'met', groups: ['2021-2025'] });
  });

  it('the closest rows for Đạt: KĐ before unmarked', () => {
    const grids = withCell(sample, 'pcgd-mn', 'An Bình', '2020/3 tuổi|Đạt', null);
    const e = evaluateTarget(target({ programme: 'pcgd-mn', age: '3 tuổi', level: 'Đạt', kind: 'share', value: 100, when: '2020' }), grids);
    expect(e.message).toContain('Xã gần đạt nhất: Đông Hòa, Hưng Thịnh, Minh Khai (KĐ); An Bình (chưa có mức).');
  });
});

describe('the exact boundary (whole numbers, never a rounded rate)', () => {
  it('seed 001: 18/21 meets 85% with 0 to spare; one MĐ2 mark fewer fails by 1, naming target and shortfall', () => {
    const t = target({ scope: 'Huyện Hà Quảng', programme: 'xmc', level: 'MĐ2', kind: 'share', value: 85, when: '2021-2025' });
    const met = evaluateTarget(t, haQuang);
    expect(met.message).toBe('18/21 xã (85,71%) đạt XMC MĐ2 trở lên; chỉ tiêu 85%: đạt, dư 0 xã.');
    const grids = withCell(haQuang, 'xmc', 'Cải Viên', '2021-2025|MĐ2', null);
    const unmet = evaluateTarget(t, withCell(grids, 'xmc', 'Cải Viên', '2021-2025|MĐ1', 'x'));
    expect(unmet.status).toBe('unmet');
    expect(unmet.message).toMatch(/^Chỉ tiêu 85% xã đạt XMC MĐ2 trở lên \(giai đoạn 2021-2025\): 17\/21 xã \(80,95%\), chưa đạt — còn thiếu 1 xã \(cần 18\/21\)\./);
    // The communes at MĐ1 come first, Cải Viên among them in grid order.
    expect(unmet.closest).toEqual(['Cải Viên', 'Lương Thông', 'Thượng Thôn', 'Yên Sơn']);
  });

  it('100% needs every row; equality at 12/12 passes, 11/12 fails by exactly one', () => {
    const xmc = getTemplate('xmc');
    const grid = emptyGrid(xmc, Array.from({ length: 12 }, (_, i) => `Xã ${i + 1}`));
    for (const r of grid.rows) r.values['2021-2025|MĐ1'] = 'x';
    const t = target({ programme: 'xmc', level: 'MĐ1', kind: 'share', value: 100, when: '2021-2025' });
    expect(evaluateTarget(t, [{ template: xmc, grid }]).status).toBe('met');
    grid.rows[11].values = {};
    expect(evaluateTarget(t, [{ template: xmc, grid }])).toMatchObject({ status: 'unmet', shortfall: 1, closest: ['Xã 12'] });
  });

  it('ceil(p·N/100) in whole numbers, and the displayed share rounded half-up from the exact fraction', () => {
    expect([neededFor(85, 21), neededFor(95, 12), neededFor(60, 21), neededFor(50, 12), neededFor(100, 7)]).toEqual([18, 12, 13, 6, 7]);
    expect([percentText(18, 21), percentText(2, 3), percentText(1, 800), percentText(12, 12)]).toEqual(['85,71%', '66,67%', '0,13%', '100,00%']);
  });

  it('a count target: m equal to the target passes, one fewer fails', () => {
    const t = target({ programme: 'pcgd-thcs', level: 'MĐ3', kind: 'count', value: 6, of: 12, when: '2021-2025' });
    expect(evaluateTarget(t, sample)).toMatchObject({ status: 'met', surplus: 0 });
    const e = evaluateTarget(t, withCell(sample, 'pcgd-thcs', 'An Bình', '2021-2025|MĐ3', null));
    expect(e).toMatchObject({ status: 'unmet', shortfall: 1 });
    expect(e.message).toContain('Chỉ tiêu 6/12 xã đạt PCGD THCS MĐ3 (giai đoạn 2021-2025): 5/12 xã, chưa đạt — còn thiếu 1 xã.');
  });
});

describe('validate --json: findings and target entries (§10.4)', () => {
  it('one entry per target with its sheet row; a warning at the Giá trị cell only for the unmet one', () => {
    const src = (row: number) => ({ kind: 'sheet' as const, sheet: 'Mục tiêu', row });
    const targets = [
      target({ programme: 'xmc', level: 'MĐ2', kind: 'share', value: 90, when: '2021-2025', text: '90% trở lên các xã', source: src(6) }),
      target({ programme: 'pcgd-thcs', level: 'MĐ2', kind: 'share', value: 95, when: '2021-2025', source: src(7) }),
      target({ programme: 'xmc', level: 'MĐ2', kind: 'named', names: ['Kim Sơn', 'Hòa Lạc'], when: '2026-2030', source: src(8) }),
      target({ programme: 'pcgd-th', level: 'MĐ3', kind: 'unit', when: '2026-2030', mode: 'maintain', source: src(9) }),
    ];
    const out = checkTargets(targets, sample);
    expect(out.targets.map((e) => [e.row, e.status, e.value])).toEqual([
      [6, 'met', 90],
      [7, 'unmet', 95],
      [8, 'unmet', ['Kim Sơn', 'Hòa Lạc']],
      [9, 'met', null],
    ]);
    expect(out.targets[0]).toMatchObject({ sheet: 'Mục tiêu', programme: 'xmc', age: null, level: 'MĐ2', kind: 'share', of: null, period: '2021-2025', unit: 'Huyện Mẫu', mode: 'strive', text: '90% trở lên các xã' });
    expect(out.findings.map((f) => [f.rule, f.severity, f.cell])).toEqual([
      ['target.unmet', 'warning', 'E7'],
      ['target.unmet', 'warning', 'E8'],
    ]);
  });
});

describe('target.baseline_unmet (§10.1)', () => {
  it('a maintain target met in its period but below in the baseline year: info, never a warning; not for strive', () => {
    const keep = target({ programme: 'xmc', level: 'MĐ2', kind: 'share', value: 90, when: '2021-2025', mode: 'maintain' });
    const out = checkTargets([keep], sample);
    expect(out.targets[0].status).toBe('met');
    expect(out.findings).toHaveLength(1);
    expect(out.findings[0]).toMatchObject({ rule: 'target.baseline_unmet', severity: 'info' });
    expect(out.findings[0].message).toContain('kết quả năm 2020 đã chưa đạt: Chỉ tiêu 90% xã đạt XMC MĐ2 trở lên (năm 2020): 9/12 xã (75,00%)');
    expect(checkTargets([{ ...keep, mode: 'strive' }], sample).findings).toEqual([]);
    // A maintain target whose baseline holds: nothing.
    expect(checkTargets([{ ...keep, value: 75 }], sample).findings).toEqual([]);
  });
});

describe('the target schema', () => {
  it('refuses what a target cannot be', () => {
    const ok = { scope: 'Huyện Mẫu', programme: 'xmc', age: null, level: 'MĐ2', kind: 'share', value: 85, of: null, names: [], when: '2021-2025', mode: 'strive', text: '', source: null };
    expect(targetSchema.safeParse(ok).success).toBe(true);
    for (const bad of [
      { level: 'MĐ3' }, // XMC stops at MĐ2
      { value: 120 },
      { value: 0 },
      { age: '5 tuổi' },
      { when: '4/7' },
      { when: '2025-2021' },
      { kind: 'count', value: 5, of: 4 },
      { kind: 'named', value: null },
      { kind: 'unit' },
    ]) {
      expect(targetSchema.safeParse({ ...ok, ...bad }).success, JSON.stringify(bad)).toBe(false);
    }
    expect(targetSchema.safeParse({ ...ok, programme: 'pcgd-mn', level: 'Đạt', age: '5 tuổi' }).success).toBe(true);
  });
});
