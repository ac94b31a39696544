// The desktop menu's commands reach the page through window.appMenu (the preload's hook). Here a
// stand-in hook plays the menu, so the page's handling is tested in the browser host; the
// Electron suite clicks the real menu where the binary exists.
import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { expect, test } from './fixtures';
import { cell, failOnConsoleErrors, stored, totalCell, typeWithoutEnter as typeInCell, unitRows, goOnDespiteErrors } from './helpers';

failOnConsoleErrors();

const MN3_DAT = '2020/3 tuổi|Đạt';

test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => {
    const listeners: ((c: string) => void)[] = [];
    const w = window as unknown as { appMenu: unknown; menu(c: string): void };
    w.appMenu = {
      onCommand(cb: (c: string) => void) {
        listeners.push(cb);
        return () => listeners.splice(listeners.indexOf(cb), 1);
      },
    };
    w.menu = (c) => listeners.slice().forEach((cb) => cb(c));
  });
});

const menu = (page: import('@playwright/test').Page, c: string) => page.evaluate((x) => (window as unknown as { menu(c: string): void }).menu(x), c);

test('Chỉnh sửa › Hoàn tác and Làm lại step through the grid’s own history, as Ctrl+Z and Ctrl+Y do', async ({ demo, page }) => {
  await page.goto(`${demo.url}#/grid/pcgd-mn`);
  const c = cell(page, 'pcgd-mn', demo.store, 'Lương Thông', MN3_DAT);
  await c.click();
  await page.keyboard.press('Delete');
  await expect(totalCell(page, 'pcgd-mn', MN3_DAT)).toHaveText('18');
  await expect.poll(() => stored(demo.store, 'pcgd-mn', 'Lương Thông', MN3_DAT)).toBe('');

  await menu(page, 'undo');
  await expect(c).toHaveText('x');
  await expect(totalCell(page, 'pcgd-mn', MN3_DAT)).toHaveText('19');
  await expect.poll(() => stored(demo.store, 'pcgd-mn', 'Lương Thông', MN3_DAT)).toBe('x');

  await menu(page, 'redo');
  await expect(c).toHaveText('');
  await expect.poll(() => stored(demo.store, 'pcgd-mn', 'Lương Thông', MN3_DAT)).toBe('');
});

test('Hoàn tác while typing in the search box undoes the typing, not the grid', async ({ demo, page }) => {
  await page.goto(`${demo.url}#/grid/pcgd-mn`);
  const c = cell(page, 'pcgd-mn', demo.store, 'Lương Thông', MN3_DAT);
  await c.click();
  await page.keyboard.press('Delete');
  await expect.poll(() => stored(demo.store, 'pcgd-mn', 'Lương Thông', MN3_DAT)).toBe('');
  const search = page.getByPlaceholder(/Tìm xã/);
  await search.click();
  await page.keyboard.type('luong');
  await menu(page, 'undo');
  // The browser's own text undo (its steps are its own: part or all of the typing).
  await expect(search).not.toHaveValue('luong');
  await expect(c).toHaveText('');
  await expect.poll(() => stored(demo.store, 'pcgd-mn', 'Lương Thông', MN3_DAT)).toBe('');
});

test('Tệp › Xã đã gửi opens the completeness list', async ({ demo, page }) => {
  await page.goto(`${demo.url}#/grid/xmc`);
  // The menu is heard once the app is on screen (its code arrives after the page's load event).
  await expect(unitRows(page, 'xmc')).toHaveCount(21);
  await menu(page, 'completeness');
  await expect(page.getByTestId('completeness')).toBeVisible();
  await expect(page.getByTestId('completeness-counts')).toHaveText('Đã gửi 0/21');
});

test('Xem › Tổng quan, Cần theo dõi, Mục tiêu kế hoạch and Đơn vị hành chính open their pages for the district in view', async ({ demo, page }) => {
  await page.goto(`${demo.url}#/grid/xmc`);
  await expect(unitRows(page, 'xmc')).toHaveCount(21);
  const district = demo.store.districts()[0].id;
  for (const [command, testId, hash] of [
    ['overview', 'overview', `#/overview/${district}`],
    ['followUps', 'follow-up', `#/follow-up/${district}`],
    ['targets', 'targets-page', `#/targets/${district}`],
    ['units', 'units-page', '#/units'],
  ] as const) {
    await menu(page, command);
    await expect(page.getByTestId(testId)).toBeVisible();
    expect(new URL(page.url()).hash).toBe(hash);
  }
});

// The menu acts without the grid losing focus: the cell being typed into is committed first.
const TEXT_KEY = '2020/4 tuổi|Đánh giá';

const typeWithoutEnter = (page: import('@playwright/test').Page, store: Parameters<typeof cell>[2], text: string) =>
  typeInCell(page, 'pcgd-mn', store, 'Cải Viên', TEXT_KEY, text);

test('Tệp › Xuất báo cáo Excel while a Đánh giá is still being typed exports the text', async ({ demo, page }) => {
  await page.goto(`${demo.url}#/grid/pcgd-mn`);
  await typeWithoutEnter(page, demo.store, 'Theo menu');
  const downloading = page.waitForEvent('download');
  await menu(page, 'export');
  await goOnDespiteErrors(page);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await readFile((await (await downloading).path())!)) as unknown as ExcelJS.Buffer);
  const texts: string[] = [];
  wb.getWorksheet('Phụ lục 2')!.eachRow((row) => {
    const cells: string[] = [];
    row.eachCell((c) => cells.push(String(c.text ?? '')));
    if (cells.includes('Cải Viên')) texts.push(...cells);
  });
  expect(texts).toContain('Theo menu');
  expect(stored(demo.store, 'pcgd-mn', 'Cải Viên', TEXT_KEY)).toBe('Theo menu');
});

test('Tệp › Xã đã gửi while a Đánh giá is still being typed stores the text before leaving the grid', async ({ demo, page }) => {
  await page.goto(`${demo.url}#/grid/pcgd-mn`);
  await typeWithoutEnter(page, demo.store, 'Rời biểu');
  await menu(page, 'completeness');
  await expect(page.getByTestId('completeness')).toBeVisible();
  await expect.poll(() => stored(demo.store, 'pcgd-mn', 'Cải Viên', TEXT_KEY)).toBe('Rời biểu');
});
