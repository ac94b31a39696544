// `ok` means stored (issue 8, item 3): a district workbook of a district the database does not
// have creates it and never lands in another; every value of every `ok` fixture reads back from
// the database after a real import; a workbook holding the same Phụ lục twice is refused, not
// stored as the union of both; setCells refuses cells no grid of the report has.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { parseFile } from '../../electron/core/batch/parse';
import { newBatchMemory, storeParsed } from '../../electron/core/import';
import type { Store } from '../../electron/core/store/store';
import type { UnitRecord } from '../../electron/core/store/types';
import type { ImportFileResult } from '../../shared/api';
import { isUserError } from '../../shared/errors';
import { columnsOf } from '../../shared/grid';
import { getTemplate } from '../../shared/templates';
import { unitKey } from '../../shared/text/normalize';
import { FIXTURE_FORM_SECRET } from '../support/fixture-secret';
import { openTestApp, type TestApp } from '../support/handlers';
import { runImport } from '../support/run-import';

const ROOT = join(import.meta.dirname, '..', '..');
const FIX = join(ROOT, 'tests', 'fixtures');
const HUYEN_MAU = join(FIX, 'huyen-mau-phu-luc.xlsx');

const apps: TestApp[] = [];
function app(): TestApp {
  const a = openTestApp('pcgd-truth-');
  apps.push(a);
  return a;
}
afterEach(async () => {
  while (apps.length) await apps.pop()!.close();
});

const b64 = (file: string) => ({ name: basename(file), data: readFileSync(file).toString('base64') });

function everything(store: Store): string {
  const reports = store.listReports();
  return JSON.stringify({ units: store.listUnits(), reports, cells: reports.map((r) => [r.id, [...store.getValues(r.id)]]) });
}

describe('a district workbook of a district the database does not have', () => {
  it('Huyện Mẫu into the Hà Quảng demo: the preview says it creates the district and creates nothing; the import creates it with its 12 communes and stores every value; Hà Quảng is untouched', async () => {
    const { api, store } = app();
    await api.loadDemo({});
    const haQuang = store.districts()[0];
    const before = everything(store);

    // Was: ready, matched to "Hà Quảng", then "1 tệp đã nhập" — and no value stored.
    const preview = (await runImport(api, { files: [b64(HUYEN_MAU)], dryRun: true })).files[0];
    expect([preview.status, preview.unit, preview.note]).toEqual(['ok', 'Mẫu', 'Tạo huyện mới: Huyện Mẫu, 12 xã']);
    expect(preview.changes.length).toBeGreaterThan(0);
    expect(everything(store)).toBe(before);

    const done = (await runImport(api, { files: [b64(HUYEN_MAU)], dryRun: false })).files[0];
    expect([done.status, done.note, done.changes]).toEqual(['ok', 'Tạo huyện mới: Huyện Mẫu, 12 xã', preview.changes]);
    const mau = store.districts().find((d) => d.name === 'Mẫu')!;
    expect(mau).toBeDefined();
    expect(mau.id).not.toBe(haQuang.id);
    expect(store.children(mau.id)).toHaveLength(12);
    expect(store.listReports(mau.id)).toHaveLength(4);
    expect(store.children(haQuang.id).some((c) => c.name === 'Hòa Lạc')).toBe(false);
    // Hà Quảng's reports hold exactly what they held.
    const was = JSON.parse(before) as { cells: [number, unknown][] };
    for (const [id, cells] of was.cells) expect(JSON.stringify([...store.getValues(id)])).toBe(JSON.stringify(cells));
    await expectStored(store, HUYEN_MAU, done);

    // Again: the district is there now, nothing to create, nothing to change.
    const again = (await runImport(api, { files: [b64(HUYEN_MAU)], dryRun: true })).files[0];
    expect([again.status, again.note, again.changes]).toEqual(['ok', undefined, []]);
  });

  it('a workbook that names no district and none of whose communes are in the database is refused, not ok with nothing stored', async () => {
    const { api, store } = app();
    await api.loadDemo({});
    const before = everything(store);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(HUYEN_MAU) as unknown as ExcelJS.Buffer);
    // Every title line that names the district, cleared.
    for (const ws of wb.worksheets) for (let r = 1; r <= 4; r++) ws.getRow(r).eachCell((c) => { if (/MẪU|Mẫu/.test(String(c.value))) c.value = 'BIỂU KẾT QUẢ'; });
    const data = Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
    const r = (await runImport(api, { files: [{ name: 'khong-ten.xlsx', data }], dryRun: false })).files[0];
    expect(r.status).toBe('rejected');
    expect(r.reason).toBe('tệp không ghi tên huyện ở dòng tiêu đề và không xã nào trong tệp thuộc huyện nào trong cơ sở dữ liệu.');
    expect(everything(store)).toBe(before);
  });
});

