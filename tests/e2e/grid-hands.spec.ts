// Excel's hands on the grid (issue 11, item 2): a mouse drag selects a range that Delete and
// Ctrl+C work on; a double click edits; Home/End, Ctrl+Home/End, Ctrl+arrows, Ctrl+PgUp/PgDn
// move as in Excel; Alt+Enter breaks a line inside a Đánh giá; the Đánh giá box is as wide as
// its text and the cell shows it in full on hover; column widths survive a reload; the skip
// link reaches the first cell from page load.
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { cell, failOnConsoleErrors, focusedCell, grid, stored, textEditor, unitId } from './helpers';

failOnConsoleErrors();
test.describe.configure({ timeout: 120_000 });

/** The grid is on screen and checked (the findings' counts are in). */
async function opened(page: Page, template: 'xmc' | 'pcgd-mn') {
  await expect(page.getByTestId('problems')).toHaveAttribute('data-count-error', /\d/, { timeout: 30_000 });
  await expect(grid(page, template).locator('.ag-row').first()).toBeVisible();
}

async function center(page: Page, loc: import('@playwright/test').Locator) {
  const b = (await loc.boundingBox())!;
  return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
}

test('a mouse drag selects a range; Ctrl+C copies it as TSV and Delete clears it in one step', async ({ demo, page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: demo.origin });
  await page.goto(`${demo.url}#/grid/xmc`);
  await opened(page, 'xmc');
  const units = ['Cải Viên', 'Cần Nông', 'Cần Yên'];
  const cols = ['2020|MĐ1', '2020|MĐ2'];
  const from = await center(page, cell(page, 'xmc', demo.store, units[0], cols[0]));
  const to = await center(page, cell(page, 'xmc', demo.store, units[2], cols[1]));
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(to.x, to.y, { steps: 6 });
  await page.mouse.up();
  for (const u of units) for (const k of cols) await expect(cell(page, 'xmc', demo.store, u, k)).toHaveClass(/cell-in-range/);
  await expect(cell(page, 'xmc', demo.store, 'Hồng Sỹ', cols[0])).not.toHaveClass(/cell-in-range/);
  // The pressed cell keeps the focus (the range's anchor), as in Excel.
  expect(await focusedCell(page)).toEqual({ row: `u${unitId(demo.store, units[0])}`, col: cols[0] });

  await page.keyboard.press('Control+c');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('\tx\r\nx\t\r\n\tx');

  await page.keyboard.press('Delete');
  for (const u of units) for (const k of cols) await expect(cell(page, 'xmc', demo.store, u, k)).toHaveText('');
  await expect.poll(() => units.flatMap((u) => cols.map((k) => stored(demo.store, 'xmc', u, k)))).toEqual(['', '', '', '', '', '']);
  await page.keyboard.press('Control+z');
  await expect(cell(page, 'xmc', demo.store, 'Cần Nông', cols[0])).toHaveText('x');
  await expect(cell(page, 'xmc', demo.store, 'Cải Viên', cols[1])).toHaveText('x');
});

test('a double click edits a mark cell instead of erasing its x; Enter stores what was typed', async ({ demo, page }) => {
  await page.goto(`${demo.url}#/grid/xmc`);
  await opened(page, 'xmc');
  const marked = cell(page, 'xmc', demo.store, 'Cải Viên', '2020|MĐ2');
  await marked.dblclick();
  const editor = marked.locator('input');
  await expect(editor).toHaveValue('x');
  await page.keyboard.press('Escape');
  await expect(marked).toHaveText('x');
  expect(stored(demo.store, 'xmc', 'Cải Viên', '2020|MĐ2')).toBe('x');

  const empty = cell(page, 'xmc', demo.store, 'Cải Viên', '2020|MĐ1');
  await empty.dblclick();
  await expect(empty.locator('input')).toHaveValue('');
  await page.keyboard.type('X');
  await page.keyboard.press('Enter');
  await expect(empty).toHaveText('x');
  await expect.poll(() => stored(demo.store, 'xmc', 'Cải Viên', '2020|MĐ1')).toBe('x');
  expect(await focusedCell(page)).toEqual({ row: `u${unitId(demo.store, 'Cần Nông')}`, col: '2020|MĐ1' });
});

