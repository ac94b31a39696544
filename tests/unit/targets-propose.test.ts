// The proposer (DOMAIN.md §10.6) on the five seed plans (copies in tests/fixtures/seed-texts):
// every PCGD-XMC target sentence of seeds 000–003 read into the right fields, nothing for 004,
// and the sentences it cannot read handed back, never guessed.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readWorkbookFile } from '../../electron/core/excel/read';
import { checkTargets } from '../../shared/targets/check';
import type { Target } from '../../shared/targets/model';
import { proposeTargets } from '../../shared/targets/propose';

const seed = (prefix: string) => {
  const dir = 'tests/fixtures/seed-texts';
  const name = { '000': '000_bd14794a01b74674', '001': '001_3e8956d77498b072', '002': '002_3865b881927977a3', '003': '003_8ce4bbae8bfed441', '004': '004_dd3af6faf72f88dd' }[prefix];
  return readFileSync(`${dir}/${name}.txt`, 'utf8');
};

/** line, kind, programme, age, level, value, of, names, when, mode: one row per target. */
type Row = [number, Target['kind'], Target['programme'], string | null, Target['level'], number | null, number | null, string[], string, Target['mode']];
const rows = (ts: Target[]): Row[] =>
  ts.map((t) => [t.source?.kind === 'plan' ? t.source.line : -1, t.kind, t.programme, t.age, t.level, t.value, t.of, t.names, t.when, t.mode]);

