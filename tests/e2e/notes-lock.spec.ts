// Notes and locks on screen (issue 11, item 8): Shift+F2 writes a note and a follow-up flag on a
// value; "Khóa số liệu" stops edits until "Mở khóa", both kept in the report's history.
import { expect, test } from './fixtures';
import { cell, failOnConsoleErrors, reportId, stored, unitId } from './helpers';

failOnConsoleErrors();

test('"Khóa số liệu": a Delete changes nothing while locked; "Mở khóa" is explicit and audited, then edits go through', async ({ demo, page }) => {
  await page.goto(`${demo.url}#/grid/pcgd-mn`);
  const kd = cell(page, 'pcgd-mn', demo.store, 'Lương Thông', '2020/3 tuổi|KĐ');
  const dat = cell(page, 'pcgd-mn', demo.store, 'Lương Thông', '2020/3 tuổi|Đạt');
  await expect(kd).toHaveText('x');
  await page.getByTestId('lock-toggle').click();
  await expect(page.getByTestId('lock-banner')).toContainText('Phụ lục 2 đã khóa số liệu');
  await expect(page.getByTestId('lock-toggle')).toHaveText('Mở khóa');
  expect(demo.store.isLocked(reportId(demo.store, 'pcgd-mn'))).toBe(true);

  await kd.click();
  await page.keyboard.press('Delete');
  await expect(kd).toHaveText('x');

  await page.getByTestId('lock-toggle').click();
  await expect(page.getByTestId('lock-banner')).toHaveCount(0);
  await dat.click();
  await page.keyboard.press('Delete');
  await expect.poll(() => stored(demo.store, 'pcgd-mn', 'Lương Thông', '2020/3 tuổi|Đạt')).toBe('');
  // Saves are stored in order: the locked Delete, had it gone out, would be stored before this one.
  expect(stored(demo.store, 'pcgd-mn', 'Lương Thông', '2020/3 tuổi|KĐ')).toBe('x');
  expect(demo.store.reportEvents(reportId(demo.store, 'pcgd-mn')).map((e) => e.kind)).toEqual(['lock', 'unlock']);
});

test('Shift+F2 writes a note with a follow-up flag on the cell; Esc leaves it as it was', async ({ demo, page }) => {
  await page.goto(`${demo.url}#/grid/pcgd-mn`);
  await cell(page, 'pcgd-mn', demo.store, 'Lương Thông', '2020/3 tuổi|Đạt').click();
  await page.keyboard.press('Shift+F2');
  const dialog = page.getByTestId('note-dialog');
  await expect(dialog).toContainText('Lương Thông');
  await expect(dialog.getByTestId('note-text')).toBeFocused();
  await page.keyboard.type('Hỏi lại xã: đánh cả Đạt và KĐ');
  await dialog.getByTestId('note-follow-up').check();
  await dialog.getByTestId('note-save').click();
  await expect(dialog).toBeHidden();
  const rid = reportId(demo.store, 'pcgd-mn');
  expect(demo.store.notes(rid)).toMatchObject([{ unitId: unitId(demo.store, 'Lương Thông'), key: '2020/3 tuổi|Đạt', note: 'Hỏi lại xã: đánh cả Đạt và KĐ', followUp: true }]);

  // Opened again: the note is there; Esc keeps it.
  await page.keyboard.press('Shift+F2');
  await expect(dialog.getByTestId('note-text')).toHaveValue('Hỏi lại xã: đánh cả Đạt và KĐ');
  await expect(dialog.getByTestId('note-follow-up')).toBeChecked();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  expect(demo.store.reportEvents(rid).map((e) => e.kind)).toEqual(['note', 'follow-up']);
});