test('Home/End stay in the row; Ctrl+Home/End go to the first/last cell', async ({ demo, page }) => {
  await page.goto(`${demo.url}#/grid/xmc`);
  await opened(page, 'xmc');
  const row = `u${unitId(demo.store, 'Lương Thông')}`;
  await cell(page, 'xmc', demo.store, 'Lương Thông', '2021-2025|MĐ1').click();
  await page.keyboard.press('End');
  expect(await focusedCell(page)).toEqual({ row, col: '2026-2030|MĐ2' });
  await page.keyboard.press('Home');
  expect(await focusedCell(page)).toEqual({ row, col: '2020|MĐ1' });
  await page.keyboard.press('Control+End');
  // The last commune's row (21 communes: row index 20), the last column.
  const at = await page.evaluate(() => {
    const el = document.activeElement?.closest('.ag-cell');
    return { index: el?.closest('.ag-row')?.getAttribute('row-index'), pinned: !!el?.closest('.ag-row-pinned'), col: el?.getAttribute('col-id') };
  });
  expect(at).toEqual({ index: '20', pinned: false, col: '2026-2030|MĐ2' });
  await page.keyboard.press('Control+Home');
  expect(await focusedCell(page)).toEqual({ row: `u${unitId(demo.store, 'Cải Viên')}`, col: '2020|MĐ1' });
});

test('Ctrl+arrows go to the edge of the data, as in Excel', async ({ demo, page }) => {
  await page.goto(`${demo.url}#/grid/xmc`);
  await opened(page, 'xmc');
  // 2020|MĐ1 holds x for Cần Nông and Lương Thông, blank between them.
  expect(['Cải Viên', 'Cần Nông', 'Cần Yên', 'Hồng Sỹ', 'Lũng Nặm', 'Lương Can', 'Lương Thông'].map((u) => stored(demo.store, 'xmc', u, '2020|MĐ1'))).toEqual(['', 'x', '', '', '', '', 'x']);
  await cell(page, 'xmc', demo.store, 'Cải Viên', '2020|MĐ1').click();
  await page.keyboard.press('Control+ArrowDown');
  expect(await focusedCell(page)).toEqual({ row: `u${unitId(demo.store, 'Cần Nông')}`, col: '2020|MĐ1' });
  await page.keyboard.press('Control+ArrowDown');
  expect(await focusedCell(page)).toEqual({ row: `u${unitId(demo.store, 'Lương Thông')}`, col: '2020|MĐ1' });
  await page.keyboard.press('Control+ArrowUp');
  expect(await focusedCell(page)).toEqual({ row: `u${unitId(demo.store, 'Cần Nông')}`, col: '2020|MĐ1' });
  // Along Cải Viên's row: name (filled) → the next filled cell, skipping the blank MĐ1.
  const row = `u${unitId(demo.store, 'Cải Viên')}`;
  expect(['2020|MĐ1', '2020|MĐ2', '2021-2025|MĐ1', '2021-2025|MĐ2'].map((k) => stored(demo.store, 'xmc', 'Cải Viên', k))).toEqual(['', 'x', '', 'x']);
  await cell(page, 'xmc', demo.store, 'Cải Viên', 'name').click();
  await page.keyboard.press('Control+ArrowRight');
  expect(await focusedCell(page)).toEqual({ row, col: '2020|MĐ2' });
  await page.keyboard.press('Control+ArrowRight');
  expect(await focusedCell(page)).toEqual({ row, col: '2021-2025|MĐ2' });
  await page.keyboard.press('Control+ArrowLeft');
  expect(await focusedCell(page)).toEqual({ row, col: '2020|MĐ2' });
});

