// Editing a grid: the acceptance flow, keyboard, paste as one undo step, problems panel.
import { expect, test } from './fixtures';
import { cell, countSaves, failOnConsoleErrors, focusedCell, grid, paste, stored, totalCell, unitId } from './helpers';

failOnConsoleErrors();

const MN3_DAT = '2020/3 tuổi|Đạt';
const MN3_KD = '2020/3 tuổi|KĐ';

test('acceptance: clearing Lương Thông\'s 3-year-old Đạt fixes the error, updates totals, is stored, Ctrl+Z restores', async ({ demo, page }, testInfo) => {
  await page.goto(`${demo.url}#/grid/pcgd-mn`);
  const problems = page.getByTestId('problems');
  // The stored demo grid: one error (Lương Thông marked both Đạt and KĐ), 19 Đạt.
  await expect(problems).toHaveAttribute('data-count-error', '1');
  await expect(totalCell(page, 'pcgd-mn', MN3_DAT)).toHaveText('19');

  await grid(page, 'pcgd-mn').locator('.ag-cell[col-id="name"]', { hasText: 'Lương Thông' }).click();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Delete');

  await expect(problems).toHaveAttribute('data-count-error', '0');
  await expect(totalCell(page, 'pcgd-mn', MN3_DAT)).toHaveText('18');
  await expect(totalCell(page, 'pcgd-mn', MN3_KD)).toHaveText('3');
  await expect(cell(page, 'pcgd-mn', demo.store, 'Lương Thông', MN3_DAT)).toHaveText('');
  await expect.poll(() => stored(demo.store, 'pcgd-mn', 'Lương Thông', MN3_DAT)).toBe('');
  await expect(page.getByTestId('save-state')).toHaveText(/^Đã lưu lúc \d{2}:\d{2}:\d{2}$/);
  await page.screenshot({ path: testInfo.outputPath('after-delete.png') });

  await page.keyboard.press('Control+z');
  await expect(problems).toHaveAttribute('data-count-error', '1');
  await expect(totalCell(page, 'pcgd-mn', MN3_DAT)).toHaveText('19');
  await expect(cell(page, 'pcgd-mn', demo.store, 'Lương Thông', MN3_DAT)).toHaveText('x');
  await expect.poll(() => stored(demo.store, 'pcgd-mn', 'Lương Thông', MN3_DAT)).toBe('x');
});

test('keyboard on mark cells: x, X, Space toggles, Delete and Backspace clear; each is stored', async ({ demo, page }) => {
  await page.goto(`${demo.url}#/grid/xmc`);
  const c = cell(page, 'xmc', demo.store, 'Cải Viên', '2020|MĐ1');
  const problems = page.getByTestId('problems');
  await c.click();
  await expect(c).toHaveText('');
  await expect(problems).toHaveAttribute('data-count-error', '0');

  await page.keyboard.press('x');
  await expect(c).toHaveText('x');
  // Cải Viên already holds MĐ2 for 2020: two marks in one group.
  await expect(problems).toHaveAttribute('data-count-error', '1');
  await expect(c).toHaveClass(/cell-error/);
  await expect(c).toHaveAttribute('title', /Cải Viên.*nhiều mức/);
  await expect.poll(() => stored(demo.store, 'xmc', 'Cải Viên', '2020|MĐ1')).toBe('x');

  await page.keyboard.press('Space');
  await expect(c).toHaveText('');
  await expect.poll(() => stored(demo.store, 'xmc', 'Cải Viên', '2020|MĐ1')).toBe('');
  await page.keyboard.press('Space');
  await expect(c).toHaveText('x');
  await page.keyboard.press('Backspace');
  await expect(c).toHaveText('');
  await page.keyboard.press('Shift+X');
  await expect(c).toHaveText('x');
  await expect.poll(() => stored(demo.store, 'xmc', 'Cải Viên', '2020|MĐ1')).toBe('x');
  await page.keyboard.press('Delete');
  await expect(c).toHaveText('');
  await expect.poll(() => stored(demo.store, 'xmc', 'Cải Viên', '2020|MĐ1')).toBe('');
  await expect(problems).toHaveAttribute('data-count-error', '0');

  // Clearing the commune's only 2020 mark: a warning (mark.missing), amber.
  const md2 = cell(page, 'xmc', demo.store, 'Cải Viên', '2020|MĐ2');
  await md2.click();
  await page.keyboard.press('Delete');
  await expect(problems).toHaveAttribute('data-count-warning', '1');
  await expect(c).toHaveClass(/cell-warning/);
  await expect(totalCell(page, 'xmc', '2020|MĐ2')).toHaveText('14');
  // Ctrl+Y redoes after an undo; Ctrl+Shift+Z too.
  await page.keyboard.press('Control+z');
  await expect(md2).toHaveText('x');
  await page.keyboard.press('Control+y');
  await expect(md2).toHaveText('');
  await page.keyboard.press('Control+z');
  await expect(md2).toHaveText('x');
  await page.keyboard.press('Control+Shift+Z');
  await expect(md2).toHaveText('');
  await expect.poll(() => stored(demo.store, 'xmc', 'Cải Viên', '2020|MĐ2')).toBe('');

  // Enter moves down from a mark cell (Shift+Enter up), as in Excel; arrows and Tab move too.
  await c.click();
  await page.keyboard.press('Enter');
  expect(await focusedCell(page)).toEqual({ row: `u${unitId(demo.store, 'Cần Nông')}`, col: '2020|MĐ1' });
  await page.keyboard.press('Tab');
  expect(await focusedCell(page)).toEqual({ row: `u${unitId(demo.store, 'Cần Nông')}`, col: '2020|MĐ2' });
  await page.keyboard.press('Shift+Enter');
  expect(await focusedCell(page)).toEqual({ row: `u${unitId(demo.store, 'Cải Viên')}`, col: '2020|MĐ2' });
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  expect(await focusedCell(page)).toEqual({ row: `u${unitId(demo.store, 'Cần Yên')}`, col: '2020|MĐ2' });
});

