// The reader on every fixture layout and every writer's habits: each must give the same grids
// as the seed (21 communes in four grids), the same two errors, the same roll-ups.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readWorkbookFile, ReadError } from '../../electron/core/excel/read';
import { validateWorkbook } from '../../shared/report';

const FIX = join(__dirname, '..', 'fixtures');
const LAYOUTS = join(FIX, 'layouts');
const SEED_ROLLUPS = 'MĐ1 MĐ1 MĐ2 - Đạt Đạt Đạt Đạt MĐ3 MĐ3 MĐ1 MĐ2 MĐ2';

async function check(file: string) {
  const wb = await readWorkbookFile(file);
  return { wb, report: validateWorkbook(file, wb) };
}

// two-row-header*.xlsx (upper row "Trẻ em 3 tuổi" without the year) is refused below.
const fullLayouts = readdirSync(LAYOUTS).filter((f) => f.endsWith('.xlsx') && !/(^|-)two-row-header\.xlsx$/.test(f));

describe('every layout of the seed grids', () => {
  it.each(fullLayouts)('%s reads as the seed', async (name) => {
    const { wb, report } = await check(join(LAYOUTS, name));
    expect(report.sheets.map((s) => s.template)).toEqual(['xmc', 'pcgd-mn', 'pcgd-th', 'pcgd-thcs']);
    for (const s of report.sheets) {
      expect(s.units).toHaveLength(21);
      expect(s.units[16]).toBe('Tổng Cột');
      expect(s.units[14]).toBe('Thị trấn Thông Nông');
    }
    expect(report.findings.map((f) => [f.rule, f.sheet, f.unit])).toEqual([
      ['mark.exclusive', 'Phụ lục 2', 'Lương Thông'],
      ['total.mismatch', 'Phụ lục 2', null],
    ]);
    expect(report.rollups.map((r) => r.level ?? '-').join(' ')).toBe(SEED_ROLLUPS);
    // Đánh giá texts as written, the total row's included.
    const mn = wb.sheets[1].grid;
    expect(mn.rows[1].values['2020/3 tuổi|Đánh giá']).toBe('KĐ');
    expect(mn.totalTexts['2020/3 tuổi|Đánh giá']).toBe('KĐ');
  });
});

describe('finding cells are in the file’s own coordinates', () => {
  it.each([
    ['total-in-a.xlsx', 'C13', 'C28'],
    ['shifted.xlsx', 'F17', 'F32'],
    ['no-title.xlsx', 'C10', 'C25'],
    ['column-numbers.xlsx', 'C14', 'C29'],
  ])('%s', async (name, mark, total) => {
    const { report } = await check(join(LAYOUTS, name));
    expect(report.findings.map((f) => f.cell)).toEqual([mark, total]);
  });
});

describe('a header that does not say its year', () => {
  it('refuses that sheet with a reason rather than dropping its columns', async () => {
    const { report } = await check(join(LAYOUTS, 'two-row-header.xlsx'));
    expect(report.sheets.map((s) => s.template)).toEqual(['xmc', 'pcgd-th', 'pcgd-thcs']);
    const info = report.findings.find((f) => f.rule === 'sheet.unrecognized')!;
    expect(info).toMatchObject({ severity: 'info', sheet: 'Phụ lục 2' });
    expect(info.message).toContain('không rõ năm');
  });
});

describe('the samples of ../shared (copied)', () => {
  it.each(['huyen-mau-phu-luc.xlsx', 'huyen-mau-phu-luc-libreoffice.xlsx'])('%s gives exactly the documented findings', async (name) => {
    const { report } = await check(join(FIX, name));
    expect(report.findings.map((f) => [f.rule, f.severity, f.sheet, f.cell, f.unit])).toEqual([
      ['total.mismatch', 'error', 'Phụ lục 1', 'F19', null],
      ['level.regression', 'warning', 'Phụ lục 1', 'G11', 'Hòa Lạc'],
      ['mark.exclusive', 'error', 'Phụ lục 2', 'C11', 'Hưng Thịnh'],
      ['mark.missing', 'warning', 'Phụ lục 4', 'F14', 'Minh Khai'],
    ]);
    const levels = Object.fromEntries(report.rollups.filter((r) => r.template !== 'pcgd-mn').map((r) => [`${r.template} ${r.group}`, r.level]));
    expect(levels).toEqual({
      'xmc 2020': 'MĐ1',
      'xmc 2021-2025': 'MĐ2',
      'xmc 2026-2030': 'MĐ2',
      'pcgd-th 2021-2025': 'MĐ3',
      'pcgd-th 2026-2030': 'MĐ3',
      'pcgd-thcs 2020': 'MĐ1',
      'pcgd-thcs 2021-2025': 'MĐ1',
      'pcgd-thcs 2026-2030': 'MĐ2',
    });
  });
});

describe('files that are not grids', () => {
  it.each([
    ['truncated.xlsx', /bị hỏng hoặc không đầy đủ/],
    ['not-a-workbook.xlsx', /không phải là sổ làm việc Excel/],
  ])('%s is refused with a Vietnamese reason', async (name, reason) => {
    await expect(readWorkbookFile(join(FIX, 'bad', name))).rejects.toThrow(reason);
    await expect(readWorkbookFile(join(FIX, 'bad', name))).rejects.toBeInstanceOf(ReadError);
  });
  it.each(['empty.xlsx', 'unrelated.xlsx'])('%s holds no grid', async (name) => {
    const wb = await readWorkbookFile(join(FIX, 'bad', name));
    expect(wb.sheets).toEqual([]);
    expect(wb.unrecognized.length).toBeGreaterThan(0);
  });
});

describe('legacy text (TCVN3 sample, encoded independently of our code)', () => {
  it('converts, reports where, and then finds exactly the findings of the Unicode sample', async () => {
    const { report } = await check(join(FIX, 'huyen-mau-phu-luc-tcvn3.xlsx'));
    const { report: unicode } = await check(join(FIX, 'huyen-mau-phu-luc.xlsx'));
    expect(report.sheets).toEqual(unicode.sheets);
    expect(report.rollups).toEqual(unicode.rollups);
    const notLegacy = report.findings.filter((f) => f.rule !== 'text.legacy-encoding');
    expect(notLegacy.map((f) => [f.rule, f.cell, f.unit, f.message])).toEqual(unicode.findings.map((f) => [f.rule, f.cell, f.unit, f.message]));
    const legacy = report.findings.filter((f) => f.rule === 'text.legacy-encoding');
    expect(legacy.map((f) => f.sheet)).toEqual(['Phụ lục 1', 'Phụ lục 2', 'Phụ lục 3', 'Phụ lục 4']);
    for (const f of legacy) {
      expect(f.severity).toBe('info');
      expect(f.message).toMatch(/từ mã TCVN3 sang Unicode \(A1, /);
    }
  });
  it('reports nothing on the Unicode and LibreOffice workbooks', async () => {
    for (const name of ['huyen-mau-phu-luc.xlsx', 'huyen-mau-phu-luc-libreoffice.xlsx']) {
      const { report } = await check(join(FIX, name));
      expect(report.findings.some((f) => f.rule === 'text.legacy-encoding')).toBe(false);
    }
  });
});
