// The count tables through the API (openCounts, createCounts, setCells) on the Hà Quảng demo in a
// real database: an empty table of a year made on request, its marks from Phụ lục 1 "năm 2020",
// whole numbers only, and a THCS table's prerequisites from the XMC counts typed for that year.
import { describe, expect, it } from 'vitest';
import { appsClosedAfterEach, loadedDemo, refusal } from '../support/handlers';

const open = appsClosedAfterEach('pcgd-counts-');
const demo = () => loadedDemo(open());

describe('openCounts and createCounts', () => {
  it('has no table until one is made, then an empty one with every commune and the marks of "năm 2020"', async () => {
    const { app, district } = await demo();
    const none = await app.api.openCounts({ unitId: district.id, template: 'xmc-count' });
    expect(none.table).toBeNull();
    expect(none.years).toEqual([]);
    expect(none.resultYears).toEqual(['2020']);

    const made = await app.api.createCounts({ unitId: district.id, template: 'xmc-count', year: '2020' });
    expect(made.years).toEqual(['2020']);
    const t = made.table!;
    expect(t.year).toBe('2020');
    expect(t.rows).toHaveLength(21);
    expect(t.rows.every((r) => Object.keys(r.values).length === 0)).toBe(true);
    expect(t.marks).toHaveLength(21);
    expect(t.marks!.find((m) => m.unit === 'Cải Viên')!.col.startsWith('2020|')).toBe(true);
    // Made once: asking again opens the same report.
    const again = await app.api.createCounts({ unitId: district.id, template: 'xmc-count', year: '2020' });
    expect(again.table!.reportId).toBe(t.reportId);
    // A year the Phụ lục has no result group for: no marks to check against.
    const y2019 = await app.api.createCounts({ unitId: district.id, template: 'xmc-count', year: '2019' });
    expect(y2019.table!.marks).toBeNull();
    expect((await app.api.openCounts({ unitId: district.id, template: 'xmc-count' })).years).toEqual(['2020', '2019']);
  });

  it('stores whole numbers and the ĐBKK flag, and refuses anything else whole', async () => {
    const { app, district } = await demo();
    const t = (await app.api.createCounts({ unitId: district.id, template: 'xmc-count', year: '2020' })).table!;
    const caiVien = t.rows.find((r) => r.name === 'Cải Viên')!.unitId;
    await app.api.setCells({ reportId: t.reportId, writes: [{ unitId: caiVien, key: 'T_15_35', value: '1250' }, { unitId: caiVien, key: 'dbkk', value: 'x' }] });
    const back = (await app.api.openCounts({ unitId: district.id, template: 'xmc-count', year: '2020' })).table!;
    expect(back.rows.find((r) => r.unitId === caiVien)!.values).toEqual({ T_15_35: '1250', dbkk: 'x' });

    for (const bad of ['-3', '12,5', '1.250', 'nhiều']) {
      expect(await refusal(app.api.setCells({ reportId: t.reportId, writes: [{ unitId: caiVien, key: 'B1_15_35', value: bad }] }))).toContain('số nguyên không âm');
    }
    expect(await refusal(app.api.setCells({ reportId: t.reportId, writes: [{ unitId: caiVien, key: 'dbkk', value: 'có' }] }))).toContain('ĐBKK');
    expect(await refusal(app.api.setCells({ reportId: t.reportId, writes: [{ unitId: caiVien, key: '2020|MĐ1', value: 'x' }] }))).toContain('không phải là một cột');
    // One bad write refuses the whole call: the good one beside it is not stored either.
    await refusal(app.api.setCells({ reportId: t.reportId, writes: [{ unitId: caiVien, key: 'B1_15_35', value: '1000' }, { unitId: district.id, key: 'B1_15_35', value: '5' }] }));
    expect(app.store.getValues(t.reportId).get(caiVien)!.B1_15_35).toBeUndefined();
  });

  it('gives a THCS table its prerequisites: XMC computed from the counts typed for that year, TH undecided without a 2020 group', async () => {
    const { app, district } = await demo();
    const xmc = (await app.api.createCounts({ unitId: district.id, template: 'xmc-count', year: '2020' })).table!;
    const caiVien = xmc.rows.find((r) => r.name === 'Cải Viên')!.unitId;
    // 15-35: 181 of 200 literate at MĐ1 = 90,5%: XMC MĐ1 reached.
    await app.api.setCells({ reportId: xmc.reportId, writes: [{ unitId: caiVien, key: 'T_15_35', value: '200' }, { unitId: caiVien, key: 'B1_15_35', value: '181' }] });
    const thcs = (await app.api.createCounts({ unitId: district.id, template: 'thcs-count', year: '2020' })).table!;
    const at = thcs.rows.findIndex((r) => r.unitId === caiVien);
    expect(thcs.prereqs[at]!['xmc-count']).toMatchObject({ source: 'computed', state: 'pass', level: 1 });
    expect(thcs.prereqs[at]!['th-count']).toMatchObject({ source: 'none', state: 'undecided' });
    // Below 90% the computed level rules the prerequisite out, whatever Phụ lục 1 marks.
    await app.api.setCells({ reportId: xmc.reportId, writes: [{ unitId: caiVien, key: 'B1_15_35', value: '179' }, { unitId: caiVien, key: 'T_15_60', value: '400' }, { unitId: caiVien, key: 'B2_15_60', value: '10' }] });
    const after = (await app.api.openCounts({ unitId: district.id, template: 'thcs-count', year: '2020' })).table!;
    expect(after.prereqs[at]!['xmc-count']).toMatchObject({ source: 'computed', state: 'fail' });
  });
});