test('Đánh giá cells take typed text (typing, F2, Enter moves down), also on the total row', async ({ demo, page }) => {
  await page.goto(`${demo.url}#/grid/pcgd-mn`);
  const key = '2020/4 tuổi|Đánh giá';
  const first = cell(page, 'pcgd-mn', demo.store, 'Cải Viên', key);
  await first.click();
  // Typing starts editing; Enter stores and moves down.
  await page.keyboard.type('KĐ');
  await page.keyboard.press('Enter');
  await expect(first).toHaveText('KĐ');
  await expect.poll(() => stored(demo.store, 'pcgd-mn', 'Cải Viên', key)).toBe('KĐ');
  expect(await focusedCell(page)).toEqual({ row: `u${unitId(demo.store, 'Cần Nông')}`, col: key });

  // F2 edits the focused cell.
  await page.keyboard.press('F2');
  await page.keyboard.type('Đạt chuẩn');
  await page.keyboard.press('Enter');
  await expect(cell(page, 'pcgd-mn', demo.store, 'Cần Nông', key)).toHaveText('Đạt chuẩn');
  await expect.poll(() => stored(demo.store, 'pcgd-mn', 'Cần Nông', key)).toBe('Đạt chuẩn');

  // Delete clears a text cell in one step.
  await first.click();
  await page.keyboard.press('Delete');
  await expect(first).toHaveText('');
  await expect.poll(() => stored(demo.store, 'pcgd-mn', 'Cải Viên', key)).toBe('');

  // The total row's Đánh giá is the district's own text.
  const total = totalCell(page, 'pcgd-mn', key);
  await total.click();
  await page.keyboard.press('Enter');
  await page.keyboard.type('Đạt');
  await page.keyboard.press('Enter');
  await expect(total).toHaveText('Đạt');
  const district = unitId(demo.store, 'Hà Quảng');
  await expect.poll(() => demo.store.getValues(demo.store.listReports().find((r) => r.template === 'pcgd-mn')!.id).get(district)?.[key]).toBe('Đạt');
  // Mark counts on the total row are computed: typing there changes nothing.
  const count = totalCell(page, 'pcgd-mn', '2020/4 tuổi|Đạt');
  await count.click();
  await page.keyboard.press('x');
  await page.keyboard.press('Delete');
  await expect(count).toHaveText('21');
});

