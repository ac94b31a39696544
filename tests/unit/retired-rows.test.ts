// A commune merged or retired (DOMAIN.md §11) is no longer a row of its district's grids: the
// grid for editing, its totals and rules, the regular export, the forms and the completeness
// list show the communes in force today. Its stored values stay, untouched and readable (the
// cell history, the re-based view), and a file row naming it is not written into it but
// reported, with its successor. A commune retired from a day still to come is a row until then.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formForCommune } from '../../electron/core/forms-out';
import { importBuffer } from '../../electron/core/import';
import { rebaseView } from '../../electron/core/units';
import { openTestApp, refusal, type TestApp } from '../support/handlers';

const ROOT = join(import.meta.dirname, '..', '..');
let app: TestApp;

beforeEach(() => {
  app = openTestApp('pcgd-retired-rows-');
});
afterEach(() => app.close());

const text = (v: ExcelJS.CellValue) => (typeof v === 'string' ? v.trim() : v && typeof v === 'object' && 'richText' in v ? v.richText.map((p) => p.text).join('').trim() : '');

/** The demo district with Nội Thôn and Cải Viên merged into Nội Cải from 1/7/2025, and Yên Sơn retired from 2099. */
async function reformed(beforeChange?: (ids: Record<string, number>) => Promise<void>) {
  const { unitId } = await app.api.loadDemo({});
  const view = await app.api.unitsView({});
  const id = (name: string) => view.units.find((u) => u.name === name && u.parentId === unitId)!.id;
  const ids = { noiThon: id('Nội Thôn'), caiVien: id('Cải Viên'), yenSon: id('Yên Sơn'), canNong: id('Cần Nông') };
  const grid = await app.api.openGrid({ template: 'xmc', unitId });
  const before = app.store.getValues(grid.report.id);
  // A mark of Nội Thôn and one of Yên Sơn, cleared before the change: a file bringing them back shows where it writes.
  const markOf = (unit: number) => Object.entries(before.get(unit) ?? {}).find(([, v]) => v === 'x')![0];
  const cleared = { noiThon: markOf(ids.noiThon), yenSon: markOf(ids.yenSon) };
  await app.api.setCells({ reportId: grid.report.id, writes: [
    { unitId: ids.noiThon, key: cleared.noiThon, value: '' },
    { unitId: ids.yenSon, key: cleared.yenSon, value: '' },
  ] });
  const stored = app.store.getValues(grid.report.id);
  await beforeChange?.(ids);
  await app.api.changeUnits({ op: 'merge', unitIds: [ids.noiThon, ids.caiVien], parentId: unitId, kind: 'xa', name: 'Nội Cải', date: '2025-07-01' });
  await app.api.changeUnits({ op: 'retire', unitId: ids.yenSon, date: '2099-01-01' });
  const noiCai = (await app.api.unitsView({})).units.find((u) => u.name === 'Nội Cải')!.id;
  return { unitId, reportId: grid.report.id, ids: { ...ids, noiCai }, stored, cleared };
}

