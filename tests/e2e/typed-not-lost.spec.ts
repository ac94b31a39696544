// Nothing typed is lost (issue 8, item 6): export, sending forms, navigation, reloading and
// closing the page first commit the cell being typed into and store every edit asked for.
import { readFile } from 'node:fs/promises';
import type { Download, Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { expect, test } from './fixtures';
import { cell, failOnConsoleErrors, stored, typeWithoutEnter as typeInCell, unitRows, goOnDespiteErrors } from './helpers';

failOnConsoleErrors();

const TEXT_KEY = '2020/4 tuổi|Đánh giá';

/** Every shown text of a sheet's row that names the unit. */
function rowTexts(wb: ExcelJS.Workbook, sheet: string, unit: string): string[] {
  const ws = wb.getWorksheet(sheet);
  if (!ws) throw new Error(`no sheet ${sheet}`);
  let found: string[] = [];
  ws.eachRow((row) => {
    const texts: string[] = [];
    row.eachCell((c) => texts.push(String(c.text ?? '')));
    if (texts.includes(unit)) found = texts;
  });
  return found;
}

async function workbookOf(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return wb;
}

const bytesOf = async (d: Download) => readFile((await d.path())!);

/** Starts typing into Cải Viên's Đánh giá of Phụ lục 2 and leaves the editor open (no Enter). */
const typeWithoutEnter = (page: Page, store: Parameters<typeof cell>[2], text: string) => typeInCell(page, 'pcgd-mn', store, 'Cải Viên', TEXT_KEY, text);

test('"Xuất báo cáo Excel" while a Đánh giá cell is still being typed: the exported workbook holds the text', async ({ demo, page }) => {
  await page.goto(`${demo.url}#/grid/pcgd-mn`);
  await typeWithoutEnter(page, demo.store, 'Gõ dở khi xuất');
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Xuất báo cáo Excel' }).click();
  await goOnDespiteErrors(page);
  const wb = await workbookOf(await bytesOf(await downloading));
  expect(rowTexts(wb, 'Phụ lục 2', 'Cải Viên')).toContain('Gõ dở khi xuất');
  expect(stored(demo.store, 'pcgd-mn', 'Cải Viên', TEXT_KEY)).toBe('Gõ dở khi xuất');
});

test('"Gửi biểu cho các xã" while a Đánh giá cell is still being typed: the commune’s form holds the text', async ({ demo, page }) => {
  await page.goto(`${demo.url}#/grid/pcgd-mn`);
  await typeWithoutEnter(page, demo.store, 'Gõ dở khi gửi biểu');
  const downloading = page.waitForEvent('download');
  await page.getByTestId('send-forms').click();
  await goOnDespiteErrors(page);
  const zip = await JSZip.loadAsync(await bytesOf(await downloading));
  const form = await workbookOf(await zip.file('Cai_Vien.xlsx')!.async('nodebuffer'));
  expect(rowTexts(form, 'Phụ lục 2', 'Cải Viên')).toContain('Gõ dở khi gửi biểu');
});

test('a mark, then a Đánh giá still in edit when another grid is opened from the tree: both are stored', async ({ demo, page }) => {
  await page.goto(`${demo.url}#/grid/pcgd-mn`);
  const mark = cell(page, 'pcgd-mn', demo.store, 'Cần Nông', '2020/4 tuổi|KĐ');
  await mark.click();
  await page.keyboard.press('x');
  await expect(mark).toHaveText('x');
  await typeWithoutEnter(page, demo.store, 'Chuyển biểu');
  await page.getByTestId('unit-tree').getByRole('link', { name: /^Phụ lục 1 –/ }).click();
  await expect(unitRows(page, 'xmc')).toHaveCount(21);
  await expect.poll(() => stored(demo.store, 'pcgd-mn', 'Cải Viên', TEXT_KEY)).toBe('Chuyển biểu');
  expect(stored(demo.store, 'pcgd-mn', 'Cần Nông', '2020/4 tuổi|KĐ')).toBe('x');
  // Back on the grid, the text is what it shows.
  await page.getByTestId('unit-tree').getByRole('link', { name: /^Phụ lục 2 –/ }).click();
  await expect(cell(page, 'pcgd-mn', demo.store, 'Cải Viên', TEXT_KEY)).toHaveText('Chuyển biểu');
});

test('a Đánh giá still in edit when the browser goes Back to the previous grid: stored and shown', async ({ demo, page }) => {
  await page.goto(`${demo.url}#/grid/xmc`);
  await expect(unitRows(page, 'xmc')).toHaveCount(21);
  await page.getByTestId('unit-tree').getByRole('link', { name: /^Phụ lục 2 –/ }).click();
  await typeWithoutEnter(page, demo.store, 'Quay lại');
  // Back changes the route without the grid losing focus first.
  await page.goBack();
  await expect(unitRows(page, 'xmc')).toHaveCount(21);
  await expect.poll(() => stored(demo.store, 'pcgd-mn', 'Cải Viên', TEXT_KEY)).toBe('Quay lại');
  await page.goForward();
  await expect(cell(page, 'pcgd-mn', demo.store, 'Cải Viên', TEXT_KEY)).toHaveText('Quay lại');
});

test('a Đánh giá still in edit when the list of sent forms is opened: stored', async ({ demo, page }) => {
  await page.goto(`${demo.url}#/grid/pcgd-mn`);
  await typeWithoutEnter(page, demo.store, 'Sang trang khác');
  await page.getByTestId('show-completeness').click();
  await expect(page.getByTestId('completeness-counts')).toBeVisible();
  await expect.poll(() => stored(demo.store, 'pcgd-mn', 'Cải Viên', TEXT_KEY)).toBe('Sang trang khác');
});

test('marks typed faster than they are stored, then a reload 50 ms after the last keystroke: every mark is there after the reload, and in the database', async ({ demo, page }) => {
  await page.goto(`${demo.url}#/grid/xmc`);
  // The first six communes: none holds this mark in the demo.
  const communes = demo.store
    .listUnits()
    .filter((u) => u.kind === 'xa')
    .sort((a, b) => a.id - b.id)
    .slice(0, 6)
    .map((u) => u.name);
  const key = '2021-2025|MĐ1';
  const before = communes.map((c) => stored(demo.store, 'xmc', c, key));
  expect(before.every((v) => v === ''), JSON.stringify(before)).toBe(true);
  // A busy disk: the first mark is stored but its answer is slow, so the next ones wait their
  // turn in the page (saves go one after another) when the page reloads.
  let release = () => {};
  const held = new Promise<void>((ok) => (release = ok));
  const setCells = demo.api.setCells.bind(demo.api);
  let calls = 0;
  demo.api.setCells = async (input) => {
    const r = await setCells(input);
    if (calls++ === 0) await held;
    return r;
  };
  try {
    await cell(page, 'xmc', demo.store, communes[0], key).click();
    // x marks the cell, ArrowDown moves down: one save per mark.
    for (let i = 0; i < communes.length; i++) {
      await page.keyboard.press('x');
      if (i < communes.length - 1) await page.keyboard.press('ArrowDown');
    }
    await expect(cell(page, 'xmc', demo.store, communes.at(-1)!, key)).toHaveText('x');
    await page.waitForTimeout(50);
    await page.reload();
    // The page loads anew (slow on a busy machine): its grid, then its cells.
    await expect(unitRows(page, 'xmc')).toHaveCount(21, { timeout: 30_000 });
    for (const c of communes) await expect(cell(page, 'xmc', demo.store, c, key), c).toHaveText('x');
    for (const c of communes) expect(stored(demo.store, 'xmc', c, key), c).toBe('x');
  } finally {
    release();
  }
});

test('a Đánh giá typed and a reload 50 ms after the last keystroke, without Enter: the text is there after the reload', async ({ demo, page }) => {
  await page.goto(`${demo.url}#/grid/pcgd-mn`);
  await typeWithoutEnter(page, demo.store, 'Tải lại ngay');
  await page.waitForTimeout(50);
  await page.reload();
  await expect(unitRows(page, 'pcgd-mn')).toHaveCount(21, { timeout: 30_000 });
  await expect(cell(page, 'pcgd-mn', demo.store, 'Cải Viên', TEXT_KEY)).toHaveText('Tải lại ngay');
  expect(stored(demo.store, 'pcgd-mn', 'Cải Viên', TEXT_KEY)).toBe('Tải lại ngay');
});

test('a Đánh giá cell mid-edit when the page is closed: stored', async ({ demo, page }) => {
  await page.goto(`${demo.url}#/grid/pcgd-mn`);
  await typeWithoutEnter(page, demo.store, 'Khi đóng cửa sổ');
  await page.close({ runBeforeUnload: true });
  await expect.poll(() => stored(demo.store, 'pcgd-mn', 'Cải Viên', TEXT_KEY)).toBe('Khi đóng cửa sổ');
});

/**
 * Printing as the browser does it, recorded: window.print fires beforeprint, the printed sheet
 * (PrintSheet) is read while it is on the page, then afterprint.
 */
async function recordPrints(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const sheets: string[] = [];
    (window as unknown as { printedSheets: string[] }).printedSheets = sheets;
    window.print = () => {
      window.dispatchEvent(new Event('beforeprint'));
      sheets.push(document.querySelector('[data-testid="print-sheet"]')?.textContent ?? '(không có trang in)');
      window.dispatchEvent(new Event('afterprint'));
    };
  });
}

