// The "Mục tiêu" sheet (DOMAIN.md §10.5) and its part of validate --json (§10.4): seed 001's
// targets typed into the sheet validate with no target.unmet on seed 001's grids; one mark fewer
// raises it at the target's Giá trị cell; unreadable cells are value.invalid where they are.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { readWorkbookFile } from '../../electron/core/excel/read';
import { checkTargets } from '../../shared/targets/check';
import type { TemplateGrid } from '../../shared/targets/evaluate';
import { proposeTargets } from '../../shared/targets/propose';
import { parseLevel, parseProgramme, readTargetSheet, TARGET_TITLE, targetSheetCells } from '../../shared/targets/sheet';
import type { Cell } from '../../shared/units';

const seed001 = readFileSync('tests/fixtures/seed-texts/001_3e8956d77498b072.txt', 'utf8');
let grids: TemplateGrid[];

beforeAll(async () => {
  grids = (await readWorkbookFile('seeds/ha-quang.xlsx')).sheets.map((s) => ({ template: s.template, grid: s.grid }));
});

const header: Cell[] = ['STT', 'Chương trình', 'Mức', 'Loại chỉ tiêu', 'Giá trị', 'Năm / Giai đoạn', 'Đơn vị', 'Duy trì/Phấn đấu', 'Nội dung'];

describe('seed 001: the plan\'s targets (lines 44–47, 62–67) typed into a "Mục tiêu" sheet', () => {
  it('written and read back unchanged, they validate with no target.unmet; one MĐ2 mark fewer raises it at E of its row', () => {
    const proposed = proposeTargets(seed001).targets;
    const cells = targetSheetCells(proposed);
    const read = readTargetSheet('Mục tiêu', cells)!;
    expect(read.findings).toEqual([]);
    expect(read.headerRow).toBe(3);
    expect(read.targets.map(({ source: _s, ...t }) => t)).toEqual(proposed.map(({ source: _s, ...t }) => t));
    expect(read.targets[0].source).toEqual({ kind: 'sheet', sheet: 'Mục tiêu', row: 4 });

    const ok = checkTargets(read.targets, grids);
    expect(ok.findings.filter((f) => f.rule === 'target.unmet')).toEqual([]);
    expect(ok.targets[0]).toMatchObject({ sheet: 'Mục tiêu', row: 4, programme: 'xmc', kind: 'share', value: 85, period: '2021-2025', unit: 'Huyện Hà Quảng', status: 'met', message: '18/21 xã (85,71%) đạt XMC MĐ2 trở lên; chỉ tiêu 85%: đạt, dư 0 xã.' });

    // Cải Viên's 2021-2025 XMC mark taken off: 17/21 < 85%; the district's own MĐ1 still holds (20/21 ≥ 90%).
    const xmc = grids.find((g) => g.template.id === 'xmc')!;
    const rows = xmc.grid.rows.map((r) => (r.unit === 'Cải Viên' ? { ...r, values: { ...r.values, '2021-2025|MĐ2': '' } } : r));
    const changed = grids.map((g) => (g === xmc ? { template: g.template, grid: { ...g.grid, rows } } : g));
    const bad = checkTargets(read.targets, changed).findings.filter((f) => f.severity !== 'info');
    expect(bad.map((f) => [f.rule, f.severity, f.sheet, f.cell])).toEqual([['target.unmet', 'warning', 'Mục tiêu', 'E4']]);
    expect(bad[0].message).toMatch(/^Chỉ tiêu 85% xã đạt XMC MĐ2 trở lên \(giai đoạn 2021-2025\): 17\/21 xã \(80,95%\), chưa đạt — còn thiếu 1 xã \(cần 18\/21\)\. Xã gần đạt nhất: /);
  });
});