describe('the seed plans', () => {
  it('000 (Tỉnh Lạng Sơn): 9 targets, lines 46–50 and 75–81, periods from "Mục tiêu đến năm 2025/2030"', () => {
    const r = proposeTargets(seed('000'));
    expect(r.scope).toBe('Tỉnh Lạng Sơn');
    expect(r.unread).toEqual([]);
    expect(rows(r.targets)).toEqual<Row[]>([
      [46, 'unit', 'xmc', null, 'MĐ2', null, null, [], '2021-2025', 'maintain'],
      [47, 'unit', 'pcgd-mn', '5 tuổi', 'Đạt', null, null, [], '2021-2025', 'maintain'],
      [48, 'unit', 'pcgd-th', null, 'MĐ3', null, null, [], '2021-2025', 'maintain'],
      [49, 'unit', 'pcgd-thcs', null, 'MĐ2', null, null, [], '2021-2025', 'maintain'],
      [50, 'share', 'pcgd-thcs', null, 'MĐ3', 50, null, [], '2021-2025', 'strive'],
      [75, 'unit', 'xmc', null, 'MĐ2', null, null, [], '2026-2030', 'maintain'],
      [77, 'unit', 'pcgd-mn', '5 tuổi', 'Đạt', null, null, [], '2026-2030', 'maintain'],
      [79, 'unit', 'pcgd-th', null, 'MĐ3', null, null, [], '2026-2030', 'maintain'],
      [81, 'unit', 'pcgd-thcs', null, 'MĐ3', null, null, [], '2026-2030', 'strive'],
    ]);
    expect(r.targets.every((t) => t.scope === 'Tỉnh Lạng Sơn')).toBe(true);
    expect(r.targets[4].text).toBe('Phấn đấu 50% số huyện đạt chuẩn phổ cập giáo dục trung học cơ sở mức độ 3');
  });

  it('001 (Huyện Hà Quảng): 17 targets, lines 44–47 and 62–67; "trong đó có" gives a second share', () => {
    const r = proposeTargets(seed('001'));
    expect(r.scope).toBe('Huyện Hà Quảng');
    expect(r.unread).toEqual([]);
    expect(rows(r.targets)).toEqual<Row[]>([
      [44, 'share', 'xmc', null, 'MĐ2', 85, null, [], '2021-2025', 'strive'],
      [44, 'unit', 'xmc', null, 'MĐ1', null, null, [], '2021-2025', 'maintain'],
      [45, 'share', 'pcgd-mn', null, 'Đạt', 100, null, [], '2021-2025', 'strive'],
      [45, 'unit', 'pcgd-mn', '5 tuổi', 'Đạt', null, null, [], '2021-2025', 'maintain'],
      [46, 'share', 'pcgd-th', null, 'MĐ3', 100, null, [], '2021-2025', 'maintain'],
      [46, 'unit', 'pcgd-th', null, 'MĐ3', null, null, [], '2021-2025', 'maintain'],
      [47, 'share', 'pcgd-thcs', null, 'MĐ2', 90, null, [], '2021-2025', 'strive'],
      [47, 'share', 'pcgd-thcs', null, 'MĐ3', 60, null, [], '2021-2025', 'strive'],
      [47, 'unit', 'pcgd-thcs', null, 'MĐ2', null, null, [], '2021-2025', 'strive'],
      [62, 'share', 'xmc', null, 'MĐ2', 100, null, [], '2026-2030', 'strive'],
      [62, 'unit', 'xmc', null, 'MĐ2', null, null, [], '2026-2030', 'maintain'],
      [63, 'share', 'pcgd-mn', null, 'Đạt', 100, null, [], '2026-2030', 'maintain'],
      [63, 'unit', 'pcgd-mn', null, 'Đạt', null, null, [], '2026-2030', 'strive'],
      [65, 'unit', 'pcgd-th', null, 'MĐ3', null, null, [], '2026-2030', 'maintain'],
      [67, 'share', 'pcgd-thcs', null, 'MĐ2', 95, null, [], '2026-2030', 'strive'],
      [67, 'share', 'pcgd-thcs', null, 'MĐ3', 70, null, [], '2026-2030', 'strive'],
      [67, 'unit', 'pcgd-thcs', null, 'MĐ2', null, null, [], '2026-2030', 'maintain'],
    ]);
    // The sentence as written, without bullets and "(chi tiết phụ lục n)".
    expect(r.targets[0].text).toBe('85% trở lên các xã, thị trấn đạt chuẩn xóa mù chữ mức độ 2');
    expect(r.targets[1].text).toBe('Huyện duy trì, giữ vững phổ cập xóa mù chữ mức độ 1');
    expect(r.targets[7].text).toBe('trong đó có 60% các xã, thị trấn đạt chuẩn mức độ 3');
    // Text pasted from another input method arrives decomposed (NFD), with Windows line ends.
    const nfd = proposeTargets(seed('001').normalize('NFD').replace(/\n/g, '\r\n'));
    expect(nfd.targets).toEqual(r.targets);
  });

  it('002 (Xã Tân Văn, a plan for 2024): 4 targets, lines 50–53, the commune\'s own level', () => {
    const r = proposeTargets(seed('002'));
    expect(r.scope).toBe('Xã Tân Văn');
    expect(r.unread).toEqual([]);
    expect(rows(r.targets)).toEqual<Row[]>([
      [50, 'unit', 'xmc', null, 'MĐ2', null, null, [], '2024', 'maintain'],
      [51, 'unit', 'pcgd-mn', '5 tuổi', 'Đạt', null, null, [], '2024', 'maintain'],
      [52, 'unit', 'pcgd-th', null, 'MĐ3', null, null, [], '2024', 'maintain'],
      [53, 'unit', 'pcgd-thcs', null, 'MĐ3', null, null, [], '2024', 'maintain'],
    ]);
  });

  it('003 (Tỉnh Ninh Thuận, 2023): 7 targets, lines 19–22: named + count, "Trong đó, duy trì 05/07", one verb per clause', () => {
    const r = proposeTargets(seed('003'));
    expect(r.scope).toBe('Tỉnh Ninh Thuận');
    expect(r.unread).toEqual([]);
    expect(rows(r.targets)).toEqual<Row[]>([
      [19, 'named', 'xmc', null, 'MĐ2', null, null, ['Phan Rang - Tháp Chàm', 'Ninh Hải'], '2023', 'strive'],
      [19, 'count', 'xmc', null, 'MĐ2', 4, 7, [], '2023', 'strive'],
      [20, 'share', 'pcgd-mn', '5 tuổi', 'Đạt', 100, null, [], '2023', 'maintain'],
      [21, 'share', 'pcgd-th', null, 'MĐ2', 100, null, [], '2023', 'strive'],
      [21, 'count', 'pcgd-th', null, 'MĐ3', 5, 7, [], '2023', 'maintain'],
      [22, 'share', 'pcgd-thcs', null, 'MĐ1', 100, null, [], '2023', 'maintain'],
      [22, 'share', 'pcgd-thcs', null, 'MĐ2', 50, null, [], '2023', 'strive'],
    ]);
    // The parenthesis about the present stays in the text and changes no field.
    expect(r.targets[3].text).toContain('(hiện còn huyện Thuận Bắc đạt mức độ 1)');
    expect(r.targets[4].text).toBe('Trong đó, duy trì 05/07 đơn vị đạt mức độ 3');
  });

  it('004 states no target: nothing proposed; its mentions of "xóa mù chữ" are handed back, not guessed', () => {
    const r = proposeTargets(seed('004'));
    expect(r.targets).toEqual([]);
    for (const u of r.unread) expect(u.reason).toMatch(/mức độ/);
  });
});

