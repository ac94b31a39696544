import { describe, expect, it } from 'vitest';
import { emptyGrid, type Grid } from '../../shared/grid';
import { checkGrid, type RuleFinding } from '../../shared/rules';
import { rollupGrid } from '../../shared/rules/rollup';
import { getTemplate } from '../../shared/templates';

const xmc = getTemplate('xmc');
const mn = getTemplate('pcgd-mn');
const th = getTemplate('pcgd-th');
const thcs = getTemplate('pcgd-thcs');

/** A grid of n communes where every group is marked at `level` (a mark label). */
function fullGrid(t: ReturnType<typeof getTemplate>, n: number, label: string): Grid {
  const g = emptyGrid(t, Array.from({ length: n }, (_, i) => `Xã ${i + 1}`));
  for (const row of g.rows) {
    for (const y of g.layout.results) for (const age of t.ages ?? [undefined]) row.values[`${age ? `${y}/${age}` : y}|${label}`] = 'x';
    for (const p of g.layout.periods) row.values[`${p}|${label}`] = 'x';
  }
  return g;
}

const run = (t: ReturnType<typeof getTemplate>, grid: Grid, extra: Partial<Parameters<typeof checkGrid>[1]> = {}, totals?: Record<string, string>) =>
  checkGrid({ template: t, grid, printedTotals: totals }, { grids: [grid], ...extra });
const ids = (fs: RuleFinding[]) => fs.map((f) => f.rule);

describe('a clean grid', () => {
  it('gives no finding for any template', () => {
    for (const [t, label] of [[xmc, 'MĐ2'], [mn, 'Đạt'], [th, 'MĐ3'], [thcs, 'MĐ2']] as const) {
      expect(run(t, fullGrid(t, 5, label))).toEqual([]);
    }
  });
});

describe('mark.exclusive', () => {
  it('fires on two marks in one group, naming the first mark', () => {
    const g = fullGrid(mn, 3, 'Đạt');
    g.rows[1].values['2020/3 tuổi|KĐ'] = 'x';
    const f = run(mn, g);
    expect(ids(f)).toEqual(['mark.exclusive']);
    expect(f[0]).toMatchObject({ row: 1, col: '2020/3 tuổi|Đạt', unit: 'Xã 2', severity: 'error' });
    expect(f[0].message).toContain('trẻ 3 tuổi năm 2020');
    expect(f[0].message).toContain('cả Đạt và KĐ');
  });
  it('does not fire on one mark per group across different groups', () => {
    const g = fullGrid(xmc, 2, 'MĐ1');
    expect(ids(run(xmc, g))).not.toContain('mark.exclusive');
  });
});

describe('mark.missing', () => {
  it('warns at the group first cell, never an error', () => {
    const g = fullGrid(thcs, 3, 'MĐ3');
    delete g.rows[2].values['2021-2025|MĐ3'];
    const f = run(thcs, g);
    expect(f.map((x) => [x.rule, x.severity, x.col])).toEqual([['mark.missing', 'warning', '2021-2025|MĐ1']]);
  });
  it('does not count Đánh giá as a mark nor miss it', () => {
    const g = fullGrid(mn, 2, 'Đạt');
    g.rows[0].values['2020/3 tuổi|Đánh giá'] = 'KĐ';
    expect(run(mn, g)).toEqual([]);
  });
});

describe('value.invalid', () => {
  it('fires on "2" or "y" in a mark cell and on a non-count total', () => {
    const g = fullGrid(xmc, 2, 'MĐ2');
    g.rows[0].values['2020|MĐ1'] = '2';
    g.rows[1].values['2020|MĐ1'] = 'y';
    const totals = { '2020|MĐ1': '-1', '2020|MĐ2': '2', '2021-2025|MĐ2': '2', '2026-2030|MĐ2': '2' };
    const f = run(xmc, g, {}, totals).filter((x) => x.rule === 'value.invalid');
    expect(f.map((x) => [x.row, x.col])).toEqual([[0, '2020|MĐ1'], [1, '2020|MĐ1'], ['total', '2020|MĐ1']]);
  });
  it('accepts x, X and × as marks', () => {
    const g = fullGrid(xmc, 3, 'MĐ2');
    g.rows[0].values['2020|MĐ2'] = 'X';
    g.rows[1].values['2020|MĐ2'] = '×';
    expect(run(xmc, g)).toEqual([]);
  });
});

describe('total.mismatch', () => {
  it('fires where the printed total differs, a blank total counting as 0', () => {
    const g = fullGrid(xmc, 4, 'MĐ2');
    const totals = { '2020|MĐ2': '4', '2021-2025|MĐ2': '5', '2026-2030|MĐ2': '', '2020|MĐ1': '', '2021-2025|MĐ1': '0' };
    const f = run(xmc, g, {}, totals);
    expect(f.map((x) => [x.rule, x.row, x.col])).toEqual([
      ['total.mismatch', 'total', '2021-2025|MĐ2'],
      ['total.mismatch', 'total', '2026-2030|MĐ2'],
    ]);
    expect(f[0].unit).toBeNull();
  });
  it('is silent for a stored grid (no printed totals)', () => {
    expect(run(xmc, fullGrid(xmc, 4, 'MĐ2'))).toEqual([]);
  });
});

