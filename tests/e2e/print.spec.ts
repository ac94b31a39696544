// Printing a grid (issue 11, item 6): "In biểu" prints the grid on A4 landscape, as wide as the
// page, with the header rows on every page, and the cell being typed into included. Rendered to
// PDF by headless Chromium (page.pdf, the print media and the page's own @page size) and read
// back with poppler's pdfinfo / pdftotext.
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test, SCREENS_DIR } from './fixtures';
import { cell, failOnConsoleErrors, grid } from './helpers';

failOnConsoleErrors();

/** Renders the page as printed, with the size its @page asks for. */
async function printToPdf(page: Page, file: string): Promise<void> {
  await page.pdf({ path: file, preferCSSPageSize: true });
}

function pdfInfo(file: string): { pages: number; width: number; height: number } {
  const out = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  const size = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(out)!;
  return { pages: Number(/Pages:\s+(\d+)/.exec(out)![1]), width: Number(size[1]), height: Number(size[2]) };
}

function pageText(file: string, n: number): string {
  return execFileSync('pdftotext', ['-f', String(n), '-l', String(n), '-layout', file, '-'], { encoding: 'utf8' });
}

/** A page's words in reading order, one space between (a header wrapped on two lines reads as one). */
function pageWords(file: string, n: number): string {
  return execFileSync('pdftotext', ['-f', String(n), '-l', String(n), file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

/** The right edge of the rightmost word on a page, in points (pdftotext's word boxes). */
function rightmostWord(file: string, n: number): number {
  const html = execFileSync('pdftotext', ['-f', String(n), '-l', String(n), '-bbox', file, '-'], { encoding: 'utf8' });
  return Math.max(...[...html.matchAll(/xMax="([\d.]+)"/g)].map((m) => Number(m[1])));
}

const A4_LONG = 841.89;
const A4_SHORT = 595.28;

test('In biểu: a district of 70 communes prints on A4 landscape pages, each with the header rows, as wide as the page', async ({ host, page }, testInfo) => {
  const communes = Array.from({ length: 70 }, (_, i) => `Xã Thử ${i + 1}`);
  await host.api.createDistrict({ name: 'Thử In', communes });
  // Printing is asked for through the browser's dialog; the test counts the asks and prints itself.
  await page.addInitScript(() => {
    (window as unknown as { printed: number }).printed = 0;
    window.print = () => void (window as unknown as { printed: number }).printed++;
  });
  await page.goto(`${host.url}#/grid/pcgd-mn`);
  await expect(grid(page, 'pcgd-mn')).toBeVisible({ timeout: 20_000 });

  // A Đánh giá still being typed into is printed too.
  const text = cell(page, 'pcgd-mn', host.store, 'Xã Thử 2', '2020/3 tuổi|Đánh giá');
  await text.dblclick();
  await page.keyboard.type('Đạt chuẩn mức độ 1');
  await page.getByTestId('print').click();
  await expect.poll(() => page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
  // The sheet exists only while printing (a country's grid would cost every keystroke).
  await expect(page.getByTestId('print-sheet')).toHaveCount(0);

  const file = testInfo.outputPath('phu-luc-2.pdf');
  await printToPdf(page, file);
  const info = pdfInfo(file);
  expect(info.width).toBeCloseTo(A4_LONG, 0);
  expect(info.height).toBeCloseTo(A4_SHORT, 0);
  expect(info.pages).toBeGreaterThanOrEqual(2);
  await expect(page.getByTestId('print-sheet')).toHaveCount(0);

  const first = pageText(file, 1);
  expect(first).toContain('PHỤ LỤC 2 – PHỔ CẬP GIÁO DỤC MẦM NON');
  expect(first).toContain('Đạt chuẩn mức độ 1');
  expect(first).toMatch(/^\s*1\s+Xã Thử 1$/m);
  for (let n = 1; n <= info.pages; n++) {
    const text = pageWords(file, n);
    // The header rows again on every page: the name column, the ages, the periods and their marks.
    for (const head of ['STT', 'Tên đơn vị (xã/thị trấn)', 'Trẻ em 5 tuổi', '2021-2025', '2026-2030', 'Đánh giá', 'KĐ']) expect(text, `trang ${n}`).toContain(head);
    expect(text, `trang ${n}`).toContain(`Trang ${n}/${info.pages}`);
    // Nothing runs off the right edge (the widest header is the last period's).
    expect(rightmostWord(file, n)).toBeLessThan(A4_LONG - 10);
  }
  const last = pageText(file, info.pages);
  expect(last).toContain('Xã Thử 70');
  expect(last).toContain('Tổng toàn huyện');
  // The app around the grid is not printed.
  expect(first).not.toContain('Nhập tệp Excel');
  expect(first).not.toContain('Kiểm tra biểu');
});

test('the completeness list still prints portrait (the grid’s landscape page is its own)', async ({ demo, page }, testInfo) => {
  await page.goto(`${demo.url}#/completeness`);
  await expect(page.getByTestId('unit-tree')).toBeVisible();
  await expect(page.locator('.completeness-table')).toBeVisible();
  const file = testInfo.outputPath('completeness.pdf');
  await printToPdf(page, file);
  const info = pdfInfo(file);
  expect(info.width).toBeCloseTo(A4_SHORT, 0);
  expect(info.height).toBeCloseTo(A4_LONG, 0);
});

test('Phụ lục 2 of Hà Quảng as printed: one page image for the docs', async ({ demo, page }, testInfo) => {
  await page.goto(`${demo.url}#/grid/pcgd-mn`);
  await expect(grid(page, 'pcgd-mn')).toBeVisible({ timeout: 20_000 });
  const file = testInfo.outputPath('phu-luc-2-ha-quang.pdf');
  await printToPdf(page, file);
  expect(pdfInfo(file).width).toBeCloseTo(A4_LONG, 0);
  const text = pageText(file, 1);
  expect(text).toContain('Lương Thông');
  expect(text).toContain('Huyện Hà Quảng');
  const dir = SCREENS_DIR;
  mkdirSync(dir, { recursive: true });
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', file, join(dir, 'print-phu-luc-2')]);
});

test('Lưu PDF (desktop app): asks the main process with the grid’s title while the printed sheet is on the page, then says where it was saved', async ({ demo, page }) => {
  // The preload's window.appPrint, recorded: what it is asked, and whether the sheet was there to print.
  await page.addInitScript(() => {
    const calls: { title: string; sheet: string }[] = [];
    (window as unknown as { pdfCalls: typeof calls }).pdfCalls = calls;
    (window as unknown as { appPrint: unknown }).appPrint = {
      savePdf: async ({ title }: { title: string }) => {
        calls.push({ title, sheet: document.querySelector('.print-sheet h1')?.textContent ?? '' });
        return { saved: true, path: 'C:\\Users\\can-bo\\Phu_Luc_2_Huyen_Ha_Quang.pdf' };
      },
    };
  });
  await page.goto(`${demo.url}#/grid/pcgd-mn`);
  await expect(grid(page, 'pcgd-mn')).toBeVisible({ timeout: 20_000 });
  await page.getByTestId('save-pdf').click();
  await expect(page.getByText('Đã lưu tệp PDF tại C:\\Users\\can-bo\\Phu_Luc_2_Huyen_Ha_Quang.pdf.')).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { pdfCalls: unknown[] }).pdfCalls)).toEqual([
    { title: 'Phụ lục 2 – Huyện Hà Quảng', sheet: 'Phụ lục 2 – Phổ cập giáo dục mầm non' },
  ]);
  await expect(page.getByTestId('print-sheet')).toHaveCount(0);
});

test('a phường office: the grid’s total row, the line under it and the printed sheet say "phường", not "xã"', async ({ host, page }, testInfo) => {
  await host.api.createOffice({ kind: 'phuong', name: 'Phường Sông Hiến', rows: ['Tổ 1', 'Tổ 2', 'Tổ 3'] });
  await page.goto(`${host.url}#/grid/pcgd-mn`);
  await expect(grid(page, 'pcgd-mn')).toBeVisible({ timeout: 20_000 });
  const total = grid(page, 'pcgd-mn').locator('.ag-row.row-total');
  await expect(total).toContainText('Tổng toàn phường');
  await expect(total).not.toContainText('Tổng toàn xã');
  await expect(page.getByTestId('rollup')).toContainText('Mức đạt của phường:');
  const file = testInfo.outputPath('phuong.pdf');
  await printToPdf(page, file);
  const text = pageWords(file, 1);
  expect(text).toContain('Tổng toàn phường');
  expect(text).not.toContain('Tổng toàn xã');
});
