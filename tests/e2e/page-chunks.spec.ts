// The pages other than the grids are chunks loaded when first opened (shell/App.tsx). One that
// cannot be loaded (a damaged install: its file missing) is told in Vietnamese in its place; the
// window does not go blank, and the next page opens.
import { expect, test } from './fixtures';
import { unitRows } from './helpers';

test('a page whose code cannot be loaded says so in Vietnamese; the toolbar, the tree and the next page still work', async ({ demo, page }) => {
  await page.goto(`${demo.url}#/grid/xmc`);
  await expect(unitRows(page, 'xmc')).toHaveCount(21);
  // The targets page's chunk, as if deleted from the install.
  await page.route(/\/assets\/TargetsPage-[^/]*\.js$/, (r) => r.abort());
  await page.getByTestId('tree-targets').first().click();
  await expect(page.getByTestId('page-failed')).toHaveText(/Không mở được trang này \(tệp của chương trình bị thiếu hoặc hỏng\)/);
  await expect(page.getByTestId('unit-tree')).toBeVisible();
  await expect(page.getByRole('button', { name: /Xuất báo cáo Excel/ })).toBeVisible();
  // Another page opens in its place.
  await page.getByRole('link', { name: /Phụ lục 1/ }).first().click();
  await expect(unitRows(page, 'xmc')).toHaveCount(21);
  await expect(page.getByTestId('page-failed')).toHaveCount(0);
});
