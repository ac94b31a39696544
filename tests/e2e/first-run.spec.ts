// First run: the demo district or an empty one.
import { expect, test } from './fixtures';
import { failOnConsoleErrors, unitRows } from './helpers';

failOnConsoleErrors();

test('first run offers the demo; choosing it loads Hà Quảng with 21 communes', async ({ host, page }, testInfo) => {
  await page.goto(host.url);
  const demo = page.getByTestId('first-run-demo');
  await expect(demo).toHaveText('Dùng dữ liệu mẫu huyện Hà Quảng');
  await page.screenshot({ path: testInfo.outputPath('first-run.png') });
  await demo.click();
  await expect(page).toHaveURL(/#\/grid\/xmc$/);
  await expect(unitRows(page, 'xmc')).toHaveCount(21);
  const tree = page.getByTestId('unit-tree');
  await expect(tree).toContainText('Tỉnh Cao Bằng');
  await expect(tree).toContainText('Huyện Hà Quảng');
  await expect(tree.getByRole('link', { name: 'Phụ lục 1 – Xóa mù chữ' })).toHaveAttribute('aria-current', 'page');
  expect(host.store.listUnits().filter((u) => u.kind === 'xa')).toHaveLength(21);
});

test('first run can create an empty district from a list of communes', async ({ host, page }) => {
  await page.goto(host.url);
  const form = page.getByTestId('first-run-create');
  // The third office of the first run: a district as it was before 1/7/2025.
  await form.getByLabel('Phòng GD&ĐT huyện (trước 01/7/2025)').check();
  // Nothing typed: a Vietnamese message, nothing stored.
  await form.getByRole('button', { name: /Tạo huyện/ }).click();
  await expect(form.getByRole('alert')).toHaveText('Hãy nhập tên huyện.');
  await form.getByLabel('Tên huyện').fill('Bảo Lạc');
  await form.getByLabel('Các xã, thị trấn (mỗi dòng một tên)').fill('Bảo Toàn\nHưng Đạo\n\nThị trấn Bảo Lạc\nhung dao\n');
  await expect(form.getByRole('button', { name: 'Tạo huyện (3 xã)' })).toBeVisible();
  await form.getByRole('button', { name: /Tạo huyện/ }).click();
  await expect(unitRows(page, 'xmc')).toHaveCount(3);
  await expect(unitRows(page, 'xmc')).toHaveText(['Bảo Toàn', 'Hưng Đạo', 'Thị trấn Bảo Lạc']);
  // An empty grid: every commune lacks a mark in each of the three groups (warnings, no error).
  await expect(page.getByTestId('problems')).toHaveAttribute('data-count-warning', '9');
  await expect(page.getByTestId('problems')).toHaveAttribute('data-count-error', '0');
  await expect(page.getByTestId('rollup')).toHaveText('Mức đạt của huyện: năm 2020: Chưa đạt · 2021-2025: Chưa đạt · 2026-2030: Chưa đạt');
  expect(host.store.listReports()).toHaveLength(4);
});
