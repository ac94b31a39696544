// Import → export → import of every count template (issue 9 item 6): the sample's four count
// sheets are read by the app's reader, written in the official look and read back; every count,
// every ĐBKK flag, the year and the units come back unchanged, the written rates and the "Cộng"
// row are the recomputed ones (so the re-read file has no count.total.mismatch / rate.mismatch),
// and the footer carries the computed levels.
import ExcelJS from 'exceljs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readWorkbookBuffer, readWorkbookFile } from '../../electron/core/excel/read';
import { writeWorkbook } from '../../electron/core/excel/write';
import { COUNT_LAYOUT } from '../../electron/core/excel/write-counts';
import { evaluateCounts, marksFromGrid, type MarkGroup } from '../../shared/counts';
import { validateWorkbook } from '../../shared/report';

const FIX = join(__dirname, '..', 'fixtures');

async function exportAndReread() {
  const first = await readWorkbookFile(join(FIX, 'huyen-mau-so-lieu.xlsx'));
  const groups: MarkGroup[] = [];
  for (const s of first.counts) {
    const rs = first.sheets.find((p) => p.template.id === s.template.marks);
    const g = rs && marksFromGrid(s.template, rs.template, rs.grid, s.year, rs.sheet);
    if (g) groups.push(g);
  }
  const ev = evaluateCounts(first.counts, groups);
  const buf = await writeWorkbook({
    unit: { name: 'Mẫu', kind: 'huyen' },
    parent: null,
    date: new Date(2020, 8, 30),
    grids: first.sheets.map((s) => s.grid),
    counts: first.counts.map((sheet, i) => ({ sheet, levels: ev.levels[i] })),
  });
  const again = await readWorkbookBuffer(buf, 'export.xlsx');
  return { first, again, buf };
}

describe('count sheets: import → export → import', () => {
  it('round-trips every number, flag, unit and year of the four templates', async () => {
    const { first, again } = await exportAndReread();
    expect(again.counts.map((s) => [s.sheet, s.template.id, s.year])).toEqual(first.counts.map((s) => [s.sheet, s.template.id, s.year]));
    expect(first.counts).toHaveLength(4);
    first.counts.forEach((s, i) => {
      const b = again.counts[i];
      expect(b.rows.map((r) => ({ unit: r.unit, dbkk: r.dbkk, counts: r.counts }))).toEqual(s.rows.map((r) => ({ unit: r.unit, dbkk: r.dbkk, counts: r.counts })));
      // Every count column, rate column and the ĐBKK column were written and found again.
      expect(Object.keys(b.columns).sort()).toEqual(s.template.columns.map((c) => c.key).sort());
      expect(b.notes).toEqual([]);
    });
  });

  it('writes the recomputed rates and sums: the re-read export has no total or rate mismatch, and the same levels', async () => {
    const { again } = await exportAndReread();
    const report = validateWorkbook('export.xlsx', again);
    const rules = report.findings.map((f) => f.rule);
    expect(rules).not.toContain('count.total.mismatch');
    expect(rules).not.toContain('rate.mismatch');
    // The sample's inconsistent counts are kept as given, so their findings come back.
    expect(rules).toContain('count.nested');
    expect(rules).toContain('count.exceeds_denominator');
    expect(report.levels).toHaveLength(48);
    expect(report.levels.filter((l) => l.template === 'thcs-count' && l.unit === 'Minh Khai')[0]).toMatchObject({ level: null, decided: false });
  });

  it('prints the official look: title, year line, column numbers, Cộng row, footer from computed levels, signatures', async () => {
    const { buf } = await exportAndReread();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ExcelJS.Buffer);
    const ws = wb.getWorksheet('XMC-4')!;
    const text = (r: number, c: number) => String(ws.getCell(r, c).value ?? '');
    expect(text(COUNT_LAYOUT.title, 1)).toBe('THỐNG KÊ ĐẠT CHUẨN XÓA MÙ CHỮ');
    expect(text(COUNT_LAYOUT.yearLine, 1)).toBe('Thời điểm: tháng 9 năm 2020');
    expect(text(1, 18)).toBe('Mẫu XMC-4');
    expect(text(COUNT_LAYOUT.numberRow, 1)).toBe('1');
    expect(text(COUNT_LAYOUT.numberRow, 18)).toBe('18');
    expect(ws.getCell(COUNT_LAYOUT.leafRow, 5).value).toBe('Tỉ lệ (%)');
    const total = COUNT_LAYOUT.firstRow + 12;
    expect(text(total, 2)).toBe('Cộng');
    expect(ws.getCell(total, 3).value).toBe(8349);
    expect(ws.getCell(total, 3).numFmt).toBe('#,##0');
    expect(ws.getCell(total, 5).value).toBe(90.69); // 7572/8349, from the sums
    expect(ws.getCell(total, 5).numFmt).toBe('0.00');
    expect(text(total + 2, 2)).toBe('Số xã, phường đạt chuẩn XMC mức độ 1: 12');
    expect(text(total + 3, 2)).toBe('Số xã, phường đạt chuẩn XMC mức độ 2: 8');
    const all = [...Array(ws.rowCount).keys()].flatMap((r) => (ws.getRow(r + 1).values as unknown[]).map(String));
    expect(all).toContain('NGƯỜI LẬP BIỂU');
    expect(all).toContain('TRƯỞNG BAN');
    // Each signature block centred over its columns, its title over its hint.
    const cellOf = (value: string) => {
      for (let r = total; r <= ws.rowCount; r++) for (let c = 1; c <= 18; c++) if (ws.getCell(r, c).value === value) return ws.getCell(r, c);
      throw new Error(value);
    };
    for (const v of ['NGƯỜI LẬP BIỂU', 'TM. BAN CHỈ ĐẠO PHỔ CẬP GIÁO DỤC, XÓA MÙ CHỮ', 'TRƯỞNG BAN', '(Ký, ghi rõ họ tên)']) expect(cellOf(v).alignment?.horizontal).toBe('center');
    expect(cellOf('TRƯỞNG BAN').col).toBe(cellOf('TM. BAN CHỈ ĐẠO PHỔ CẬP GIÁO DỤC, XÓA MÙ CHỮ').col);
    expect(ws.pageSetup.orientation).toBe('landscape');
    expect(wb.getWorksheet('PCGD THCS')).toBeDefined();
  });
});