describe('reading the sheet', () => {
  it('takes the forms officers type: "Xóa mù chữ", "PCGDMN 5 tuổi", "Mức độ 2", "Tỷ lệ xã", 0,85 for 85%, "04/07", "2021 – 2025", a number year', () => {
    const cells: Cell[][] = [
      [TARGET_TITLE],
      header,
      [1, 'Xóa mù chữ', 'Mức độ 2', 'Tỷ lệ xã', 0.85, '2021 – 2025', 'Huyện Mẫu', 'Phấn đấu', 'x'],
      ['2', 'PCGDMN 5 tuổi', 'Đạt', 'Tỉ lệ đơn vị', '100%', 2024, '', 'Duy trì', ''],
      ['3', 'PCGD trung học cơ sở', 'MD3', 'Số đơn vị', '04/07', '2023', 'Tỉnh Ninh Thuận', '', ''],
      ['4', 'PCGD tiểu học', 'MĐ2', 'Đơn vị được nêu', 'Kim Sơn; Hòa Lạc', '2026-2030', 'Huyện Mẫu', '', ''],
      ['5', 'PCGD TH', 'MĐ3', 'Mức của đơn vị', null, '2026-2030', 'Huyện Mẫu', 'Duy trì', ''],
      [null, null, null],
      ['Ghi chú: …'],
    ];
    const read = readTargetSheet('Mục tiêu', cells, { scope: 'Huyện Mẫu' })!;
    expect(read.findings).toEqual([]);
    expect(read.targets.map((t) => [t.programme, t.age, t.level, t.kind, t.value, t.of, t.names, t.when, t.scope, t.mode])).toEqual([
      ['xmc', null, 'MĐ2', 'share', 85, null, [], '2021-2025', 'Huyện Mẫu', 'strive'],
      ['pcgd-mn', '5 tuổi', 'Đạt', 'share', 100, null, [], '2024', 'Huyện Mẫu', 'maintain'],
      ['pcgd-thcs', null, 'MĐ3', 'count', 4, 7, [], '2023', 'Tỉnh Ninh Thuận', 'strive'],
      ['pcgd-th', null, 'MĐ2', 'named', null, null, ['Kim Sơn', 'Hòa Lạc'], '2026-2030', 'Huyện Mẫu', 'strive'],
      ['pcgd-th', null, 'MĐ3', 'unit', null, null, [], '2026-2030', 'Huyện Mẫu', 'maintain'],
    ]);
  });

  it('an unknown programme, "MĐ4", a share of 120%, a date where "4/7" was meant: value.invalid on that cell, the row not taken', () => {
    const cells: Cell[][] = [
      header,
      ['1', 'PCGD THPT', 'MĐ2', 'Tỉ lệ xã', '90%', '2021-2025', 'Huyện Mẫu', '', ''],
      ['2', 'XMC', 'MĐ4', 'Tỉ lệ xã', '90%', '2021-2025', 'Huyện Mẫu', '', ''],
      ['3', 'XMC', 'MĐ2', 'Tỉ lệ xã', '120%', '2021-2025', 'Huyện Mẫu', '', ''],
      ['4', 'XMC', 'MĐ2', 'Số xã', new Date(Date.UTC(2025, 3, 7)), '2020', 'Huyện Mẫu', '', ''],
      ['5', 'XMC', 'MĐ3', 'Tỉ lệ xã', '90%', '2021-2025', 'Huyện Mẫu', '', ''],
      ['6', 'XMC', 'MĐ2', 'Tỉ lệ xã', '90%', '4/7', 'Huyện Mẫu', 'Cố gắng', ''],
      ['7', 'XMC', 'MĐ2', 'Tỉ lệ xã', '90%', '2021-2025', 'Huyện Mẫu', '', ''],
    ];
    const read = readTargetSheet('Mục tiêu', cells)!;
    expect(read.findings.map((f) => [f.rule, f.severity, f.cell])).toEqual([
      ['value.invalid', 'error', 'B2'],
      ['value.invalid', 'error', 'C3'],
      ['value.invalid', 'error', 'E4'],
      ['value.invalid', 'error', 'E5'],
      ['value.invalid', 'error', 'C6'],
      ['value.invalid', 'error', 'F7'],
      ['value.invalid', 'error', 'H7'],
    ]);
    expect(read.findings[3].message).toContain('Excel đã đổi "m/N" thành ngày');
    expect(read.findings[4].message).toBe('Trang "Mục tiêu", ô C6: XMC không có mức MĐ3.');
    expect(read.targets.map((t) => t.source)).toEqual([{ kind: 'sheet', sheet: 'Mục tiêu', row: 8 }]);
  });

  it('a sheet without the header holds no targets', () => {
    expect(readTargetSheet('Phụ lục 1', [['STT', 'Tên đơn vị'], ['1', 'Cải Viên']])).toBeNull();
  });

  it('programme and level words', () => {
    expect(parseProgramme('PCGD mầm non')).toEqual({ programme: 'pcgd-mn', age: null });
    expect(parseProgramme('Phổ cập giáo dục mầm non cho trẻ em mẫu giáo')).toEqual({ programme: 'pcgd-mn', age: null });
    expect(parseProgramme('PCGDTH')).toEqual({ programme: 'pcgd-th', age: null });
    expect(parseProgramme('PCGD THCS 5 tuổi')).toBeNull();
    expect(parseLevel('md 2')).toBe('MĐ2');
    expect(parseLevel('Mức độ 4')).toBeNull();
  });
});
