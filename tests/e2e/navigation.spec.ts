// The unit tree, the commune search, routing and the look of each grid.
import type { Page } from '@playwright/test';
import { TEMPLATES, type TemplateId } from '../../shared/templates';
import { expect, test } from './fixtures';
import { failOnConsoleErrors, focusedCell, grid, totalCell, unitId, unitRows } from './helpers';

failOnConsoleErrors();

async function headerTexts(page: Page, template: TemplateId): Promise<string[]> {
  // In reading order: header rows top to bottom, cells left to right (DOM order is not).
  return grid(page, template)
    .locator('.ag-header-cell-text, .ag-header-group-text')
    .evaluateAll((els) =>
      els
        .map((e) => ({ text: (e.textContent ?? '').trim(), box: e.closest('.ag-header-cell, .ag-header-group-cell')!.getBoundingClientRect() }))
        .filter((h) => h.text)
        .sort((a, b) => Math.round(a.box.top) - Math.round(b.box.top) || a.box.left - b.box.left)
        .map((h) => h.text),
    );
}

test('search ignores tone marks and case: "luong thong" finds Lương Thông and shows its row', async ({ demo, page }) => {
  await page.goto(`${demo.url}#/grid/xmc`);
  await expect(unitRows(page, 'xmc')).toHaveCount(21);
  const search = page.getByTestId('commune-search');
  await search.fill('luong thong');
  const hits = page.getByTestId('search-result');
  await expect(hits).toHaveText(['Lương Thông']);
  await hits.first().click();
  const row = grid(page, 'xmc').locator('.ag-row.row-found .ag-cell[col-id="name"]');
  await expect(row).toHaveText('Lương Thông');
  expect(await focusedCell(page)).toEqual({ row: `u${unitId(demo.store, 'Lương Thông')}`, col: 'name' });

  await search.fill('LUONG');
  await expect(hits).toHaveText(['Lương Can', 'Lương Thông']);
  await search.fill('thong nong');
  await expect(hits).toHaveText(['Thị trấn Thông Nông']);
  // Enter picks the first match; the last rows scroll into view.
  await search.fill('da thong');
  await search.press('Enter');
  await expect(grid(page, 'xmc').locator('.ag-row.row-found .ag-cell[col-id="name"]')).toHaveText('Đa Thông');
  await expect(grid(page, 'xmc').locator('.ag-row.row-found .ag-cell[col-id="name"]')).toBeInViewport();
  await search.fill('khong co xa nay');
  await expect(page.getByTestId('unit-tree')).toContainText('Không tìm thấy xã nào.');
});

test('the tree opens each appendix grid; headers mirror the Excel layout', async ({ demo, page }, testInfo) => {
  await page.goto(demo.url);
  await expect(page).toHaveURL(/#\/grid\/xmc$/);
  const tree = page.getByTestId('unit-tree');
  for (const t of TEMPLATES) {
    await tree.getByRole('link', { name: `${t.appendix} – ${t.name}` }).click();
    await expect(grid(page, t.id)).toBeVisible();
    await expect(unitRows(page, t.id)).toHaveCount(21);
    await expect(grid(page, t.id).locator('.row-total .ag-cell[col-id="name"]')).toHaveText('Tổng toàn huyện');
    await page.screenshot({ path: testInfo.outputPath(`grid-${t.id}.png`) });
  }

  // A hash change re-renders in place: poll until the new grid's header is there.
  await page.goto(`${demo.url}#/grid/xmc`);
  await expect.poll(() => headerTexts(page, 'xmc')).toEqual([
    'STT',
    'Tên đơn vị (xã/thị trấn)',
    'Kết quả XMC đạt được năm 2020',
    'Đề xuất đạt chuẩn XMC mức độ theo giai đoạn',
    '2021-2025',
    '2026-2030',
    'MĐ1',
    'MĐ2',
    'MĐ1',
    'MĐ2',
    'MĐ1',
    'MĐ2',
  ]);
  await expect(page.getByTestId('rollup')).toHaveText('Mức đạt của huyện: năm 2020: MĐ1 · 2021-2025: MĐ1 · 2026-2030: MĐ2');
  await expect(totalCell(page, 'xmc', '2020|MĐ2')).toHaveText('15');

  await page.goto(`${demo.url}#/grid/pcgd-mn`);
  await expect(grid(page, 'pcgd-mn')).toBeVisible();
  await expect.poll(async () => (await headerTexts(page, 'pcgd-mn')).length).toBe(2 + 1 + 1 + 3 + 2 + 9 + 4);
  const mn = await headerTexts(page, 'pcgd-mn');
  expect(mn.slice(0, 4)).toEqual(['STT', 'Tên đơn vị (xã/thị trấn)', 'Kết quả PCGDMN cho trẻ em mẫu giáo đạt được năm 2020', 'Đề xuất đạt chuẩn theo giai đoạn']);
  expect(mn).toEqual(expect.arrayContaining(['Trẻ em 3 tuổi', 'Trẻ em 4 tuổi', 'Trẻ em 5 tuổi', 'Đánh giá']));
  expect(mn.filter((h) => h === 'Đánh giá')).toHaveLength(3);
  await expect(page.getByTestId('rollup')).toContainText('Trẻ 3 tuổi 2020: Chưa đạt');
  await expect(totalCell(page, 'pcgd-mn', '2020/3 tuổi|Đánh giá')).toHaveText('KĐ');

  await page.goto(`${demo.url}#/grid/pcgd-th`);
  await expect.poll(() => headerTexts(page, 'pcgd-th')).toEqual([
    'STT',
    'Tên đơn vị (xã/thị trấn)',
    'Đề xuất đạt chuẩn PCGDTH mức độ theo giai đoạn',
    '2021-2025',
    '2026-2030',
    ...['MĐ1', 'MĐ2', 'MĐ3', 'MĐ1', 'MĐ2', 'MĐ3'],
  ]);
  await expect(page.getByTestId('rollup')).toHaveText('Mức đạt của huyện: 2021-2025: MĐ3 · 2026-2030: MĐ3');
  // A grid of few columns ends at its last column, as a sheet would: no blank band right of it.
  const edges = await page.evaluate(() => {
    const box = document.querySelector('[data-testid="grid-pcgd-th"]')!.getBoundingClientRect();
    const last = Math.max(...[...document.querySelectorAll('[data-testid="grid-pcgd-th"] .ag-header-cell')].map((h) => h.getBoundingClientRect().right));
    return { box: box.right, last, page: document.documentElement.clientWidth };
  });
  expect(edges.box - edges.last).toBeLessThan(4);
  expect(edges.box).toBeLessThan(edges.page - 100);
  await page.goto(`${demo.url}#/grid/pcgd-thcs`);
  await expect(page.getByTestId('rollup')).toHaveText('Mức đạt của huyện: năm 2020: MĐ1 · 2021-2025: MĐ2 · 2026-2030: MĐ2');
});

test('no English reaches the screen', async ({ demo, page }) => {
  for (const t of TEMPLATES) {
    await page.goto(`${demo.url}#/grid/${t.id}`);
    await expect(unitRows(page, t.id)).toHaveCount(21);
    const text = await page.locator('body').innerText();
    for (const word of ['Loading', 'No Rows', 'Save', 'Error', 'Warning', 'Total', 'Search', 'Import', 'Export', 'undefined', 'NaN', 'null']) {
      expect(text, `${t.id}: "${word}"`).not.toContain(word);
    }
  }
});