const printedSheets = (page: Page) => page.evaluate(() => (window as unknown as { printedSheets: string[] }).printedSheets);

test('Ctrl+P while a Đánh giá cell is still being typed: printed once, the printed page holds the text, stored and shown', async ({ demo, page }) => {
  await recordPrints(page);
  await page.goto(`${demo.url}#/grid/pcgd-mn`);
  await typeWithoutEnter(page, demo.store, 'Gõ dở khi in');
  await page.keyboard.press('Control+P');
  await expect.poll(async () => (await printedSheets(page)).length).toBe(1);
  expect((await printedSheets(page))[0]).toContain('Gõ dở khi in');
  await expect.poll(() => stored(demo.store, 'pcgd-mn', 'Cải Viên', TEXT_KEY)).toBe('Gõ dở khi in');
  await expect(cell(page, 'pcgd-mn', demo.store, 'Cải Viên', TEXT_KEY)).toHaveText('Gõ dở khi in');
});

test('"In biểu" while a Đánh giá cell is still being typed: the printed page holds the text, stored and shown', async ({ demo, page }) => {
  await recordPrints(page);
  await page.goto(`${demo.url}#/grid/pcgd-mn`);
  await typeWithoutEnter(page, demo.store, 'Gõ dở, bấm In biểu');
  await page.getByTestId('print').click();
  await expect.poll(async () => (await printedSheets(page)).length).toBe(1);
  expect((await printedSheets(page))[0]).toContain('Gõ dở, bấm In biểu');
  await expect.poll(() => stored(demo.store, 'pcgd-mn', 'Cải Viên', TEXT_KEY)).toBe('Gõ dở, bấm In biểu');
  await expect(cell(page, 'pcgd-mn', demo.store, 'Cải Viên', TEXT_KEY)).toHaveText('Gõ dở, bấm In biểu');
});

