// Honest exports (issue 11, item 3): "Xuất báo cáo Excel" and "Gửi biểu cho các xã" show the
// errors left in the district's grids first, and go straight out when there are none.
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { cell, failOnConsoleErrors, focusedCell, unitId } from './helpers';

failOnConsoleErrors();

function countDownloads(page: Page): { readonly count: number } {
  const seen = { count: 0 };
  page.on('download', () => seen.count++);
  return seen;
}

test('export with an error in Phụ lục 2: the dialog names the grid; Esc cancels and nothing is downloaded; "Vẫn xuất" exports', async ({ demo, page }) => {
  const downloads = countDownloads(page);
  await page.goto(`${demo.url}#/grid/xmc`);
  const exportButton = page.getByTestId('export');
  await exportButton.click();
  const dialog = page.getByTestId('errors-first');
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('Biểu còn 1 lỗi');
  const grids = dialog.getByTestId('errors-first-grid');
  await expect(grids).toHaveCount(1);
  await expect(grids).toHaveAttribute('data-template', 'pcgd-mn');
  await expect(grids).toContainText('Phụ lục 2');
  await expect(grids).toContainText('1 lỗi');
  await expect(dialog.getByTestId('errors-first-go')).toBeFocused();

  // The focus stays in the dialog: Tab goes round its three buttons.
  for (let i = 0; i < 5; i++) {
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => !!document.activeElement?.closest('[data-testid="errors-first"]'))).toBe(true);
  }
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(exportButton).toBeFocused();

  const downloading = page.waitForEvent('download');
  await exportButton.click();
  await dialog.getByTestId('errors-first-continue').click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
  // The Esc'd export made none of its own.
  expect(downloads.count).toBe(1);
});

test('"Đến lỗi đầu tiên" opens Phụ lục 2 on Lương Thông’s cell with the error', async ({ demo, page }) => {
  await page.goto(`${demo.url}#/grid/xmc`);
  await page.getByTestId('export').click();
  await page.getByTestId('errors-first').getByRole('button', { name: 'Đến lỗi đầu tiên' }).click();
  await expect(page.getByTestId('errors-first')).toBeHidden();
  await expect(page).toHaveURL(/#\/grid\/pcgd-mn\/\d+$/);
  await expect.poll(async () => (await focusedCell(page)).row).toBe(`u${unitId(demo.store, 'Lương Thông')}`);
  expect((await focusedCell(page)).col).toMatch(/^2020\/3 tuổi\|/);
});

test('"Gửi biểu cho các xã" with the error: the dialog first, then the .zip on "Vẫn xuất"', async ({ demo, page }) => {
  await page.goto(`${demo.url}#/grid/xmc`);
  await page.getByTestId('send-forms').click();
  const dialog = page.getByTestId('errors-first');
  await expect(dialog.getByTestId('errors-first-grid')).toContainText('Phụ lục 2');
  const downloading = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Vẫn xuất' }).click();
  expect((await downloading).suggestedFilename()).toMatch(/^Bieu_gui_xa_.*\.zip$/);
});

test('without errors, export and sending forms go straight out: no dialog', async ({ demo, page }) => {
  await page.goto(`${demo.url}#/grid/pcgd-mn`);
  // The demo's one error: Lương Thông marked both Đạt and KĐ; the Đạt goes.
  const dat = cell(page, 'pcgd-mn', demo.store, 'Lương Thông', '2020/3 tuổi|Đạt');
  await dat.click();
  await page.keyboard.press('Delete');
  await expect(page.getByTestId('problems')).toHaveAttribute('data-count-error', '0');

  let downloading = page.waitForEvent('download');
  await page.getByTestId('export').click();
  expect((await downloading).suggestedFilename()).toMatch(/\.xlsx$/);
  downloading = page.waitForEvent('download');
  await page.getByTestId('send-forms').click();
  expect((await downloading).suggestedFilename()).toMatch(/\.zip$/);
  await expect(page.getByTestId('errors-first')).toHaveCount(0);
});