describe('a workbook holding the same Phụ lục twice', () => {
  it('is rejected with a reason naming both sheets, and stores nothing (was: the union of both, every group double-marked, "ok")', async () => {
    const { api, store } = app();
    await api.loadDemo({});
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(join(ROOT, 'seeds', 'ha-quang.xlsx')) as unknown as ExcelJS.Buffer);
    const src = wb.getWorksheet('Phụ lục 1')!;
    const copy = wb.addWorksheet('Bản sao PL1');
    copy.model = { ...src.model, name: 'Bản sao PL1' } as ExcelJS.WorksheetModel;
    const buf = Buffer.from(await wb.xlsx.writeBuffer());
    const before = everything(store);
    const r = (await runImport(api, { files: [{ name: 'hai-lan.xlsx', data: buf.toString('base64') }], dryRun: false })).files[0];
    expect(r.status).toBe('rejected');
    expect(r.reason).toBe('tệp có hai trang cùng là một biểu ("Phụ lục 1" và "Bản sao PL1"): không rõ trang nào đúng nên không nhập trang nào. Hãy xóa trang thừa rồi nhập lại.');
    expect(everything(store)).toBe(before);
  });
});

describe('setCells stores only cells of the report’s grid', () => {
  async function demo() {
    const a = app();
    await a.api.loadDemo({});
    const district = a.store.districts()[0];
    const report = a.store.listReports(district.id).find((r) => r.template === 'pcgd-mn')!;
    const commune = a.store.children(district.id)[0];
    const key = columnsOf(getTemplate('pcgd-mn'), report.layout);
    return { ...a, district, report, commune, mark: key.find((c) => c.kind === 'mark')!.key, text: key.find((c) => c.kind === 'text')!.key };
  }

  async function refused(p: Promise<unknown>): Promise<string> {
    const e = await p.then(
      () => null,
      (x: unknown) => x,
    );
    expect(isUserError(e)).toBe(true);
    return (e as Error).message;
  }

  it('refuses a key that is not a column of the template under its layout, storing nothing of the call', async () => {
    const { api, store, report, commune, mark } = await demo();
    const before = everything(store);
    const msg = await refused(
      api.setCells({ reportId: report.id, writes: [{ unitId: commune.id, key: mark, value: store.getValues(report.id).get(commune.id)?.[mark] ? '' : 'x' }, { unitId: commune.id, key: '2019/3 tuổi|Đạt', value: 'x' }] }),
    );
    // 2019 is not a result year of this report's layout (2020 is).
    expect(msg).toBe('Không lưu được: "2019/3 tuổi|Đạt" không phải là một cột của Phụ lục 2. Không ô nào của lần sửa này được lưu.');
    expect(await refused(api.setCells({ reportId: report.id, writes: [{ unitId: commune.id, key: 'ghi chú riêng', value: 'x' }] }))).toMatch(/"ghi chú riêng" không phải là một cột/);
    expect(everything(store)).toBe(before);
  });

  it('refuses a unit of another district, and a mark on the district’s own row; takes a commune’s cell and the district’s Đánh giá', async () => {
    const { api, store, district, report, commune, mark, text } = await demo();
    const other = await api.createDistrict({ name: 'Bảo Lạc', communes: ['Hưng Đạo'] });
    const stranger: UnitRecord = store.children(other.unitId)[0];
    const before = everything(store);
    expect(await refused(api.setCells({ reportId: report.id, writes: [{ unitId: stranger.id, key: mark, value: 'x' }] }))).toBe(
      'Không lưu được: "Hưng Đạo" không phải là một xã của Hà Quảng trong Phụ lục 2. Không ô nào của lần sửa này được lưu.',
    );
    expect(await refused(api.setCells({ reportId: report.id, writes: [{ unitId: 999_999, key: mark, value: 'x' }] }))).toMatch(/đơn vị #999999 không phải là một xã của Hà Quảng/);
    expect(await refused(api.setCells({ reportId: report.id, writes: [{ unitId: district.id, key: mark, value: 'x' }] }))).toMatch(/"Hà Quảng" không phải là một xã/);
    expect(everything(store)).toBe(before);

    const ok = await api.setCells({ reportId: report.id, writes: [{ unitId: commune.id, key: text, value: 'Đạt (gõ tay)' }, { unitId: district.id, key: text, value: 'Huyện đạt' }] });
    expect(ok.changed).toBe(2);
    expect(store.getValues(report.id).get(commune.id)?.[text]).toBe('Đạt (gõ tay)');
    expect(store.loadGrid(report.id).totalTexts[text]).toBe('Huyện đạt');
  });
});

// ---------------------------------------------------------------------------------------------
// Property: after a real import, every value of every `ok` file reads back from the database.

function xlsxUnder(dir: string): string[] {
  return readdirSync(dir)
    .flatMap((n) => {
      const p = join(dir, n);
      return statSync(p).isDirectory() ? xlsxUnder(p) : n.endsWith('.xlsx') ? [p] : [];
    })
    .sort((a, b) => a.localeCompare(b, 'vi'));
}

/** Every value the file holds for a row the import matched reads back as stored. */
async function expectStored(store: Store, file: string, r: ImportFileResult): Promise<number> {
  const p = await parseFile(file, readFileSync(file));
  if (!p.ok) throw new Error(`${file} unreadable`);
  let checked = 0;
  for (const rs of p.wb.sheets) {
    const district = r.unit && store.districts().find((d) => d.name === r.unit);
    // A commune's form: the row is the commune's, whatever its name cell says.
    const districtId = district ? district.id : store.getUnit(store.listUnits().find((u) => u.kind === 'xa' && u.name === r.unit)!.id)!.parentId!;
    const report = store.findReport(rs.template.id, districtId, rs.grid.layout);
    expect(report, `${relative(FIX, file)} ${rs.sheet}: report`).toBeDefined();
    const grid = store.loadGrid(report!.id);
    const byKey = new Map<string, { unitId?: number; values: Record<string, string> }>();
    const aliases = store.childAliases(districtId);
    for (const row of grid.rows) for (const n of [row.unit, ...(aliases.get(row.unitId!) ?? [])]) byKey.set(unitKey(n), row);
    const keys = columnsOf(rs.template, rs.grid.layout).filter((c) => rs.columns[c.key] !== undefined);
    const seen = new Set<number>();
    rs.grid.rows.forEach((row) => {
      const stored = district ? byKey.get(unitKey(row.unit)) : grid.rows.find((x) => x.unit === r.unit);
      if (!stored || seen.has(stored.unitId!)) return; // unknown, or the row's second time: reported by the rules, not stored
      seen.add(stored.unitId!);
      for (const c of keys) {
        expect(stored.values[c.key] ?? '', `${relative(FIX, file)} ${rs.sheet} ${row.unit} ${c.key}`).toBe(row.values[c.key] ?? '');
        checked++;
      }
    });
    if (rs.totalRow !== undefined) {
      for (const c of keys.filter((k) => k.kind === 'text')) {
        expect(grid.totalTexts[c.key] ?? '', `${relative(FIX, file)} ${rs.sheet} total ${c.key}`).toBe(rs.grid.totalTexts[c.key] ?? '');
        checked++;
      }
    }
  }
  return checked;
}

/** Imports files in order into the store as one batch would, and checks every `ok` one. */
async function importAndCheck(store: Store, files: string[]): Promise<{ ok: number; checked: number }> {
  const memory = newBatchMemory();
  const results: [string, ImportFileResult][] = [];
  for (const f of files) results.push([f, storeParsed(store, await parseFile(f, readFileSync(f)), memory)]);
  let ok = 0;
  let checked = 0;
  // After the whole batch: a later file of the batch must not have undone an earlier one.
  for (const [f, r] of results) {
    if (r.status !== 'ok') continue;
    ok++;
    checked += await expectStored(store, f, r);
  }
  return { ok, checked };
}

describe('every value of every ok fixture reads back from the database', () => {
  // The hostile corpus is refused or read on purpose by its own test (hostile.test.ts).
  const workbooks = xlsxUnder(FIX).filter((f) => !/^(batch[/\\](two-hundred|ha-quang-forms)|forms|hostile|plans[/\\]ha-quang-chuyen-doi)[/\\.]/.test(relative(FIX, f)));

  it('each district workbook and layout of tests/fixtures, into a fresh database', { timeout: 120_000 }, async () => {
    let ok = 0;
    for (const f of workbooks) {
      const { store } = app();
      const r = await importAndCheck(store, [f]);
      ok += r.ok;
      if (r.ok) expect(r.checked, relative(FIX, f)).toBeGreaterThan(0);
      await apps.pop()!.close();
    }
    // Everything but the four bad files imports ok.
    expect(workbooks.length).toBeGreaterThanOrEqual(20);
    expect(ok).toBe(workbooks.filter((f) => !relative(FIX, f).startsWith('bad')).length);
  });

  it('the returned forms (ha-quang-forms/, forms/, two-hundred/), into the database that issued them', { timeout: 240_000 }, async () => {
    for (const [district, dirs] of [
      [join(ROOT, 'seeds', 'ha-quang.xlsx'), [join(FIX, 'batch', 'ha-quang-forms'), join(FIX, 'forms')]],
      [join(FIX, 'batch', 'district-200.xlsx'), [join(FIX, 'batch', 'two-hundred')]],
    ] as const) {
      for (const dir of dirs) {
        const { store } = app();
        store.adoptFormSecret(FIXTURE_FORM_SECRET);
        expect((await importAndCheck(store, [district])).ok).toBe(1);
        const { ok, checked } = await importAndCheck(store, xlsxUnder(dir));
        expect(ok, dir).toBeGreaterThan(0);
        expect(checked).toBeGreaterThan(ok);
        await apps.pop()!.close();
      }
    }
  });
});
