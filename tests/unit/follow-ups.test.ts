// "Cần theo dõi" (issue 11, item 8): the district's notes and follow-up flags listed in the
// officer's words (Phụ lục, commune, column), in the grids' order, on a real SQLite database;
// and the audit of one cell's note shown beside its history.
import { describe, expect, it } from 'vitest';
import { appsClosedAfterEach, loadedDemo } from '../support/handlers';

const open = appsClosedAfterEach('pcgd-follow-');

async function demo() {
  const { app, district } = await loadedDemo(open());
  const report = (template: string) => app.store.listReports(district.id).find((r) => r.template === template)!;
  const commune = (name: string) => app.store.children(district.id).find((u) => u.name === name)!;
  return { app, district, report, commune };
}

describe('followUps', () => {
  it('lists every note and flag of the district by Phụ lục, commune row and column, in the officer words', async () => {
    const { app, district, report, commune } = await demo();
    const mn = report('pcgd-mn');
    const xmc = report('xmc');
    // Written out of order: the listing follows the grids, not the writing.
    await app.api.setNote({ reportId: mn.id, unitId: commune('Lương Thông').id, key: '2020/3 tuổi|Đạt', note: 'Hỏi lại xã: đánh cả Đạt và KĐ', followUp: true });
    await app.api.setNote({ reportId: mn.id, unitId: commune('Cải Viên').id, key: '2021-2025|KĐ', note: '', followUp: true });
    await app.api.setNote({ reportId: xmc.id, unitId: commune('Thượng Thôn').id, key: '2020|MĐ1', note: 'Theo biên bản kiểm tra 2020', followUp: false });

    const listed = await app.api.followUps({});
    expect(listed.unit.id).toBe(district.id);
    expect(listed.items.map((i) => [i.appendix, i.unitName, i.column, i.note, i.followUp])).toEqual([
      ['Phụ lục 1', 'Thượng Thôn', 'Năm 2020 · MĐ1', 'Theo biên bản kiểm tra 2020', false],
      ['Phụ lục 2', 'Cải Viên', 'Giai đoạn 2021-2025 · KĐ', '', true],
      ['Phụ lục 2', 'Lương Thông', 'Trẻ 3 tuổi 2020 · Đạt', 'Hỏi lại xã: đánh cả Đạt và KĐ', true],
    ]);
    // Each row carries where it goes: the report, the commune's row and the column key.
    expect(listed.items[2]).toMatchObject({ reportId: mn.id, template: 'pcgd-mn', unitId: commune('Lương Thông').id, key: '2020/3 tuổi|Đạt' });
    expect(Date.parse(listed.items[2].at)).not.toBeNaN();
  });

  it('lists nothing for a district without notes, and drops a note once it is cleared', async () => {
    const { app, report, commune } = await demo();
    expect((await app.api.followUps({})).items).toEqual([]);
    const mn = report('pcgd-mn');
    const at = { reportId: mn.id, unitId: commune('Lương Thông').id, key: '2020/3 tuổi|Đạt' };
    await app.api.setNote({ ...at, note: 'x', followUp: true });
    expect((await app.api.followUps({})).items).toHaveLength(1);
    await app.api.setNote({ ...at, note: '', followUp: false });
    expect((await app.api.followUps({})).items).toEqual([]);
  });

  it('names the district own row "Tổng toàn huyện" and lists it after the communes', async () => {
    const { app, district, report, commune } = await demo();
    const mn = report('pcgd-mn');
    await app.api.setNote({ reportId: mn.id, unitId: district.id, key: '2020/3 tuổi|Đánh giá', note: 'Đánh giá của huyện cần sửa', followUp: true });
    await app.api.setNote({ reportId: mn.id, unitId: commune('Yên Sơn').id, key: '2020/3 tuổi|Đạt', note: 'y', followUp: false });
    expect((await app.api.followUps({ unitId: district.id })).items.map((i) => [i.unitName, i.column])).toEqual([
      ['Yên Sơn', 'Trẻ 3 tuổi 2020 · Đạt'],
      ['Tổng toàn huyện', 'Trẻ 3 tuổi 2020 · Đánh giá'],
    ]);
  });
});

describe('noteHistory', () => {
  it('gives the audit of one cell note and flag, newest first, and none of another cell', async () => {
    const { app, report, commune } = await demo();
    const mn = report('pcgd-mn');
    const at = { reportId: mn.id, unitId: commune('Lương Thông').id, key: '2020/3 tuổi|Đạt' };
    await app.api.setNote({ ...at, note: 'Hỏi lại xã', followUp: false });
    await app.api.setNote({ ...at, note: 'Xã đã trả lời: Đạt', followUp: true });
    await app.api.setNote({ ...at, key: '2020/3 tuổi|KĐ', note: 'khác', followUp: false });
    expect((await app.api.noteHistory(at)).entries.map((e) => [e.kind, e.old, e.new])).toEqual([
      ['follow-up', 'không', 'có'],
      ['note', 'Hỏi lại xã', 'Xã đã trả lời: Đạt'],
      ['note', '', 'Hỏi lại xã'],
    ]);
  });
});
