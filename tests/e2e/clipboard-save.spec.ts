// The real clipboard keys (Ctrl+C / Ctrl+X / Ctrl+V), a failed save, and dropping files on the window.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, ROOT, test } from './fixtures';
import { cell, failOnConsoleErrors, focusedCell, paste, stored, unitId, unitRows } from './helpers';

failOnConsoleErrors();

test('Ctrl+C copies the focused cell, Ctrl+V pastes the system clipboard, Ctrl+X cuts', async ({ demo, page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: demo.origin });
  await page.goto(`${demo.url}#/grid/xmc`);
  await cell(page, 'xmc', demo.store, 'Lương Thông', 'name').click();
  await page.keyboard.press('Control+c');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('Lương Thông');

  // Two cells copied from Excel (MĐ1 marked, MĐ2 blank), pasted with the keyboard.
  await page.evaluate(() => navigator.clipboard.writeText('x\t\r\n'));
  const target = cell(page, 'xmc', demo.store, 'Mã Ba', '2021-2025|MĐ1');
  await target.click();
  await page.keyboard.press('Control+v');
  await expect(target).toHaveText('x');
  await expect(cell(page, 'xmc', demo.store, 'Mã Ba', '2021-2025|MĐ2')).toHaveText('');
  await expect.poll(() => stored(demo.store, 'xmc', 'Mã Ba', '2021-2025|MĐ1')).toBe('x');
  await expect(page.getByTestId('problems')).toHaveAttribute('data-count-error', '0');
  // MĐ2 in 2020, MĐ1 proposed for 2021-2025: a regression warning on the pasted mark.
  await expect(page.getByTestId('problems').locator('[data-rule="level.regression"]')).toContainText('Mã Ba');

  await page.keyboard.press('Control+x');
  await expect(target).toHaveText('');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('x');
  await expect.poll(() => stored(demo.store, 'xmc', 'Mã Ba', '2021-2025|MĐ1')).toBe('');
});

test('a failed save says so and shows what the database holds', async ({ demo, page }) => {
  await page.goto(`${demo.url}#/grid/xmc`);
  await page.route('**/api/setCells', (route) =>
    route.fulfill({ contentType: 'application/json', body: JSON.stringify({ ok: false, error: 'Ổ đĩa đã đầy.' }) }),
  );
  const c = cell(page, 'xmc', demo.store, 'Cải Viên', '2020|MĐ2');
  await c.click();
  await page.keyboard.press('Delete');
  await expect(page.getByTestId('save-state')).toHaveText('Lỗi khi lưu: Ổ đĩa đã đầy.');
  // The grid is reloaded from the database: the mark is back.
  await expect(c).toHaveText('x');
  expect(stored(demo.store, 'xmc', 'Cải Viên', '2020|MĐ2')).toBe('x');

  await page.unroute('**/api/setCells');
  await c.click();
  await page.keyboard.press('Delete');
  await expect(page.getByTestId('save-state')).toHaveText(/^Đã lưu lúc/);
  await expect.poll(() => stored(demo.store, 'xmc', 'Cải Viên', '2020|MĐ2')).toBe('');
});

test('dropping an Excel file on the window opens the import preview', async ({ host, page }) => {
  await page.goto(host.url);
  await expect(page.getByTestId('first-run')).toBeVisible();
  const data = readFileSync(join(ROOT, 'tests', 'fixtures', 'huyen-mau-phu-luc.xlsx')).toString('base64');
  await page.evaluate((b64) => {
    const bytes = Uint8Array.from(atob(b64), (ch) => ch.charCodeAt(0));
    const dt = new DataTransfer();
    dt.items.add(new File([bytes], 'huyen-mau-phu-luc.xlsx'));
    window.dispatchEvent(new DragEvent('dragenter', { dataTransfer: dt, bubbles: true, cancelable: true }));
    window.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, data);
  await expect(page.getByTestId('import-file')).toContainText('huyen-mau-phu-luc.xlsx', { timeout: 20_000 });
  await page.getByTestId('import-accept-0').check(); // it has errors: ticked by hand
  await page.getByRole('button', { name: 'Nhập 1 tệp đã chọn' }).click();
  await expect(unitRows(page, 'xmc')).toHaveCount(12);
});

test('Shift+arrows choose a range: Ctrl+C copies it as TSV, Delete clears it in one step, a single value fills it', async ({ demo, page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: demo.origin });
  await page.goto(`${demo.url}#/grid/xmc`);
  const units = ['Cải Viên', 'Cần Nông', 'Cần Yên'];
  const cols = ['2020|MĐ1', '2020|MĐ2'];
  await cell(page, 'xmc', demo.store, 'Cải Viên', '2020|MĐ1').click();
  await page.keyboard.press('Shift+ArrowDown');
  await page.keyboard.press('Shift+ArrowDown');
  await page.keyboard.press('Shift+ArrowRight');
  for (const u of units) for (const k of cols) await expect(cell(page, 'xmc', demo.store, u, k)).toHaveClass(/cell-in-range/);
  await expect(cell(page, 'xmc', demo.store, 'Hồng Sỹ', '2020|MĐ1')).not.toHaveClass(/cell-in-range/);

  await page.keyboard.press('Control+c');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('\tx\r\nx\t\r\n\tx');

  const saves = { count: 0 };
  page.on('request', (r) => {
    if (r.url().endsWith('/api/setCells')) saves.count++;
  });
  await page.keyboard.press('Delete');
  for (const u of units) for (const k of cols) await expect(cell(page, 'xmc', demo.store, u, k)).toHaveText('');
  await expect(page.getByTestId('problems')).toHaveAttribute('data-count-warning', '3');
  await page.keyboard.press('Control+z');
  await expect(cell(page, 'xmc', demo.store, 'Cần Nông', '2020|MĐ1')).toHaveText('x');
  await expect(page.getByTestId('problems')).toHaveAttribute('data-count-warning', '0');
  expect(saves.count).toBe(2);

  // Shift+click chooses a range too; a single copied value pasted over it fills it (and makes
  // double marks: errors).
  await cell(page, 'xmc', demo.store, 'Cải Viên', '2020|MĐ1').click();
  await cell(page, 'xmc', demo.store, 'Cần Nông', '2020|MĐ2').click({ modifiers: ['Shift'] });
  await expect(page.getByTestId('grid-xmc').locator('.cell-in-range')).toHaveCount(4);
  expect(await focusedCell(page)).toEqual({ row: `u${unitId(demo.store, 'Cải Viên')}`, col: '2020|MĐ1' });
  await paste(page, 'x');
  for (const u of units.slice(0, 2)) for (const k of cols) await expect(cell(page, 'xmc', demo.store, u, k)).toHaveText('x');
  await expect(page.getByTestId('problems')).toHaveAttribute('data-count-error', '2');
  await expect.poll(() => stored(demo.store, 'xmc', 'Cần Nông', '2020|MĐ2')).toBe('x');
  // A plain click ends the range.
  await cell(page, 'xmc', demo.store, 'Mã Ba', 'name').click();
  await expect(page.getByTestId('grid-xmc').locator('.cell-in-range')).toHaveCount(0);
});
