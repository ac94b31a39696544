// Commune forms carry the count tables (issue 9 item 6): each commune's form holds its row of
// every stored count table of the district, in the official layout, its count and ĐBKK cells
// open to type in and its rates as formulas; the returned form is read by the app's reader as a
// commune's file and its counts land in that commune's row, the other communes untouched.
import ExcelJS from 'exceljs';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readWorkbookBuffer } from '../../electron/core/excel/read';
import { COUNT_LAYOUT } from '../../electron/core/excel/write-counts';
import { storedCountCheck } from '../../electron/core/counts-check';
import { formForCommune, formsZip } from '../../electron/core/forms-out';
import { importBuffer } from '../../electron/core/import';
import { Store } from '../../electron/core/store/store';
import type { UnitRecord } from '../../electron/core/store/types';
import { countColumns } from '../../shared/counts';

const SAMPLE = join(__dirname, '..', 'fixtures', 'huyen-mau-so-lieu.xlsx');
const ISSUED = new Date(Date.UTC(2021, 0, 15, 3, 0, 0));

let store: Store;
let district: UnitRecord;
const communeNamed = (name: string) => store.children(district.id).find((u) => u.name === name)!;
const countsOf = (template: string, unitId: number) => {
  const r = store.listCountReports(district.id).find((x) => x.template === template)!;
  return store.getValues(r.id).get(unitId) ?? {};
};

beforeEach(async () => {
  store = Store.open(join(mkdtempSync(join(tmpdir(), 'pcgd-count-forms-')), 'db.sqlite'));
  expect((await importBuffer(store, 'huyen-mau-so-lieu.xlsx', readFileSync(SAMPLE))).status).toBe('ok');
  district = store.districts()[0];
});
afterEach(() => store.close());

async function book(buf: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ExcelJS.Buffer);
  return wb;
}

