// Notes, follow-up and locks (issue 11, item 8): a note and a flag on a value are stored and
// audited; a locked report refuses every edit (typed, a put-back, an import) with a Vietnamese
// reason until it is unlocked, explicitly and audited.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appsClosedAfterEach, loadedDemo, refusal } from '../support/handlers';
import { runImport } from '../support/run-import';

const ROOT = join(import.meta.dirname, '..', '..');
const FORM = join(ROOT, 'tests', 'fixtures', 'batch', 'ha-quang-forms', 'Luong_Thong.xlsx');
const open = appsClosedAfterEach('pcgd-notes-');

async function demo() {
  const { app, district } = await loadedDemo(open());
  const mn = app.store.listReports(district.id).find((r) => r.template === 'pcgd-mn')!;
  const luongThong = app.store.children(district.id).find((u) => u.name === 'Lương Thông')!;
  return { app, mn, luongThong };
}

describe('notes and follow-up', () => {
  it('stores a note and a flag on a value, lists them, audits each change, and removes an empty one', async () => {
    const { app, mn, luongThong } = await demo();
    const key = '2020/3 tuổi|Đạt';
    await app.api.setNote({ reportId: mn.id, unitId: luongThong.id, key, note: 'Hỏi lại xã: đánh cả Đạt và KĐ', followUp: true });
    expect((await app.api.notes({ reportId: mn.id })).notes).toMatchObject([{ unitId: luongThong.id, key, note: 'Hỏi lại xã: đánh cả Đạt và KĐ', followUp: true }]);
    await app.api.setNote({ reportId: mn.id, unitId: luongThong.id, key, note: '', followUp: false });
    expect((await app.api.notes({ reportId: mn.id })).notes).toEqual([]);
    expect(app.store.reportEvents(mn.id).map((e) => [e.kind, e.old, e.new])).toEqual([
      ['note', '', 'Hỏi lại xã: đánh cả Đạt và KĐ'],
      ['follow-up', 'không', 'có'],
      ['note', 'Hỏi lại xã: đánh cả Đạt và KĐ', ''],
      ['follow-up', 'có', 'không'],
    ]);
  });

  it('refuses a note on a cell the grid does not have', async () => {
    const { app, mn, luongThong } = await demo();
    expect(await refusal(app.api.setNote({ reportId: mn.id, unitId: luongThong.id, key: 'không|có', note: 'x', followUp: false }))).toContain('không phải là một cột');
  });
});

describe('locking a finished report', () => {
  it('refuses typed edits and put-backs while locked, with the reason; unlocked, they go through; both audited', async () => {
    const { app, mn, luongThong } = await demo();
    const write = { reportId: mn.id, writes: [{ unitId: luongThong.id, key: '2020/3 tuổi|KĐ', value: '' }] };
    const before = JSON.stringify([...app.store.getValues(mn.id)]);
    expect((await app.api.setLocked({ reportId: mn.id, locked: true })).locked).toBe(true);
    expect((await app.api.openGrid({ reportId: mn.id })).report.locked).toBe(true);
    expect(await refusal(app.api.setCells(write))).toBe('Phụ lục 2 đã khóa số liệu: không sửa được. Hãy mở khóa (nút “Mở khóa”) nếu cần sửa.');
    const auditId = app.store.audit(mn.id, { limit: 1 })[0].id;
    expect(await refusal(app.api.restore({ auditId }))).toContain('đã khóa số liệu');
    expect(JSON.stringify([...app.store.getValues(mn.id)])).toBe(before);

    await app.api.setLocked({ reportId: mn.id, locked: false });
    expect((await app.api.setCells(write)).changed).toBe(1);
    expect(app.store.reportEvents(mn.id).map((e) => e.kind)).toEqual(['lock', 'unlock']);
  });

  it('an import refuses to overwrite a locked report, saying why in Vietnamese; unlocked, the same file is stored', async () => {
    const { app, mn } = await demo();
    const file = { name: 'Luong_Thong.xlsx', data: readFileSync(FORM).toString('base64') };
    await app.api.setLocked({ reportId: mn.id, locked: true });
    const [locked] = (await runImport(app.api, { files: [file], dryRun: false })).files;
    expect(locked.status).toBe('rejected');
    expect(locked.reason).toContain('Phụ lục 2 đã khóa số liệu');
    expect(locked.reason).toContain('Tệp không được nhập.');
    await app.api.setLocked({ reportId: mn.id, locked: false });
    const [open] = (await runImport(app.api, { files: [file], dryRun: false })).files;
    expect(open.status).toBe('ok');
    expect(open.changes.length).toBeGreaterThan(0);
  });
});
