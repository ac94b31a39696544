// Keyboard paths (issue 11, item 9): F6 / Shift+F6 cycle the focus over the unit tree, the grid
// and the problems panel; Ctrl+F goes to the commune search; Ctrl+S answers "Đã lưu". None of
// them takes a key from a cell being typed into.
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { cell, failOnConsoleErrors, focusedCell, grid, stored, unitId } from './helpers';

failOnConsoleErrors();

/** Which region holds the focus: 'tree', 'grid', 'problems' or null. */
function region(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const a = document.activeElement;
    if (a?.closest('[data-testid="unit-tree"]')) return 'tree';
    if (a?.closest('.grid-wrap')) return 'grid';
    if (a?.closest('[data-testid="problems"]')) return 'problems';
    return null;
  });
}

test('F6 cycles tree → grid → problems → tree; Shift+F6 goes back; the grid gets back the cell it was on', async ({ demo, page }) => {
  await page.goto(`${demo.url}#/grid/xmc`);
  await expect(grid(page, 'xmc')).toBeVisible({ timeout: 20_000 });
  await expect(page.getByTestId('problems')).toHaveAttribute('data-count-error', /\d+/);

  await page.keyboard.press('F6');
  expect(await region(page)).toBe('tree');
  // In the tree, the open grid's own link.
  await expect(page.getByRole('link', { name: 'Phụ lục 1 – Xóa mù chữ' })).toBeFocused();
  await page.keyboard.press('F6');
  expect(await region(page)).toBe('grid');
  expect((await focusedCell(page)).col).not.toBeNull();
  await page.keyboard.press('F6');
  expect(await region(page)).toBe('problems');
  await page.keyboard.press('F6');
  expect(await region(page)).toBe('tree');

  // Backwards, and the grid resumes where the user was.
  await cell(page, 'xmc', demo.store, 'Lương Thông', '2021-2025|MĐ2').click();
  await page.keyboard.press('Shift+F6');
  expect(await region(page)).toBe('tree');
  await page.keyboard.press('Shift+F6');
  expect(await region(page)).toBe('problems');
  await page.keyboard.press('Shift+F6');
  expect(await focusedCell(page)).toEqual({ row: `u${unitId(demo.store, 'Lương Thông')}`, col: '2021-2025|MĐ2' });
});

test('Ctrl+F goes to the commune search, from the grid too; what is typed searches', async ({ demo, page }) => {
  await page.goto(`${demo.url}#/grid/xmc`);
  await expect(grid(page, 'xmc')).toBeVisible({ timeout: 20_000 });
  await cell(page, 'xmc', demo.store, 'Cải Viên', 'name').click();
  await page.keyboard.press('Control+f');
  await expect(page.getByTestId('commune-search')).toBeFocused();
  await page.keyboard.type('luong thong');
  await expect(page.getByTestId('search-result')).toHaveText(['Lương Thông']);
});

test('Ctrl+S answers "Đã lưu" once the edit is stored', async ({ demo, page }) => {
  await page.goto(`${demo.url}#/grid/xmc`);
  await expect(grid(page, 'xmc')).toBeVisible({ timeout: 20_000 });
  await cell(page, 'xmc', demo.store, 'Cải Viên', '2026-2030|MĐ1').click();
  await page.keyboard.press('x');
  await page.keyboard.press('Control+s');
  await expect(page.getByTestId('notice')).toContainText('Đã lưu');
  expect(stored(demo.store, 'xmc', 'Cải Viên', '2026-2030|MĐ1')).toBe('x');
});

test('in a cell being typed into, F6, Ctrl+F and Ctrl+S stay with the editor', async ({ demo, page }) => {
  await page.goto(`${demo.url}#/grid/pcgd-mn`);
  await expect(grid(page, 'pcgd-mn')).toBeVisible({ timeout: 20_000 });
  const text = cell(page, 'pcgd-mn', demo.store, 'Cải Viên', '2020/3 tuổi|Đánh giá');
  await text.dblclick();
  const editor = page.locator('.ag-popup-editor textarea');
  await expect(editor).toBeFocused();
  await page.keyboard.type('ab');
  await page.keyboard.press('F6');
  await page.keyboard.press('Shift+F6');
  await page.keyboard.press('Control+f');
  await page.keyboard.press('Control+s');
  await expect(editor).toBeFocused();
  await page.keyboard.type('cd');
  await page.keyboard.press('Enter');
  await expect.poll(() => stored(demo.store, 'pcgd-mn', 'Cải Viên', '2020/3 tuổi|Đánh giá')).toBe('abcd');
  await expect(page.getByTestId('commune-search')).not.toBeFocused();
  await expect(page.getByTestId('notice')).toHaveCount(0);

  // A mark cell's editor (a double click) keeps F6 too.
  await cell(page, 'pcgd-mn', demo.store, 'Cần Nông', '2020/4 tuổi|KĐ').dblclick();
  const inline = grid(page, 'pcgd-mn').locator('.ag-cell-inline-editing input');
  await expect(inline).toBeFocused();
  await page.keyboard.press('F6');
  await expect(inline).toBeFocused();
});