test('Ctrl+PgDn and Ctrl+PgUp move between the Phụ lục of the district, keeping the keyboard in the grid', async ({ demo, page }) => {
  await page.goto(`${demo.url}#/grid/xmc`);
  await opened(page, 'xmc');
  await cell(page, 'xmc', demo.store, 'Cải Viên', '2020|MĐ1').click();
  await page.keyboard.press('Control+PageDown');
  await expect(page).toHaveURL(/#\/grid\/pcgd-mn\/\d+$/);
  await expect(grid(page, 'pcgd-mn')).toBeVisible();
  await expect.poll(() => focusedCell(page)).toEqual({ row: `u${unitId(demo.store, 'Cải Viên')}`, col: '2020/3 tuổi|Đạt' });
  await page.keyboard.press('Control+PageUp');
  await expect(page).toHaveURL(/#\/grid\/xmc\/\d+$/);
  await expect.poll(() => focusedCell(page)).toEqual({ row: `u${unitId(demo.store, 'Cải Viên')}`, col: '2020|MĐ1' });
  // Phụ lục 1 is the first: Ctrl+PgUp stays.
  await page.keyboard.press('Control+PageUp');
  await expect(page).toHaveURL(/#\/grid\/xmc\/\d+$/);
});

const TEXT_KEY = '2020/4 tuổi|Đánh giá';

test('Alt+Enter puts a line break inside a Đánh giá; Enter stores both lines in that cell', async ({ demo, page }) => {
  await page.goto(`${demo.url}#/grid/pcgd-mn`);
  await opened(page, 'pcgd-mn');
  const c = cell(page, 'pcgd-mn', demo.store, 'Cải Viên', TEXT_KEY);
  await c.click();
  await page.keyboard.type('Dòng một');
  await page.keyboard.press('Alt+Enter');
  await expect(textEditor(page, 'pcgd-mn')).toHaveValue('Dòng một\n');
  await page.keyboard.type('Dòng hai');
  await page.keyboard.press('Enter');
  await expect.poll(() => stored(demo.store, 'pcgd-mn', 'Cải Viên', TEXT_KEY)).toBe('Dòng một\nDòng hai');
  expect(stored(demo.store, 'pcgd-mn', 'Cần Nông', TEXT_KEY)).toBe('');
  expect(await focusedCell(page)).toEqual({ row: `u${unitId(demo.store, 'Cần Nông')}`, col: TEXT_KEY });
  // Shown in full on hover: the cell's title holds both lines.
  await expect(c).toHaveAttribute('title', 'Dòng một\nDòng hai');
});

test('a long Đánh giá edits in a box wider than its cell, wrapping, and reads in full on hover', async ({ demo, page }) => {
  await page.goto(`${demo.url}#/grid/pcgd-mn`);
  await opened(page, 'pcgd-mn');
  const long = 'Đạt chuẩn mức 1, cần củng cố số trẻ 4 tuổi ra lớp ở các thôn vùng cao và theo dõi thêm năm sau';
  const c = cell(page, 'pcgd-mn', demo.store, 'Cần Yên', TEXT_KEY);
  await c.click();
  await page.keyboard.press('F2');
  await page.keyboard.insertText(long);
  await page.keyboard.press('Enter');
  await expect.poll(() => stored(demo.store, 'pcgd-mn', 'Cần Yên', TEXT_KEY)).toBe(long);
  await expect(c).toHaveAttribute('title', long);
  const cellBox = (await c.boundingBox())!;
  await c.click();
  await page.keyboard.press('F2');
  const box = textEditor(page, 'pcgd-mn');
  await expect(box).toHaveValue(long);
  const editorBox = (await box.boundingBox())!;
  expect(editorBox.width).toBeGreaterThan(cellBox.width * 3);
  // It wraps: no sideways scrolling inside the box, and the whole text in view.
  const fit = await box.evaluate((t) => ({ sideways: t.scrollWidth > t.clientWidth, hidden: t.scrollHeight > t.clientHeight + 1 }));
  expect(fit).toEqual({ sideways: false, hidden: false });
  await page.keyboard.press('Escape');
});

test('a column width dragged by the user survives a reload, for that template only', async ({ demo, page }) => {
  await page.goto(`${demo.url}#/grid/pcgd-mn`);
  await opened(page, 'pcgd-mn');
  const header = grid(page, 'pcgd-mn').locator('.ag-header-cell[col-id="name"]');
  const before = (await header.boundingBox())!.width;
  const handle = (await header.locator('.ag-header-cell-resize').boundingBox())!;
  await page.mouse.move(handle.x + handle.width / 2, handle.y + handle.height / 2);
  await page.mouse.down();
  await page.mouse.move(handle.x + handle.width / 2 + 60, handle.y + handle.height / 2, { steps: 8 });
  await page.mouse.up();
  const after = (await header.boundingBox())!.width;
  expect(after).toBeGreaterThan(before + 40);

  await page.reload();
  await opened(page, 'pcgd-mn');
  await expect.poll(async () => Math.round((await header.boundingBox())!.width)).toBe(Math.round(after));
  await page.goto(`${demo.url}#/grid/xmc`);
  await opened(page, 'xmc');
  expect(Math.round((await grid(page, 'xmc').locator('.ag-header-cell[col-id="name"]').boundingBox())!.width)).toBe(Math.round(before));
});

test('from page load, one Tab reaches "Đến bảng" and Enter the first cell (it took 52 Tabs)', async ({ demo, page }) => {
  await page.goto(`${demo.url}#/grid/xmc`);
  await opened(page, 'xmc');
  let tabs = 0;
  const first = { row: `u${unitId(demo.store, 'Cải Viên')}`, col: '2020|MĐ1' };
  while (tabs < 3) {
    await page.keyboard.press('Tab');
    tabs++;
    if (await page.getByTestId('skip-to-grid').evaluate((el) => el === document.activeElement)) break;
  }
  expect(tabs).toBe(1);
  await expect(page.getByTestId('skip-to-grid')).toBeVisible();
  await expect(page.getByTestId('skip-to-grid')).toHaveText('Đến bảng');
  await page.keyboard.press('Enter');
  expect(await focusedCell(page)).toEqual(first);
  // The keyboard works there at once.
  await page.keyboard.press('x');
  await expect.poll(() => stored(demo.store, 'xmc', 'Cải Viên', '2020|MĐ1')).toBe('x');
});
