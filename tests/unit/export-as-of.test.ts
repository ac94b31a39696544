// `export --as-of DATE` (DOMAIN.md §11.5) through the CLI, on seed 001's grids after the Hà Quảng
// change table (tests/fixtures/plans/ha-quang-chuyen-doi.xlsx): the province workbook has one row
// per new commune (none of the 21 old ones), the province's words in its header and "Tổng toàn
// tỉnh" as its total row, and the lower bounds the old marks imply (Cần Nông MĐ1, Lương Thông
// MĐ1, Cần Yên MĐ2 in 2020: Xã Cần Yên at least MĐ1), or "Chưa xác định" where none can be said.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importBuffer } from '../../electron/core/import';
import { Store } from '../../electron/core/store/store';

const ROOT = join(__dirname, '..', '..');
const run = promisify(execFile);
const tmp = mkdtempSync(join(tmpdir(), 'export-as-of-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const cli = (...args: string[]) => run(process.execPath, [join(ROOT, 'scripts', 'cli.mjs'), ...args], { cwd: ROOT });

const NEW = ['Thanh Long', 'Cần Yên', 'Thông Nông', 'Trường Hà', 'Hà Quảng', 'Lũng Nặm', 'Tổng Cọt'];

const text = (v: ExcelJS.CellValue) => (typeof v === 'string' ? v.trim() : v && typeof v === 'object' && 'richText' in v ? v.richText.map((p) => p.text).join('') : '');

/** A sheet's rows between its column numbers row "(1) (2) …" and its total row, and the total row. */
function body(ws: ExcelJS.Worksheet) {
  let first = 0;
  let total = 0;
  ws.eachRow((row, r) => {
    if (text(row.getCell(1).value) === '(1)') first = r + 1;
    if (text(row.getCell(2).value).startsWith('Tổng')) total = r;
  });
  const rows = [];
  for (let r = first; r < total; r++) rows.push(ws.getRow(r));
  return { rows, total: ws.getRow(total) };
}

describe('export --as-of on the Hà Quảng change table', () => {
  let wb: ExcelJS.Workbook;
  let exit: { stdout: string };
  beforeAll(async () => {
    const db = join(tmp, 'x.db');
    const store = Store.open(db);
    expect((await importBuffer(store, 'ha-quang.xlsx', readFileSync(join(ROOT, 'seeds/ha-quang.xlsx')))).status).toBe('ok');
    store.close();
    await cli('units', 'apply', join(ROOT, 'tests/fixtures/plans/ha-quang-chuyen-doi.xlsx'), '--db', db).catch((e: { code: number }) => expect(e.code).toBe(1));
    const out = join(tmp, 'tinh.xlsx');
    exit = await cli('export', '--db', db, '--out', out, '--as-of', '2025-07-01');
    wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
  }, 120_000);

  it('writes the four grids by new commune, with the province header and the total row "Tổng toàn tỉnh"', () => {
    expect(exit.stdout).toMatch(/^Đã xuất /);
    expect(wb.worksheets).toHaveLength(4);
    for (const ws of wb.worksheets) {
      expect(text(ws.getCell('A1').value), ws.name).toBe('ỦY BAN NHÂN DÂN TỈNH CAO BẰNG');
      expect(text(ws.getCell('A2').value), ws.name).toBe('SỞ GIÁO DỤC VÀ ĐÀO TẠO');
      const { rows, total } = body(ws);
      expect(rows.map((r) => text(r.getCell(2).value)), ws.name).toEqual(NEW);
      expect(text(total.getCell(2).value), ws.name).toBe('Tổng toàn tỉnh');
      let sheetText = '';
      ws.eachRow((row) => row.eachCell((c) => void (sheetText += ` ${text(c.value)}`)));
      expect(sheetText, ws.name).toContain('TRÊN ĐỊA BÀN TỈNH CAO BẰNG');
      expect(sheetText, ws.name).not.toMatch(/HUYỆN|Tổng toàn huyện|Cần Nông|Lương Thông/);
    }
  });

  it('marks the lower bound the old communes imply, and "Chưa xác định" where an old commune gives none', () => {
    const xmc = body(wb.getWorksheet('Phụ lục 1')!).rows;
    const canYen = xmc[NEW.indexOf('Cần Yên')];
    // Columns C, D: 2020 MĐ1, MĐ2. Cần Nông MĐ1, Lương Thông MĐ1, Cần Yên MĐ2: at least MĐ1.
    expect([text(canYen.getCell(3).value), text(canYen.getCell(4).value)]).toEqual(['x', '']);
    const mn = body(wb.getWorksheet('Phụ lục 2')!).rows;
    // 2020, 3 tuổi: Đạt, KĐ, Đánh giá (C, D, E).
    const undecided = mn.filter((r) => text(r.getCell(5).value) === 'Chưa xác định').map((r) => text(r.getCell(2).value));
    expect(undecided.length).toBeGreaterThan(0);
    for (const r of mn) if (undecided.includes(text(r.getCell(2).value))) expect([text(r.getCell(3).value), text(r.getCell(4).value)]).toEqual(['', '']);
  });

  it('says on every sheet, after its Ghi chú, that the marks are lower bounds as of the day', () => {
    for (const ws of wb.worksheets.filter((w) => w.name.startsWith('Phụ lục'))) {
      let note = '';
      ws.eachRow((row) => {
        const t = text(row.getCell(1).value);
        if (t.startsWith('Ghi chú')) note = t;
      });
      expect(note, ws.name).toContain('Theo đơn vị hành chính có hiệu lực ngày 01/07/2025: dấu "x" là mức tối thiểu');
      expect(note, ws.name).toContain('"Chưa xác định"');
    }
  });
});
