// Plan targets wired into validate and import (issue 10, "done when" 1): seed 001's grids with the
// plan's 17 targets (lines 44–47, 62–67) in a "Mục tiêu" sheet (tests/fixtures/plans, built by
// scripts/build-plan-fixtures.ts) validate with no target.unmet; one mark taken off the real file
// raises it at the target's Giá trị cell, naming the target and the shortfall; a share exactly
// equal to the target passes, and one row fewer fails.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { readWorkbookFile } from '../../electron/core/excel/read';
import { importBuffer } from '../../electron/core/import';
import { Store } from '../../electron/core/store/store';
import { validateFile } from '../../electron/core/validate';
import { readFileSync } from 'node:fs';

const FIXTURE = 'tests/fixtures/plans/ha-quang-muc-tieu.xlsx';
const tmp = mkdtempSync(join(tmpdir(), 'targets-wiring-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A copy of the fixture with one cell of one commune's row cleared, in the file itself. */
async function withoutMark(sheet: string, unit: string, key: string, name: string): Promise<string> {
  const read = await readWorkbookFile(FIXTURE);
  const rs = read.sheets.find((s) => s.sheet === sheet)!;
  const i = rs.grid.rows.findIndex((r) => r.unit === unit);
  expect(rs.grid.rows[i].values[key]).toBeTruthy();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(FIXTURE);
  wb.getWorksheet(sheet)!.getCell(rs.rowNumbers[i], rs.columns[key]).value = null;
  const out = join(tmp, name);
  await wb.xlsx.writeFile(out);
  return out;
}

describe('validate: a workbook with a "Mục tiêu" sheet', () => {
  it('seed 001 with its 17 targets: every one met, no target.unmet, and the sheet is not "unrecognized"', async () => {
    const r = await validateFile(FIXTURE);
    expect(r.targets).toHaveLength(17);
    expect(r.targets!.map((t) => t.status)).toEqual(Array(17).fill('met'));
    expect(r.findings.filter((f) => f.rule === 'target.unmet')).toEqual([]);
    expect(r.findings.filter((f) => f.sheet === 'Mục tiêu' && f.severity !== 'info')).toEqual([]);
    expect(r.findings.some((f) => f.rule === 'sheet.unrecognized')).toBe(false);
    expect(r.targets![0]).toMatchObject({
      sheet: 'Mục tiêu', row: 4, programme: 'xmc', level: 'MĐ2', kind: 'share', value: 85, period: '2021-2025', unit: 'Huyện Hà Quảng',
      message: '18/21 xã (85,71%) đạt XMC MĐ2 trở lên; chỉ tiêu 85%: đạt, dư 0 xã.',
    });
  });

  it('one XMC MĐ2 mark taken off the file: target.unmet at E4, naming the target and the shortfall', async () => {
    const file = await withoutMark('Phụ lục 1', 'Cải Viên', '2021-2025|MĐ2', 'xmc-minus-one.xlsx');
    const r = await validateFile(file);
    const unmet = r.findings.filter((f) => f.rule === 'target.unmet');
    expect(unmet.map((f) => [f.severity, f.sheet, f.cell])).toEqual([['warning', 'Mục tiêu', 'E4']]);
    expect(unmet[0].message).toMatch(/^Chỉ tiêu 85% xã đạt XMC MĐ2 trở lên \(giai đoạn 2021-2025\): 17\/21 xã \(80,95%\), chưa đạt — còn thiếu 1 xã \(cần 18\/21\)\./);
    expect(r.targets![0].status).toBe('unmet');
  });

  it('the exact boundary: 21/21 at PCGD TH MĐ3 meets "100%" (equality passes); 20/21 does not', async () => {
    const ok = await validateFile(FIXTURE);
    const th = ok.targets!.find((t) => t.row === 8)!;
    expect(th).toMatchObject({ programme: 'pcgd-th', level: 'MĐ3', kind: 'share', value: 100, status: 'met' });
    expect(th.message).toBe('21/21 xã (100,00%) đạt PCGD TH MĐ3; chỉ tiêu 100%: đạt, dư 0 xã.');

    const file = await withoutMark('Phụ lục 3', 'Cải Viên', '2021-2025|MĐ3', 'th-minus-one.xlsx');
    const r = await validateFile(file);
    const e8 = r.findings.filter((f) => f.rule === 'target.unmet' && f.cell === 'E8');
    expect(e8).toHaveLength(1);
    expect(e8[0].message).toContain('20/21 xã');
    expect(e8[0].message).toContain('còn thiếu 1 xã');
  });
});

describe('import: the targets are stored with the district', () => {
  it('importing the workbook keeps its 17 targets; the import result carries the target findings', async () => {
    const store = Store.open(join(tmp, 'import.db'));
    try {
      const res = await importBuffer(store, 'ha-quang-muc-tieu.xlsx', readFileSync(FIXTURE));
      expect(res.status).toBe('ok');
      expect(res.findings.filter((f) => f.rule === 'target.unmet')).toEqual([]);
      const district = store.districts()[0];
      const kept = store.reform.targets(district.id);
      expect(kept).toHaveLength(17);
      expect(kept[0]).toMatchObject({ programme: 'xmc', kind: 'share', value: 85, when: '2021-2025', scope: 'Huyện Hà Quảng' });

      const minus = await withoutMark('Phụ lục 1', 'Cải Viên', '2021-2025|MĐ2', 'import-minus-one.xlsx');
      const again = await importBuffer(store, 'import-minus-one.xlsx', readFileSync(minus));
      expect(again.findings.filter((f) => f.rule === 'target.unmet').map((f) => f.cell)).toEqual(['E4']);
      expect(store.reform.targets(district.id)).toHaveLength(17);
    } finally {
      store.close();
    }
  });
});