describe('level.regression', () => {
  it('fires when a later period proposes a lower level than the result year', () => {
    const g = fullGrid(xmc, 2, 'MĐ2');
    delete g.rows[0].values['2026-2030|MĐ2'];
    g.rows[0].values['2026-2030|MĐ1'] = 'x';
    const f = run(xmc, g);
    expect(f.map((x) => [x.rule, x.severity, x.col])).toEqual([['level.regression', 'warning', '2026-2030|MĐ1']]);
  });
  it('does not fire on a rise, nor across an unmarked group', () => {
    const g = fullGrid(thcs, 1, 'MĐ3');
    const r = g.rows[0].values;
    delete r['2020|MĐ3'];
    r['2020|MĐ1'] = 'x';
    delete r['2021-2025|MĐ3'];
    expect(ids(run(thcs, g))).toEqual(['mark.missing']);
  });
});

describe('level.prerequisite', () => {
  it('warns when THCS is reached but TH or XMC is not, for the same commune and period', () => {
    const c = fullGrid(thcs, 2, 'MĐ2');
    const t = fullGrid(th, 2, 'MĐ3');
    const x = fullGrid(xmc, 2, 'MĐ2');
    delete t.rows[1].values['2021-2025|MĐ3'];
    const f = run(thcs, c, { grids: [c, t, x] }).filter((y) => y.rule === 'level.prerequisite');
    expect(f.map((y) => [y.row, y.col])).toEqual([[1, '2021-2025|MĐ2']]);
  });
  it('is skipped where the other grid has no such group (TH without a 2020 result) or is absent', () => {
    const c = fullGrid(thcs, 2, 'MĐ2');
    const t = fullGrid(th, 2, 'MĐ3');
    expect(t.layout.results).toEqual([]);
    expect(run(thcs, c, { grids: [c, t] })).toEqual([]);
    expect(run(thcs, c, { grids: [c] })).toEqual([]);
  });
});

describe('unit.duplicate and unit.unknown', () => {
  it('finds the same commune twice after normalisation (NFD, case, prefix)', () => {
    const g = fullGrid(xmc, 2, 'MĐ2');
    g.rows[0].unit = 'Lương Thông';
    g.rows[1].unit = 'xã LƯƠNG THÔNG'.normalize('NFD');
    const f = run(xmc, g);
    expect(f.map((x) => [x.rule, x.row, x.col])).toEqual([['unit.duplicate', 1, 'name']]);
  });
  it('warns on a name outside the unit list only when a list exists', () => {
    const g = fullGrid(xmc, 2, 'MĐ2');
    g.rows[0].unit = 'Cần Nông';
    g.rows[1].unit = 'Ba Đình';
    expect(run(xmc, g)).toEqual([]);
    const f = run(xmc, g, { knownUnits: ['Xã Cần Nông'] });
    expect(f.map((x) => [x.rule, x.unit])).toEqual([['unit.unknown', 'Ba Đình']]);
  });
});

describe('roll-up', () => {
  it('counts all commune rows and uses the thresholds of Nghị định 20/2014', () => {
    // THCS: 90 / 95 / 100 %. 20 communes: 19 at MĐ3, 1 unmarked → MĐ1 (95% ≥ 90, 95% ≥ 95, 95% < 100) → MĐ2.
    const g = fullGrid(thcs, 20, 'MĐ3');
    delete g.rows[19].values['2021-2025|MĐ3'];
    const r = rollupGrid(thcs, g).find((x) => x.group === '2021-2025')!;
    expect(r.level).toBe('MĐ2');
    expect(r.atLeast).toEqual([19, 19, 19]);
  });
  it('compares shares unrounded: 8 of 9 (88.9%) fails 90%', () => {
    const g = fullGrid(xmc, 9, 'MĐ2');
    delete g.rows[0].values['2020|MĐ2'];
    expect(rollupGrid(xmc, g).find((x) => x.group === '2020')!.level).toBeNull();
  });
  it('counts a double-marked Đạt/KĐ commune as not Đạt', () => {
    const g = fullGrid(mn, 10, 'Đạt');
    g.rows[0].values['2020/3 tuổi|KĐ'] = 'x';
    g.rows[1].values['2020/3 tuổi|KĐ'] = 'x';
    delete g.rows[1].values['2020/3 tuổi|Đạt'];
    const r = rollupGrid(mn, g);
    expect(r.find((x) => x.group === '2020/3 tuổi')!.level).toBeNull(); // 8 of 10
    expect(r.find((x) => x.group === '2020/4 tuổi')!.level).toBe('Đạt');
  });
});