describe('a merged commune is no longer a row', () => {
  it('the grid lists the communes in force today: not the merged ones, the successor, one retired in 2099, the unchanged ones', async () => {
    const { unitId, ids } = await reformed();
    for (const template of ['xmc', 'pcgd-mn', 'pcgd-th', 'pcgd-thcs'] as const) {
      const rows = (await app.api.openGrid({ template, unitId })).grid.rows;
      const rowIds = rows.map((r) => r.unitId);
      expect(rows, template).toHaveLength(20);
      expect(rowIds).not.toContain(ids.noiThon);
      expect(rowIds).not.toContain(ids.caiVien);
      expect(rowIds).toContain(ids.noiCai);
      expect(rowIds).toContain(ids.yenSon);
      expect(rowIds).toContain(ids.canNong);
    }
    const communes = (await app.api.completeness({ unitId })).communes.map((c) => c.unitId);
    expect(communes).toHaveLength(20);
    expect(communes).not.toContain(ids.noiThon);
    // The unit tree lists the same communes under the district.
    const tree = (await app.api.overview({})).units.filter((u) => u.parentId === unitId).map((u) => u.id);
    expect(tree.toSorted()).toEqual(communes.toSorted());
  });

  it('keeps the merged commune\'s values and history, refuses a mark typed for it, takes one for a commune retired later', async () => {
    const { reportId, ids, stored } = await reformed();
    const key = Object.keys(stored.get(ids.caiVien)!)[0];
    expect(await refusal(app.api.setCells({ reportId, writes: [{ unitId: ids.caiVien, key, value: '' }] }))).toBe(
      'Không lưu được: "Cải Viên" đã thôi hiệu lực, không còn là một dòng của Phụ lục 1. Không ô nào của lần sửa này được lưu.',
    );
    expect(app.store.getValues(reportId).get(ids.caiVien)).toEqual(stored.get(ids.caiVien));
    expect(app.store.getValues(reportId).get(ids.noiThon)).toEqual(stored.get(ids.noiThon));
    expect((await app.api.audit({ reportId, unitId: ids.caiVien })).entries.length).toBeGreaterThan(0);
    // Its history is read, but a value is not put back into it; one of Yên Sơn (retired in 2099) is.
    const cleared = (await app.api.audit({ reportId, unitId: ids.noiThon })).entries.find((e) => e.source === 'typed')!;
    expect(await refusal(app.api.restore({ auditId: cleared.id }))).toMatch(/^Không khôi phục được: "Nội Thôn" không còn là một dòng của biểu/);
    expect(app.store.getValues(reportId).get(ids.noiThon)).toEqual(stored.get(ids.noiThon));
    const yen = (await app.api.audit({ reportId, unitId: ids.yenSon })).entries.find((e) => e.source === 'typed')!;
    expect((await app.api.restore({ auditId: yen.id })).changed).toBe(1);
    expect((await app.api.setCells({ reportId, writes: [{ unitId: ids.yenSon, key, value: 'x' }] })).changed).toBe(1);
    expect((await app.api.setCells({ reportId, writes: [{ unitId: ids.noiCai, key, value: 'x' }] })).changed).toBe(1);
    // The re-based view still reads the merged communes' marks (its old grid is never rewritten).
    const rebased = rebaseView(app.store, '2025-07-01').units.find((u) => u.unit === 'Xã Nội Cải')!;
    expect(rebased.from).toEqual(['Nội Thôn', 'Cải Viên']);
    expect(rebased.groups.filter((g) => g.template === 'xmc').length).toBeGreaterThan(0);
  });

  it('the regular export lists the grid\'s rows, and each total counts the marks of those rows only', async () => {
    const { unitId } = await reformed();
    const names = (await app.api.openGrid({ template: 'xmc', unitId })).grid.rows.map((r) => r.unit);
    expect(names).toHaveLength(20);
    expect(names).not.toContain('Nội Thôn');
    expect(names).toContain('Yên Sơn');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from((await app.api.exportWorkbook({ unitId })).data, 'base64') as unknown as ArrayBuffer);
    for (const ws of wb.worksheets) {
      let first = 0;
      let total = 0;
      ws.eachRow((row, r) => {
        if (text(row.getCell(1).value) === '(1)') first = r + 1;
        if (/^Tổng toàn huyện$/.test(text(row.getCell(2).value))) total = r;
      });
      const body = Array.from({ length: total - first }, (_, i) => ws.getRow(first + i));
      expect(body.map((r) => text(r.getCell(2).value)), ws.name).toEqual(names);
      let counted = 0;
      for (let c = 3; c <= ws.getRow(total).cellCount; c++) {
        const marks = body.filter((r) => /^[xX]$/.test(text(r.getCell(c).value))).length;
        // A COUNTIF over the listed rows, with its result written for readers that do not compute.
        const t = ws.getRow(total).getCell(c).value;
        if (!t || typeof t !== 'object' || !('formula' in t)) continue;
        const col = ws.getColumn(c).letter;
        expect(t.formula, ws.name).toBe(`COUNTIF(${col}${first}:${col}${total - 1},"x")`);
        expect(t.result ?? 0, `${ws.name} column ${col}`).toBe(marks); // a result of 0 is not written back
        counted++;
      }
      expect(counted, ws.name).toBeGreaterThan(0);
    }
  });
});

describe('a merge from a day still to come', () => {
  it('leaves its communes rows until then; the new commune is not a row before its first day', async () => {
    const { unitId } = await app.api.loadDemo({});
    const view = await app.api.unitsView({});
    const olds = ['Mã Ba', 'Hồng Sỹ'].map((n) => view.units.find((u) => u.name === n && u.parentId === unitId)!.id);
    await app.api.changeUnits({ op: 'merge', unitIds: olds, parentId: unitId, kind: 'xa', name: 'Mã Hồng', date: '2099-01-01' });
    const made = (await app.api.unitsView({})).units.find((u) => u.name === 'Mã Hồng')!.id;
    const rows = (await app.api.openGrid({ template: 'xmc', unitId })).grid.rows.map((r) => r.unitId);
    expect(rows).toHaveLength(21);
    for (const id of olds) expect(rows).toContain(id);
    expect(rows).not.toContain(made);
    // On its first day it is the row, the merged communes no longer are (store.rows on that day).
    const then = app.store.rows(unitId, '2099-01-01').map((u) => u.id);
    expect(then).toHaveLength(20);
    expect(then).toContain(made);
    for (const id of olds) expect(then).not.toContain(id);
    expect(app.store.rows(unitId, '2098-12-31').map((u) => u.id)).toEqual(rows);
  });
});