describe('sentences it cannot read are left to the officer', () => {
  const plan = (body: string) => `KẾ HOẠCH năm 2025 trên địa bàn huyện Mẫu\nII. MỤC TIÊU\n${body}\nIII. NHIỆM VỤ`;

  it('no level for a programme that has levels; no age for preschool; a level the programme lacks', () => {
    const r = proposeTargets(plan(
      '- 90% các xã đạt chuẩn phổ cập giáo dục trung học cơ sở.\n' +
        '- 100% các xã hoàn thành phổ cập giáo dục mầm non.\n' +
        '- 50% các xã đạt chuẩn xóa mù chữ mức độ 3.\n' +
        '- 50% số người trong độ tuổi lao động được trang bị kỹ năng sống.',
    ));
    expect(r.targets).toEqual([]);
    expect(r.unread.map((u) => [u.line, u.reason])).toEqual([
      [3, 'Câu không nêu mức độ (mức độ 1, 2 hay 3).'],
      [4, 'Không rõ chương trình (độ tuổi mầm non, hay cấp học).'],
      [5, 'Chương trình này không có MĐ3.'],
    ]);
  });

  it('a subject that is not the plan\'s own unit, a share of something else, two programmes at once', () => {
    const r = proposeTargets(plan(
      '- Tỉnh giữ vững đạt chuẩn xóa mù chữ mức độ 2.\n' +
        '- 95% trẻ em 5 tuổi được phổ cập giáo dục mầm non cho trẻ 5 tuổi.\n' +
        '- Huyện giữ vững phổ cập giáo dục tiểu học và xóa mù chữ mức độ 2.',
    ));
    expect(r.targets).toEqual([]);
    expect(r.unread.map((u) => u.line)).toEqual([3, 4, 5]);
    expect(r.unread[0].reason).toBe('Chỉ tiêu nói về tỉnh, không phải huyện của kế hoạch.');
    expect(r.unread[1].reason).toBe('Có tỉ lệ nhưng không rõ là tỉ lệ đơn vị nào.');
    expect(r.unread[2].reason).toBe('Câu nêu nhiều chương trình cùng lúc.');
  });

  it('without a year or period, or a unit, it proposes nothing and says why; the caller may supply them', () => {
    const text = '- 85% trở lên các xã, thị trấn đạt chuẩn xóa mù chữ mức độ 2.';
    expect(proposeTargets(text).unread).toMatchObject([{ line: 1, reason: 'Không rõ đơn vị của kế hoạch (tỉnh, huyện hay xã nào).' }]);
    expect(proposeTargets(text, { scope: 'Huyện Mẫu' }).unread).toMatchObject([{ reason: 'Không rõ năm hoặc giai đoạn của chỉ tiêu.' }]);
    const r = proposeTargets(text, { scope: 'Huyện Mẫu', when: '2021-2025' });
    expect(rows(r.targets)).toEqual([[1, 'share', 'xmc', null, 'MĐ2', 85, null, [], '2021-2025', 'strive']]);
  });

  it("the plan's own unit and year come from its title, not from the plans it cites", () => {
    const r = proposeTargets(
      'Số: /KH-UBND\nKẾ HOẠCH\nXây dựng xã hội học tập xã Trường Hà năm 2026\n' +
        'Thực hiện Kế hoạch số 1/KH-UBND ngày 02/01/2026 của UBND tỉnh Cao Bằng trên địa bàn tỉnh Cao Bằng năm 2025;\n' +
        'II. MỤC TIÊU\n- Giữ vững xã đạt chuẩn xóa mù chữ mức độ 2.\nIII. NHIỆM VỤ',
    );
    expect(r.scope).toBe('Xã Trường Hà');
    expect(rows(r.targets)).toEqual([[6, 'unit', 'xmc', null, 'MĐ2', null, null, [], '2026', 'maintain']]);
  });

  it('"thêm nn đơn vị" whose names do not add up to nn is not guessed', () => {
    const r = proposeTargets(plan('- Phấn đấu thêm 03 đơn vị xã Kim Sơn và xã Hòa Lạc đạt chuẩn xóa mù chữ mức độ 2.'));
    expect(r.targets).toEqual([]);
    expect(r.unread[0].reason).toBe('Câu nêu thêm 3 đơn vị nhưng đọc được 2 tên.');
    const ok = proposeTargets(plan('- Phấn đấu thêm 02 đơn vị xã Kim Sơn và xã Hòa Lạc đạt chuẩn xóa mù chữ mức độ 2.'));
    expect(ok.targets).toMatchObject([{ kind: 'named', names: ['Kim Sơn', 'Hòa Lạc'], when: '2025', scope: 'Huyện Mẫu' }]);
  });

  it('"trong đó" in a sentence that states no programme target inherits nothing', () => {
    const r = proposeTargets(plan(
      '- 90% các xã đạt chuẩn xóa mù chữ mức độ 2.\n' +
        '- Khoảng 23% dân số được đào tạo, trong đó 12% dân số có trình độ đại học trở lên.',
    ));
    expect(r.targets).toHaveLength(1);
    expect(r.unread).toEqual([]);
  });
});