describe("a commune's form", () => {
  it("holds its row of each stored count table, read back as the stored counts and flag, nothing else", async () => {
    const longPhu = communeNamed('Long Phú');
    const form = await formForCommune(store, longPhu.id, ISSUED);
    const read = await readWorkbookBuffer(form, 'Long_Phu.xlsx');
    expect(read.counts.map((c) => [c.sheet, c.template.id, c.year, c.rows.length])).toEqual([
      ['XMC-4', 'xmc-count', '2020', 1],
      ['PCGD MN 5 tuổi', 'mn-count', '2020', 1],
      ['PCGD TH', 'th-count', '2020', 1],
      ['PCGD THCS', 'thcs-count', '2020', 1],
    ]);
    for (const c of read.counts) {
      expect(c.rows[0].unit).toBe('Long Phú');
      const stored = countsOf(c.template.id, longPhu.id);
      for (const col of countColumns(c.template)) expect(c.rows[0].counts[col.key] ?? null).toBe(stored[col.key] === undefined ? null : Number(stored[col.key]));
      expect(c.rows[0].dbkk).toBe(false);
      // No "Cộng" row in a form: one row sums to itself, and the returned file is a commune's.
      expect(c.totalRow).toBeUndefined();
      expect(c.notes).toEqual([]);
    }
    // A ĐBKK commune's form says so.
    const kimSon = await readWorkbookBuffer(await formForCommune(store, communeNamed('Kim Sơn').id, ISSUED), 'Kim_Son.xlsx');
    expect(kimSon.counts.every((c) => c.rows[0].dbkk === true)).toBe(true);
  });

  it('writes an unknown ĐBKK flag "?" with a line asking the commune to settle it; a known one gets no such line', async () => {
    const longPhu = communeNamed('Long Phú');
    const xmc = store.listCountReports(district.id).find((x) => x.template === 'xmc-count')!;
    store.setValues(xmc.id, [{ unitId: longPhu.id, key: 'dbkk', value: '?' }], { kind: 'typed' });
    const wb = await book(await formForCommune(store, longPhu.id, ISSUED));
    const texts = (name: string) => {
      const ws = wb.getWorksheet(name)!;
      return [...Array(ws.rowCount).keys()].flatMap((r) => (ws.getRow(r + 1).values as unknown[]).map((v) => String(v ?? '')));
    };
    expect(texts('XMC-4').filter((t) => t === '?')).toHaveLength(1);
    expect(texts('XMC-4').some((t) => t.startsWith('Ô ĐBKK ghi "?"'))).toBe(true);
    // The other tables keep Long Phú's stored "not ĐBKK": blank, and no line about "?".
    expect(texts('PCGD TH').some((t) => t === '?' || t.startsWith('Ô ĐBKK ghi'))).toBe(false);
    // Returned as it went out, the flag is still unknown (not settled to "not ĐBKK").
    const back = await readWorkbookBuffer(await formForCommune(store, longPhu.id, ISSUED), 'Long_Phu.xlsx');
    expect(back.counts.find((c) => c.template.id === 'xmc-count')!.rows[0].dbkk).toBeNull();
  });

  it('opens the count and ĐBKK cells to typing, checks them in Excel, and computes its rates by formula', async () => {
    const wb = await book(await formForCommune(store, communeNamed('Long Phú').id, ISSUED));
    const ws = wb.getWorksheet('XMC-4')!;
    const r = COUNT_LAYOUT.firstRow;
    expect(ws.getCell(r, 2).value).toBe('Long Phú');
    expect(ws.getCell(r, 2).protection?.locked).not.toBe(false); // the name stays locked
    expect(ws.getCell(r, 16).protection).toMatchObject({ locked: false }); // B2(15-60)
    expect(ws.getCell(r, 16).dataValidation).toMatchObject({ type: 'whole', operator: 'greaterThanOrEqual' });
    expect(ws.getCell(r, 18).dataValidation).toMatchObject({ type: 'list', formulae: ['"x"'] }); // ĐBKK
    const rate = ws.getCell(r, 17).value as ExcelJS.CellFormulaValue;
    expect(rate.formula).toBe(`IF(AND(ISNUMBER(P${r}),ISNUMBER(M${r}),N(M${r})>0),100*P${r}/M${r},"")`);
    expect(rate.result).toBeCloseTo(87.5, 10); // 2.100/2.400
    expect(ws.getRow(COUNT_LAYOUT.yearLine + 1).getCell(1).value).toBe('Biểu dành cho xã Long Phú');
    expect((ws as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet).toBe(true);
  });

  it("a form returned with changed counts stores them in that commune's row only, and its finding goes", async () => {
    const longPhu = communeNamed('Long Phú');
    const others = store.children(district.id).filter((u) => u.id !== longPhu.id);
    const before = others.map((u) => countsOf('xmc-count', u.id));
    expect(storedCountCheck(store, district).findings.some((f) => f.rule === 'level.overstated' && f.unit === 'Long Phú')).toBe(true);

    const wb = await book(await formForCommune(store, longPhu.id, ISSUED));
    const ws = wb.getWorksheet('XMC-4')!;
    const r = COUNT_LAYOUT.firstRow;
    // The commune types 2.160 literate at MĐ2 in 15-60 (90,00%); Excel recomputes the rate.
    ws.getCell(r, 16).value = 2160;
    const rate = ws.getCell(r, 17).value as ExcelJS.CellFormulaValue;
    ws.getCell(r, 17).value = { formula: rate.formula, result: 90 };
    const back = Buffer.from(await wb.xlsx.writeBuffer());

    const res = await importBuffer(store, 'Long_Phu.xlsx', back);
    expect(res.status).toBe('ok');
    expect(res.unit).toBe('Long Phú');
    expect(res.changes).toEqual([expect.objectContaining({ sheet: 'XMC-4', cell: `P${r}`, unitName: 'Long Phú', old: '2100', new: '2160' })]);
    expect(res.findings.filter((f) => f.severity !== 'info')).toEqual([]);
    expect(countsOf('xmc-count', longPhu.id).B2_15_60).toBe('2160');
    expect(others.map((u) => countsOf('xmc-count', u.id))).toEqual(before);
    // The stored district no longer overstates Long Phú: its counts now prove MĐ2.
    expect(storedCountCheck(store, district).findings.filter((f) => f.rule.startsWith('level.') && f.unit === 'Long Phú')).toEqual([]);
  });

  it('a form returned unchanged changes nothing', async () => {
    const zip = await formsZip(store, district, ISSUED);
    expect(zip.count).toBe(12);
    const form = await formForCommune(store, communeNamed('Hòa Lạc').id, ISSUED);
    const res = await importBuffer(store, 'Hoa_Lac.xlsx', form);
    expect(res.status).toBe('ok');
    expect(res.changes).toEqual([]);
  });

  it('a commune without a row in a table gets an empty row to fill in, and what it types is stored for it', async () => {
    // A commune added after the counts were imported.
    const added = store.addUnit({ parentId: district.id, name: 'Xã Mới', kind: 'xa' });
    const wb = await book(await formForCommune(store, added.id, ISSUED));
    const ws = wb.getWorksheet('PCGD THCS')!;
    const r = COUNT_LAYOUT.firstRow;
    expect(ws.getCell(r, 3).value).toBeNull();
    ws.getCell(r, 3).value = 400; // P
    ws.getCell(r, 4).value = 390; // G
    const res = await importBuffer(store, 'Xa_Moi.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
    expect(res.status).toBe('ok');
    expect(countsOf('thcs-count', added.id)).toMatchObject({ P: '400', G: '390' });
  });
});