describe('a file naming a merged commune', () => {
  it('is not written into the merged commune but reported with its successor; a commune retired in 2099 is written', async () => {
    const { reportId, ids, cleared } = await reformed();
    const r = await importBuffer(app.store, 'ha-quang.xlsx', readFileSync(join(ROOT, 'seeds/ha-quang.xlsx')));
    expect(r.status).toBe('ok');
    const values = app.store.getValues(reportId);
    expect(values.get(ids.noiThon)?.[cleared.noiThon]).toBeUndefined();
    expect(values.get(ids.yenSon)?.[cleared.yenSon]).toBe('x');
    expect(r.changes.map((c) => c.unitName)).not.toContain('Nội Thôn');
    expect(r.changes.some((c) => c.unitName === 'Yên Sơn')).toBe(true);
    const said = r.findings.filter((f) => f.unit === 'Nội Thôn' && f.rule === 'unit.unknown');
    expect(said.length).toBeGreaterThan(0);
    expect(said[0].message).toBe('Xã Nội Thôn đã thôi hiệu lực từ ngày 01/07/2025 (nhập vào xã Nội Cải): số liệu của dòng này không được nhập.');
    expect(r.findings.some((f) => f.unit === 'Yên Sơn' && f.rule === 'unit.unknown')).toBe(false);
  });
});

describe('a commune\'s form of a merged commune', () => {
  it('sent before the merge and returned after it, is refused, naming the successor; no form goes out to it any more', async () => {
    const forms: Record<string, Buffer> = {};
    const { reportId, ids, stored } = await reformed(async (ids) => {
      forms.noiThon = await formForCommune(app.store, ids.noiThon);
      forms.yenSon = await formForCommune(app.store, ids.yenSon);
    });
    const r = await importBuffer(app.store, 'Noi_Thon.xlsx', forms.noiThon);
    expect(r.status).toBe('rejected');
    expect(r.reason).toBe('Xã Nội Thôn đã thôi hiệu lực từ ngày 01/07/2025 (nhập vào xã Nội Cải): biểu của xã này không được nhập.');
    expect(app.store.getValues(reportId).get(ids.noiThon)).toEqual(stored.get(ids.noiThon));
    // Yên Sơn, retired only from 2099, is still a commune of the district: its form goes in.
    expect((await importBuffer(app.store, 'Yen_Son.xlsx', forms.yenSon)).status).toBe('ok');
    await expect(formForCommune(app.store, ids.noiThon)).rejects.toThrow(/đã thôi hiệu lực/);
    expect((await formForCommune(app.store, ids.yenSon)).length).toBeGreaterThan(0);
  });
});

describe('a district retired whole (the Hà Quảng change table)', () => {
  it('keeps its old grid with its 21 communes as they were: old grids are never rewritten (DOMAIN.md §11)', async () => {
    const { unitId } = await app.api.loadDemo({});
    const before = await app.api.openGrid({ template: 'pcgd-thcs', unitId });
    const file = { name: 'ha-quang-chuyen-doi.xlsx', data: readFileSync(join(ROOT, 'tests/fixtures/plans/ha-quang-chuyen-doi.xlsx')).toString('base64') };
    await app.api.applyChangeTable({ file });
    expect((await app.api.unitsView({})).units.find((u) => u.id === unitId)!.validTo).toBe('2025-06-30');
    const after = await app.api.openGrid({ template: 'pcgd-thcs', unitId });
    expect(after.grid.rows).toHaveLength(21);
    expect(after.grid).toEqual(before.grid);
    // In the unit tree: the old district with its 21 communes, the province with its 7 new ones.
    const tree = (await app.api.overview({})).units;
    expect(tree.filter((u) => u.parentId === unitId)).toHaveLength(21);
    const province = tree.find((u) => u.id === after.unit.parentId);
    expect(tree.filter((u) => u.parentId === province?.id && u.kind === 'xa')).toHaveLength(7);
  });
});
