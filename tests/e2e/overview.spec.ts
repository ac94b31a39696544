// Rates and a chart (issue 11, item 5): the shares behind each level are text on screen, and a
// "Tổng quan" page draws each programme's communes by level (chartist SVG, under the page's CSP).
import { expect, test } from './fixtures';
import { cell, failOnConsoleErrors } from './helpers';

failOnConsoleErrors();

test('the shares behind each level are on screen as text and follow an edit', async ({ demo, page }) => {
  await page.goto(`${demo.url}#/grid/pcgd-mn`);
  const share = page.locator('[data-testid="rollup-share"][data-group="2020/3 tuổi"]');
  await expect(share).toBeVisible();
  // Was: only in a hover tooltip. The demo: 21 communes, Đạt needs 90%.
  await expect(share).toHaveText(/^Trẻ 3 tuổi 2020 – Đạt: \d+\/21 xã \(\d+(,\d+)?%\), cần từ 90%$/);
  const before = Number(/: (\d+)\/21/.exec((await share.textContent()) ?? '')![1]);
  // Lương Thông is marked both Đạt and KĐ (counted at no level); its KĐ cleared, it counts at Đạt.
  await cell(page, 'pcgd-mn', demo.store, 'Lương Thông', '2020/3 tuổi|KĐ').click();
  await page.keyboard.press('Delete');
  await expect(share).toContainText(`Đạt: ${before + 1}/21 xã`);
  // Reached by the keyboard: the list takes the focus.
  await page.getByTestId('rollup-shares').focus();
  await expect(page.getByTestId('rollup-shares')).toBeFocused();
});

test('"Tổng quan" draws a bar chart per Phụ lục: communes by level, the district’s level and the thresholds', async ({ demo, page }, testInfo) => {
  await page.goto(`${demo.url}#/grid/xmc`);
  await page.getByTestId('show-overview').click();
  await expect(page).toHaveURL(/#\/overview\/\d+$/);
  const programmes = page.getByTestId('overview-programme');
  await expect(programmes).toHaveCount(4);
  const xmc = page.locator('[data-testid="overview-programme"][data-template="xmc"]');
  // Drawn in SVG by the library: one stacked bar per group and level (Chưa đạt, MĐ1, MĐ2).
  await expect(xmc.locator('svg.ct-chart-bar')).toBeVisible();
  const groups = demo.store.loadGrid(demo.store.listReports().find((r) => r.template === 'xmc' && r.unitId === demo.store.districts()[0].id)!.id).layout;
  const groupCount = groups.results.length + groups.periods.length;
  await expect(xmc.locator('svg .ct-series')).toHaveCount(3);
  await expect(xmc.locator('svg .ct-bar')).toHaveCount(3 * groupCount);
  // The same levels as the grid's levels line.
  await expect(xmc.getByTestId('overview-levels')).toHaveText('Mức đạt: Năm 2020: MĐ1 · Giai đoạn 2021-2025: MĐ1 · Giai đoạn 2026-2030: MĐ2');
  await expect(xmc).toContainText('Ngưỡng: MĐ1 trở lên cần từ 90% số xã (19/21)');
  await page.screenshot({ path: testInfo.outputPath('overview.png'), fullPage: true });
});