test('the browser’s own printing (its menu: beforeprint with no click in the page) while a Đánh giá cell is still being typed: printed with the text, stored', async ({ demo, page }) => {
  await page.goto(`${demo.url}#/grid/pcgd-mn`);
  await typeWithoutEnter(page, demo.store, 'In từ trình duyệt');
  const sheet = await page.evaluate(() => {
    window.dispatchEvent(new Event('beforeprint'));
    const text = document.querySelector('[data-testid="print-sheet"]')?.textContent ?? '';
    window.dispatchEvent(new Event('afterprint'));
    return text;
  });
  expect(sheet).toContain('In từ trình duyệt');
  await expect.poll(() => stored(demo.store, 'pcgd-mn', 'Cải Viên', TEXT_KEY)).toBe('In từ trình duyệt');
  await expect(cell(page, 'pcgd-mn', demo.store, 'Cải Viên', TEXT_KEY)).toHaveText('In từ trình duyệt');
});

test('"Lưu PDF" and the desktop menu’s In biểu (its Ctrl+P) while a Đánh giá cell is still being typed: the sheet printed holds the text, stored', async ({ demo, page }) => {
  // The preload's window.appPrint and window.appMenu, recorded: the sheet on the page when the
  // PDF is asked for, and a menu command sent as the main process sends it.
  await recordPrints(page);
  await page.addInitScript(() => {
    const pdfSheets: string[] = [];
    const menu = new Set<(c: string) => void>();
    const w = window as unknown as Record<string, unknown>;
    w.pdfSheets = pdfSheets;
    w.sendMenu = (c: string) => menu.forEach((cb) => cb(c));
    w.appMenu = { onCommand: (cb: (c: string) => void) => (menu.add(cb), () => menu.delete(cb)) };
    w.appPrint = {
      savePdf: async () => {
        pdfSheets.push(document.querySelector('[data-testid="print-sheet"]')?.textContent ?? '(không có trang in)');
        return { saved: true, path: 'C:\\bieu.pdf' };
      },
    };
  });
  await page.goto(`${demo.url}#/grid/pcgd-mn`);
  await typeWithoutEnter(page, demo.store, 'Gõ dở, Lưu PDF');
  await page.getByTestId('save-pdf').click();
  await expect(page.getByText('Đã lưu tệp PDF tại C:\\bieu.pdf.')).toBeVisible();
  const pdfSheets = () => page.evaluate(() => (window as unknown as { pdfSheets: string[] }).pdfSheets);
  expect(await pdfSheets()).toHaveLength(1);
  expect((await pdfSheets())[0]).toContain('Gõ dở, Lưu PDF');
  await expect.poll(() => stored(demo.store, 'pcgd-mn', 'Cải Viên', TEXT_KEY)).toBe('Gõ dở, Lưu PDF');

  // The menu's In biểu: the accelerator is the main process's, the page gets the command.
  await typeWithoutEnter(page, demo.store, 'Gõ dở, menu In biểu');
  await page.evaluate(() => (window as unknown as { sendMenu: (c: string) => void }).sendMenu('print'));
  await expect.poll(async () => (await printedSheets(page)).length).toBe(1);
  expect((await printedSheets(page))[0]).toContain('Gõ dở, menu In biểu');
  await expect.poll(() => stored(demo.store, 'pcgd-mn', 'Cải Viên', TEXT_KEY)).toBe('Gõ dở, menu In biểu');
  await expect(cell(page, 'pcgd-mn', demo.store, 'Cải Viên', TEXT_KEY)).toHaveText('Gõ dở, menu In biểu');
});
