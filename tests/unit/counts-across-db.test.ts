// Counts against marks across the database (issue 9 item 4, DOMAIN.md §9.6): the sample
// huyen-mau-so-lieu.xlsx split in two files, its Phụ lục grids and its count sheets, imported in
// either order. The level.* findings of the README come out of whichever import completes the
// pair (the marks' cells located in the file when the marks are in it), never out of the first,
// and the app's check of the stored district counts them in the Phụ lục they belong to.
import ExcelJS from 'exceljs';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ParsePool } from '../../electron/core/batch/pool';
import { storedCountCheck } from '../../electron/core/counts-check';
import { createHandlers } from '../../electron/core/handlers';
import { importBuffer } from '../../electron/core/import';
import { Store } from '../../electron/core/store/store';
import type { Api } from '../../shared/api';

const SAMPLE = join(__dirname, '..', 'fixtures', 'huyen-mau-so-lieu.xlsx');
const COUNT_SHEETS = ['XMC-4', 'PCGD MN 5 tuổi', 'PCGD TH', 'PCGD THCS'];

/** The sample with only the sheets `keep` says. */
async function part(keep: (name: string) => boolean): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(SAMPLE) as unknown as ArrayBuffer);
  for (const ws of [...wb.worksheets]) if (!keep(ws.name)) wb.removeWorksheet(ws.id);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
const marksOnly = () => part((n) => !COUNT_SHEETS.includes(n));
const countsOnly = () => part((n) => COUNT_SHEETS.includes(n));

const levelRules = <F extends { rule: string }>(fs: F[]): F[] => fs.filter((f) => f.rule.startsWith('level.') && f.rule !== 'level.chain_gap' && f.rule !== 'level.regression' && f.rule !== 'level.prerequisite');
const brief = (fs: { rule: string; sheet: string | null; cell: string | null; unit: string | null }[]) =>
  levelRules(fs)
    .map((f) => `${f.rule} ${f.sheet} ${f.cell ?? '-'} ${f.unit}`)
    .sort();

// The README's four level findings: the mark's sheet and cell, the commune as written.
const README_LEVELS = [
  'level.overstated Phụ lục 1 D14 Long Phú',
  'level.overstated Phụ lục 4 E17 Thị trấn Trung Tâm',
  'level.understated Phụ lục 4 C7 Bình Minh',
  'level.unverifiable Phụ lục 4 E14 Minh Khai',
];

let store: Store;
let pool: ParsePool;
let api: Api;
beforeEach(() => {
  store = Store.open(join(mkdtempSync(join(tmpdir(), 'pcgd-across-')), 'db.sqlite'));
  pool = new ParsePool(1);
  api = createHandlers({ store, pool, seedsDir: join(__dirname, '..', '..', 'seeds'), saveFile: async () => ({ saved: false }) });
});
afterEach(async () => {
  store.close();
  await pool.close();
});

describe('counts of year Y against the stored Phụ lục "năm Y" (§9.6)', () => {
  it('the one workbook holding both gives the README level findings (the reference for the split files)', async () => {
    const r = await importBuffer(store, 'huyen-mau-so-lieu.xlsx', readFileSync(SAMPLE));
    expect(brief(r.findings)).toEqual(README_LEVELS);
  });

  it('marks stored first, counts in a later file: the counts file gives the findings, at the stored marks', async () => {
    const first = await importBuffer(store, 'phu-luc.xlsx', await marksOnly());
    expect(first.status).toBe('ok');
    expect(levelRules(first.findings)).toEqual([]);
    const later = await importBuffer(store, 'so-lieu.xlsx', await countsOnly());
    expect(later.status).toBe('ok');
    // No cell: the mark is in the database, not in this file; the sheet and commune say where.
    expect(brief(later.findings)).toEqual(README_LEVELS.map((s) => s.replace(/ [A-Z]+\d+ /, ' - ')).sort());
    const over = later.findings.find((f) => f.rule === 'level.overstated' && f.unit === 'Long Phú')!;
    expect(over.severity).toBe('error');
    expect(over.message).toContain('cần thêm 60 người biết chữ mức độ 2 trong độ tuổi 15-60');
    expect(over.message).toContain('đã lưu');
    // The file's own count findings are still its own.
    expect(later.findings.some((f) => f.rule === 'count.nested' && f.sheet === 'XMC-4' && f.cell === 'C18')).toBe(true);
  });

  it('counts stored first, marks in a later file: the marks file gives the findings, at its own mark cells', async () => {
    const first = await importBuffer(store, 'so-lieu.xlsx', await countsOnly());
    expect(first.status).toBe('ok');
    // A file of count tables alone founds its district from "ỦY BAN NHÂN DÂN HUYỆN MẪU".
    expect(store.districts().map((d) => d.name)).toEqual(['Mẫu']);
    expect(store.children(store.districts()[0].id)).toHaveLength(12);
    expect(levelRules(first.findings)).toEqual([]);
    const later = await importBuffer(store, 'phu-luc.xlsx', await marksOnly());
    expect(later.status).toBe('ok');
    // The marks landed in the district the counts founded.
    expect(store.districts()).toHaveLength(1);
    expect(brief(later.findings)).toEqual(README_LEVELS);
  });

  it('a dry run of the later file previews the same findings and stores nothing', async () => {
    await importBuffer(store, 'phu-luc.xlsx', await marksOnly());
    const preview = await importBuffer(store, 'so-lieu.xlsx', await countsOnly(), { dryRun: true });
    expect(levelRules(preview.findings)).toHaveLength(4);
    expect(store.listCountReports(store.districts()[0].id)).toEqual([]);
  });

  it('does not fire without the other side, nor once the mark agrees with the counts', async () => {
    // Counts alone: nothing to compare with.
    await importBuffer(store, 'so-lieu.xlsx', await countsOnly());
    const district = store.districts()[0];
    expect(levelRules(storedCountCheck(store, district).findings)).toEqual([]);
    await importBuffer(store, 'phu-luc.xlsx', await marksOnly());
    const xmc = store.listReports(district.id).find((r) => r.template === 'xmc')!;
    const longPhu = store.children(district.id).find((u) => u.name === 'Long Phú')!;
    expect(storedCountCheck(store, district).findings.filter((f) => f.rule === 'level.overstated' && f.unit === 'Long Phú')).toHaveLength(1);
    // The officer moves Long Phú's 2020 mark down to what the counts prove: the finding goes.
    store.setValues(xmc.id, [{ unitId: longPhu.id, key: '2020|MĐ2', value: '' }, { unitId: longPhu.id, key: '2020|MĐ1', value: 'x' }], { kind: 'typed' });
    expect(storedCountCheck(store, district).findings.filter((f) => f.rule.startsWith('level.') && f.unit === 'Long Phú')).toEqual([]);
  });
});