describe('an unknown ĐBKK flag through export', () => {
  // Before: an unknown flag was written blank, and blank reads "not ĐBKK" (§9.1): the next import
  // settled a question nobody had answered, and the level was then computed one way only.
  it('is written "?", explained under the table, and read back unknown (value.invalid, as §9.1 reads "?")', async () => {
    const first = await readWorkbookFile(join(FIX, 'huyen-mau-so-lieu.xlsx'));
    const sheet = first.counts[0];
    const unknown = sheet.rows[2].unit;
    const rows = sheet.rows.map((r) => (r.unit === unknown ? { ...r, dbkk: null } : r));
    const buf = await writeWorkbook({
      unit: { name: 'Mẫu', kind: 'huyen' },
      parent: null,
      date: new Date(2020, 8, 30),
      grids: [],
      counts: [{ sheet: { ...sheet, rows }, levels: [] }],
    });
    const again = (await readWorkbookBuffer(buf, 'export.xlsx')).counts[0];
    expect(again.rows.find((r) => r.unit === unknown)!.dbkk).toBeNull();
    // Every other row keeps its flag.
    expect(again.rows.filter((r) => r.unit !== unknown).map((r) => r.dbkk)).toEqual(sheet.rows.filter((r) => r.unit !== unknown).map((r) => r.dbkk));
    expect(again.notes.map((n) => [n.rule, n.unit])).toEqual([['value.invalid', unknown]]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ExcelJS.Buffer);
    const ws = wb.worksheets.find((w) => w.name === sheet.sheet)!;
    const texts = [...Array(ws.rowCount).keys()].flatMap((r) => (ws.getRow(r + 1).values as unknown[]).map((v) => String(v ?? '')));
    expect(texts.filter((t) => t === '?')).toHaveLength(1);
    expect(texts.some((t) => t.startsWith('ĐBKK ghi "?": chưa rõ'))).toBe(true);
  });

  it('writes no "?" and no such line when every flag is known', async () => {
    const { buf } = await exportAndReread();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ExcelJS.Buffer);
    for (const ws of wb.worksheets) {
      const texts = [...Array(ws.rowCount).keys()].flatMap((r) => (ws.getRow(r + 1).values as unknown[]).map((v) => String(v ?? '')));
      expect(texts.filter((t) => t === '?' || t.startsWith('ĐBKK ghi')), ws.name).toEqual([]);
    }
  });
});

describe('count tables in the database', () => {
  it('are stored on import, exported in the official look, and a re-import of the export changes nothing', async () => {
    const { mkdtempSync, readFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { Store } = await import('../../electron/core/store/store');
    const { importBuffer } = await import('../../electron/core/import');
    const { exportBuffer } = await import('../../electron/core/export');
    const store = Store.open(join(mkdtempSync(join(tmpdir(), 'pcgd-counts-')), 'db.sqlite'));
    try {
      const r = await importBuffer(store, 'huyen-mau-so-lieu.xlsx', readFileSync(join(FIX, 'huyen-mau-so-lieu.xlsx')));
      expect(r.status).toBe('ok');
      const district = store.districts()[0];
      expect(store.listCountReports(district.id).map((x) => [x.template, x.year])).toEqual([
        ['xmc-count', '2020'],
        ['mn-count', '2020'],
        ['th-count', '2020'],
        ['thcs-count', '2020'],
      ]);
      // The Phụ lục lists stay the grids' own.
      expect(store.listReports(district.id).every((x) => !x.template.endsWith('-count'))).toBe(true);
      const exported = await exportBuffer(store, undefined, new Date(2020, 8, 30));
      const original = await readWorkbookFile(join(FIX, 'huyen-mau-so-lieu.xlsx'));
      const back = await readWorkbookBuffer(exported, 'export.xlsx');
      expect(back.counts.map((s) => s.template.id)).toEqual(['xmc-count', 'mn-count', 'th-count', 'thcs-count']);
      back.counts.forEach((s, i) => {
        const key = (rows: typeof s.rows) => Object.fromEntries(rows.map((row) => [row.unit, { dbkk: row.dbkk, counts: row.counts }]));
        expect(key(s.rows)).toEqual(key(original.counts[i].rows));
      });
      const again = await importBuffer(store, 'export.xlsx', exported);
      expect(again.status).toBe('ok');
      expect(again.changes.filter((c) => back.counts.some((s) => s.sheet === c.sheet))).toEqual([]);
    } finally {
      store.close();
    }
  });
});
