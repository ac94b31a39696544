// .xls (Excel 97–2003) and .ods (OpenDocument), as communes and the ministry's system still send
// them: LibreOffice's saves of the same workbooks (tests/fixtures/formats, made once with
// `soffice --convert-to xls|ods`) validate to exactly the sheets, findings and roll-ups of the
// .xlsx, and import to exactly the same stored values. The format is told by the bytes.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openBook, ReadError } from '../../electron/core/excel/read';
import { legacyFormat } from '../../electron/core/excel/sheetjs';
import { importBuffer } from '../../electron/core/import';
import { validateFile } from '../../electron/core/validate';
import { Store } from '../../electron/core/store/store';
import { isWorkbookName } from '../../shared/workbook-files';

const ROOT = join(import.meta.dirname, '..', '..');
const FORMATS = join(ROOT, 'tests', 'fixtures', 'formats');
const PAIRS: [string, string][] = [
  ['ha-quang', join(ROOT, 'seeds', 'ha-quang.xlsx')],
  ['huyen-mau-phu-luc', join(ROOT, 'tests', 'fixtures', 'huyen-mau-phu-luc.xlsx')],
];
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function storedValues(dbPath: string) {
  const store = Store.open(dbPath);
  try {
    return store.listReports().map((r) => {
      const g = store.loadGrid(r.id);
      return { template: r.template, layout: r.layout, rows: g.rows.map((row) => ({ unit: row.unit, values: row.values })), totalTexts: g.totalTexts };
    });
  } finally {
    store.close();
  }
}

async function importInto(file: string): Promise<ReturnType<typeof storedValues>> {
  const dir = mkdtempSync(join(tmpdir(), 'pcgd-formats-'));
  dirs.push(dir);
  const db = join(dir, 'x.db');
  const store = Store.open(db);
  try {
    const r = await importBuffer(store, file.split('/').pop()!, readFileSync(file));
    expect(r.status, r.reason).toBe('ok');
  } finally {
    store.close();
  }
  return storedValues(db);
}

describe.each(PAIRS)('%s saved by LibreOffice', (base, xlsx) => {
  it.each(['xls', 'ods'])('as .%s validates to the same sheets, findings and roll-ups as the .xlsx', async (ext) => {
    const file = join(FORMATS, `${base}.${ext}`);
    expect(legacyFormat(readFileSync(file))).toBe(ext);
    const [want, got] = await Promise.all([validateFile(xlsx), validateFile(file)]);
    expect(got.findings.length).toBeGreaterThan(0);
    expect(got.sheets).toEqual(want.sheets);
    expect(got.findings).toEqual(want.findings);
    expect(got.rollups).toEqual(want.rollups);
  });

  it.each(['xls', 'ods'])('as .%s imports to the same stored values as the .xlsx', async (ext) => {
    const want = await importInto(xlsx);
    expect(want.length).toBe(4);
    expect(await importInto(join(FORMATS, `${base}.${ext}`))).toEqual(want);
  });
});

describe('which files an import takes from a folder or a drop', () => {
  it('.xlsx, .xls and .ods in any case; never lock files, never other kinds', () => {
    expect(['a.xlsx', 'B.XLS', 'c.Ods', 'thư mục/Xã A.xls'].filter(isWorkbookName)).toHaveLength(4);
    expect(['~$a.xlsx', '.~lock.b.ods#', 'c.xlsb', 'd.csv', 'e.docx', 'xlsx', 'f.xlsx.tmp'].filter(isWorkbookName)).toEqual([]);
  });
});

describe('the format is told by the bytes', () => {
  it('an .xls named .xlsx is read as the .xls it is; an .xlsx is no legacy format', async () => {
    const book = await openBook(readFileSync(join(FORMATS, 'ha-quang.xls')), 'ha-quang.xlsx');
    expect(book.sheets.map((s) => s.name).slice(0, 4)).toEqual(['Phụ lục 1', 'Phụ lục 2', 'Phụ lục 3', 'Phụ lục 4']);
    expect(legacyFormat(readFileSync(join(ROOT, 'seeds', 'ha-quang.xlsx')))).toBeNull();
  });

  it('a damaged .xls or .ods is refused with a Vietnamese reason', async () => {
    const xls = readFileSync(join(FORMATS, 'ha-quang.xls'));
    const ods = readFileSync(join(FORMATS, 'ha-quang.ods'));
    await expect(openBook(Buffer.concat([xls.subarray(0, 600), Buffer.alloc(600, 0xff)]), 'x.xls')).rejects.toThrow(ReadError);
    await expect(openBook(ods.subarray(0, ods.length >> 1), 'x.ods')).rejects.toThrow(/\.ods bị hỏng/);
  });
});