test('paste of a 3 × 4 block is one save and one undo step', async ({ demo, page }) => {
  await page.goto(`${demo.url}#/grid/xmc`);
  const saves = countSaves(page);
  const cols = ['2020|MĐ1', '2020|MĐ2', '2021-2025|MĐ1', '2021-2025|MĐ2'];
  const units = ['Cải Viên', 'Cần Nông', 'Cần Yên'];
  const before = units.map((u) => cols.map((k) => stored(demo.store, 'xmc', u, k)));
  expect(before).toEqual([
    ['', 'x', '', 'x'],
    ['x', '', '', 'x'],
    ['', 'x', '', 'x'],
  ]);
  // Every cell flips; marks arrive as x, X and ×; a trailing line break is ignored.
  const block = 'X\t\tx\t\r\n\tx\t×\t\r\nx\t \tX\t\r\n';
  const after = [
    ['x', '', 'x', ''],
    ['', 'x', 'x', ''],
    ['x', '', 'x', ''],
  ];

  await cell(page, 'xmc', demo.store, 'Cải Viên', '2020|MĐ1').click();
  await paste(page, block);
  for (const [i, u] of units.entries())
    for (const [j, k] of cols.entries()) await expect(cell(page, 'xmc', demo.store, u, k)).toHaveText(after[i][j]);
  await expect.poll(() => units.map((u) => cols.map((k) => stored(demo.store, 'xmc', u, k)))).toEqual(after);
  expect(saves.count).toBe(1);
  await expect(page.getByTestId('save-state')).toHaveText(/^Đã lưu lúc/);

  await page.keyboard.press('Control+z');
  for (const [i, u] of units.entries())
    for (const [j, k] of cols.entries()) await expect(cell(page, 'xmc', demo.store, u, k)).toHaveText(before[i][j]);
  await expect.poll(() => units.map((u) => cols.map((k) => stored(demo.store, 'xmc', u, k)))).toEqual(before);
  expect(saves.count).toBe(2);
});

test('paste skips STT and name columns and keeps other text as typed (flagged, never refused)', async ({ demo, page }) => {
  await page.goto(`${demo.url}#/grid/xmc`);
  // From the name column: the first pasted cell falls on the name and is dropped, not shifted.
  await cell(page, 'xmc', demo.store, 'Lương Thông', 'name').click();
  await paste(page, 'Tên khác\t2\tx\n');
  await expect(cell(page, 'xmc', demo.store, 'Lương Thông', 'name')).toHaveText('Lương Thông');
  await expect(cell(page, 'xmc', demo.store, 'Lương Thông', '2020|MĐ1')).toHaveText('2');
  await expect(cell(page, 'xmc', demo.store, 'Lương Thông', '2020|MĐ2')).toHaveText('x');
  await expect.poll(() => stored(demo.store, 'xmc', 'Lương Thông', '2020|MĐ1')).toBe('2');
  const invalid = page.getByTestId('problems').locator('[data-rule="value.invalid"]');
  await expect(invalid).toHaveCount(1);
  await expect(cell(page, 'xmc', demo.store, 'Lương Thông', '2020|MĐ1')).toHaveClass(/cell-error/);
});

test('clicking a finding moves focus to its cell', async ({ demo, page }) => {
  await page.goto(`${demo.url}#/grid/pcgd-mn`);
  const finding = page.getByTestId('problems').locator('button.finding');
  await expect(finding).toHaveCount(1);
  await expect(finding).toHaveText(/Lương Thông/);
  await cell(page, 'pcgd-mn', demo.store, 'Cải Viên', 'name').click();
  await finding.click();
  expect(await focusedCell(page)).toEqual({ row: `u${unitId(demo.store, 'Lương Thông')}`, col: MN3_DAT });

  // A warning far down the grid: the grid scrolls to it.
  await page.goto(`${demo.url}#/grid/xmc`);
  await cell(page, 'xmc', demo.store, 'Đa Thông', '2026-2030|MĐ2').click();
  await page.keyboard.press('Delete');
  const warning = page.getByTestId('problems').locator('.sev-warning button.finding');
  await expect(warning).toHaveCount(1);
  await cell(page, 'xmc', demo.store, 'Cải Viên', 'name').click();
  await warning.click();
  expect(await focusedCell(page)).toEqual({ row: `u${unitId(demo.store, 'Đa Thông')}`, col: '2026-2030|MĐ1' });
  // The focused cell takes keys at once: the warning is fixed from the keyboard.
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('x');
  await expect(page.getByTestId('problems')).toHaveAttribute('data-count-warning', '0');
});