describe('seed 001: the plan\'s targets on the plan\'s own grids (the "done when" of issue 10)', () => {
  it('all 17 are met on seeds/ha-quang.xlsx; removing one mark a target depends on raises target.unmet with the shortfall', async () => {
    const wb = await readWorkbookFile('seeds/ha-quang.xlsx');
    const grids = wb.sheets.map((s) => ({ template: s.template, grid: s.grid }));
    const { targets } = proposeTargets(seed('001'));
    const ok = checkTargets(targets, grids);
    // No warning; "duy trì" targets above their 2020 baseline are noted as info only (§10.1).
    expect(ok.findings.map((f) => [f.rule, f.severity])).toEqual(Array(3).fill(['target.baseline_unmet', 'info']));
    expect(ok.targets.map((e) => e.status)).toEqual(Array(17).fill('met'));

    // THCS 2021-2025: 13/21 at MĐ3 meets "60%" exactly (⌈12,6⌉ = 13). One MĐ3 mark fewer fails it.
    const thcs = grids.find((g) => g.template.id === 'pcgd-thcs')!;
    const rows = thcs.grid.rows.map((r) => (r.unit === 'Cải Viên' ? { ...r, values: { ...r.values, '2021-2025|MĐ3': '', '2021-2025|MĐ2': 'x' } } : r));
    const changed = grids.map((g) => (g === thcs ? { template: g.template, grid: { ...g.grid, rows } } : g));
    const bad = checkTargets(targets, changed).findings.filter((f) => f.severity === 'warning');
    expect(bad).toHaveLength(1);
    expect(bad[0]).toMatchObject({ rule: 'target.unmet', severity: 'warning', unit: null });
    expect(bad[0].message).toBe(
      'Chỉ tiêu 60% xã đạt PCGD THCS MĐ3 (giai đoạn 2021-2025): 12/21 xã (57,14%), chưa đạt — còn thiếu 1 xã (cần 13/21). ' +
        'Xã gần đạt nhất: Cải Viên, Cần Nông, Lương Thông, Mã Ba, Ngọc Động (MĐ2), …',
    );
  });
});
