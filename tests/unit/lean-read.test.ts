// The lean reader against exceljs: on every workbook the tests hold (Excel, LibreOffice, the
// app's own forms and exports, TCVN3, broken files) it gives exactly what exceljs gives, or
// declines and leaves the file to exceljs.
import ExcelJS from 'exceljs';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exceljsBook, type BookSource } from '../../electron/services/excel/book';
import { leanBook } from '../../electron/services/excel/lean/book';

const ROOT = join(import.meta.dirname, '..', '..');

function xlsxUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? xlsxUnder(p) : /\.xlsx$/i.test(f) ? [p] : [];
  });
}

async function viaExceljs(buf: Buffer): Promise<BookSource | null> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
  } catch {
    return null;
  }
  return exceljsBook(wb);
}

function snapshot(book: BookSource) {
  return book.sheets.map((s) => {
    const t = s.text();
    return { name: s.name, state: s.state, rows: [...t.rows].map(([r, m]) => [r, [...m]]), fonts: [...t.fonts].sort(), colCount: t.colCount, columnA: s.columnA() };
  });
}

const FILES = [...xlsxUnder(join(ROOT, 'tests', 'fixtures')), ...xlsxUnder(join(ROOT, 'seeds'))];

describe('lean reader = exceljs', () => {
  it.each(FILES.map((f) => [f.slice(ROOT.length + 1), f]))('%s', async (_, file) => {
    const buf = readFileSync(file);
    const lean = leanBook(buf);
    const full = await viaExceljs(buf);
    if (lean) {
      expect(full, 'exceljs refuses a file the lean reader read').not.toBeNull();
      expect(snapshot(lean)).toEqual(snapshot(full!));
    }
  });
});