describe('checkDistrict over the stored reports', () => {
  it('counts a level.* finding in the Phụ lục of its mark, pointing at the mark, and lists the count tables with their own', async () => {
    await importBuffer(store, 'phu-luc.xlsx', await marksOnly());
    const before = await api.checkDistrict({});
    expect(before.counts).toEqual([]);
    const xmcBefore = before.grids.find((g) => g.template === 'xmc')!;
    expect(xmcBefore.errors).toBe(0);

    await importBuffer(store, 'so-lieu.xlsx', await countsOnly());
    const district = store.districts()[0];
    const id = (name: string) => store.children(district.id).find((u) => u.name === name)!.id;
    const after = await api.checkDistrict({});
    const grid = (t: string) => after.grids.find((g) => g.template === t)!;
    // Phụ lục 1: Long Phú overstated (error) at its 2020 MĐ2 mark.
    expect(grid('xmc')).toMatchObject({ errors: 1, warnings: 0, first: { unitId: id('Long Phú'), col: '2020|MĐ2' } });
    // Phụ lục 4: Thị trấn Trung Tâm overstated (error); Minh Khai unverifiable, Bình Minh understated (warnings).
    expect(grid('pcgd-thcs')).toMatchObject({ errors: 1, warnings: 2, first: { unitId: id('Thị trấn Trung Tâm'), col: '2020|MĐ3' } });
    expect(grid('pcgd-mn').errors).toBe(0);
    // The count tables' own errors and warnings (info findings not counted), each table once.
    const table = (t: string) => after.counts.find((c) => c.template === t);
    expect(table('xmc-count')).toMatchObject({ year: '2020', sheet: 'XMC-4', errors: 1, warnings: 0, first: { unitId: id('Phú Xuân'), col: 'T_15_25' } });
    expect(table('th-count')).toMatchObject({ errors: 1, warnings: 0, first: { unitId: id('An Bình'), col: 'V6' } });
    expect(table('thcs-count')).toMatchObject({ errors: 0, warnings: 1 });
    // A stored table has no printed total or rate: count.total.mismatch and rate.mismatch are the file's alone.
    expect(table('mn-count')).toBeUndefined();
  });
});

describe('openContext of a Phụ lục grid', () => {
  it("carries the level.* findings of the stored counts at the grid's marks, and none for a grid the counts do not check", async () => {
    await importBuffer(store, 'so-lieu.xlsx', await countsOnly());
    await importBuffer(store, 'phu-luc.xlsx', await marksOnly());
    const district = store.districts()[0];
    const report = (t: string) => store.listReports(district.id).find((r) => r.template === t)!;
    const rowOf = (name: string) => store.children(district.id).findIndex((u) => u.name === name);
    const xmc = await api.openContext({ reportId: report('xmc').id });
    expect(xmc.countFindings).toEqual([expect.objectContaining({ rule: 'level.overstated', severity: 'error', row: rowOf('Long Phú'), col: '2020|MĐ2', unit: 'Long Phú' })]);
    const thcs = await api.openContext({ reportId: report('pcgd-thcs').id });
    expect(thcs.countFindings!.map((f) => `${f.rule} ${f.row} ${f.col}`).sort()).toEqual(
      [`level.overstated ${rowOf('Thị trấn Trung Tâm')} 2020|MĐ3`, `level.understated ${rowOf('Bình Minh')} 2020|MĐ1`, `level.unverifiable ${rowOf('Minh Khai')} 2020|MĐ3`].sort(),
    );
    // Phụ lục 3 has no 2020 result group; Phụ lục 2's 5-year-old marks all agree with the counts.
    expect((await api.openContext({ reportId: report('pcgd-th').id })).countFindings).toBeUndefined();
    expect((await api.openContext({ reportId: report('pcgd-mn').id })).countFindings).toBeUndefined();
  });
});
