// Import (preview first, nothing stored until accepted, then a summary) and export (a download of the official workbook).
import ExcelJS from 'exceljs';
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, ROOT, test } from './fixtures';
import { cell, failOnConsoleErrors, stored, unitRows, goOnDespiteErrors } from './helpers';

failOnConsoleErrors();

const SAMPLE = join(ROOT, 'tests', 'fixtures', 'huyen-mau-phu-luc.xlsx');

test('import: the preview lists changes and findings, stores nothing; "Nhập 1 tệp đã chọn" stores the 12 communes', async ({ host, page }, testInfo) => {
  await page.goto(host.url);
  await expect(page.getByTestId('first-run')).toBeVisible();

  // First look, then cancel: nothing stored.
  await page.getByTestId('import-input').setInputFiles(SAMPLE);
  const dialog = page.getByTestId('import-dialog');
  await expect(dialog.getByTestId('import-file')).toHaveAttribute('data-status', 'ok', { timeout: 20_000 });
  // The preview's own "Hủy" (close): while the batch is still checking, a "Hủy" stops the check
  // instead, and the dialog stays (the file's row can be "ok" a moment before the phase ends).
  await expect(dialog).toHaveAttribute('data-phase', 'preview');
  await page.getByRole('button', { name: 'Hủy' }).click();
  await expect(dialog).toBeHidden();
  expect(host.store.listUnits()).toHaveLength(0);

  await page.getByTestId('import-input').setInputFiles(SAMPLE);
  const file = dialog.getByTestId('import-file');
  await expect(file).toContainText('huyen-mau-phu-luc.xlsx', { timeout: 20_000 });
  // Readable, but with errors: marked, and not ticked unasked (was: a green "Sẵn sàng", ticked).
  await expect(file.getByTestId('import-has-errors')).toHaveText('Có lỗi');
  await expect(file).toHaveAttribute('data-has-errors', 'true');
  await expect(page.getByTestId('import-accept-0')).not.toBeChecked();
  // "Chọn tất cả" has nothing to tick: the one file has errors.
  await expect(dialog.getByTestId('import-choose-all')).toBeDisabled();
  // Each change in the officer's words: commune · column: old → new (was: "Phụ lục 1 | G18").
  await expect(file.getByTestId('import-change').filter({ hasText: 'Hòa Lạc · Giai đoạn 2026-2030 · MĐ1' })).toHaveText('Hòa Lạc · Giai đoạn 2026-2030 · MĐ1: trống → x');
  await expect(file.locator('[data-rule="total.mismatch"]')).toContainText('ghi 12 nhưng cột có 11');
  await expect(file.locator('[data-rule="mark.exclusive"]')).toContainText('Hưng Thịnh');
  await expect(file.locator('[data-rule="level.regression"]')).toContainText('Hòa Lạc');
  await expect(file.locator('[data-rule="mark.missing"]')).toContainText('Minh Khai');
  await expect(file).toContainText(/\d+ ô sẽ thay đổi/);
  await page.screenshot({ path: testInfo.outputPath('import-preview.png') });
  // Still a preview: the database is empty.
  expect(host.store.listUnits()).toHaveLength(0);
  expect(host.store.listReports()).toHaveLength(0);

  // Ticked by hand, knowingly: the file is stored with its errors.
  await page.getByTestId('import-accept-0').check();
  await page.getByRole('button', { name: 'Nhập 1 tệp đã chọn' }).click();
  await expect(dialog.getByTestId('import-summary')).toBeVisible({ timeout: 20_000 });
  await expect(dialog.getByTestId('summary-imported')).toHaveAttribute('data-value', '1');
  await expect(page.getByTestId('notice')).toContainText('Đã nhập 1 tệp');
  await dialog.getByRole('button', { name: 'Đóng' }).click();
  await expect(dialog).toBeHidden();
  await expect(page).toHaveURL(/#\/grid\/xmc$/);
  await expect(unitRows(page, 'xmc')).toHaveCount(12);
  expect(host.store.listUnits().filter((u) => u.kind === 'xa')).toHaveLength(12);
  // The stored grid's live problems: the printed-total mismatch was the file's, not the grid's.
  await expect(page.getByTestId('problems')).toHaveAttribute('data-count-error', '0');
  await expect(page.getByTestId('problems')).toHaveAttribute('data-count-warning', '1');
  await expect(cell(page, 'xmc', host.store, 'Hòa Lạc', '2026-2030|MĐ1')).toHaveClass(/cell-warning/);
  expect(stored(host.store, 'xmc', 'Hòa Lạc', '2026-2030|MĐ1')).toBe('x');
});

test('import: another district’s workbook over the Hà Quảng demo says it creates Huyện Mẫu, and then does, never storing into Hà Quảng', async ({ demo, page }) => {
  await page.goto(demo.url);
  const haQuang = demo.store.districts()[0];
  const haQuangValues = JSON.stringify(demo.store.listReports(haQuang.id).map((r) => [...demo.store.getValues(r.id)]));
  await page.getByTestId('import-input').setInputFiles(SAMPLE);
  const dialog = page.getByTestId('import-dialog');
  const file = dialog.getByTestId('import-file');
  await expect(file).toHaveAttribute('data-status', 'ok', { timeout: 20_000 });
  // Was: matched to "Hà Quảng", "Đã nhập xong" — and no value stored anywhere.
  await expect(file.getByTestId('import-note')).toHaveText('Tạo huyện mới: Huyện Mẫu, 12 xã');
  await expect(file.getByTestId('import-file-row')).toContainText('Mẫu');
  expect(demo.store.districts()).toHaveLength(1);

  await page.getByTestId('import-accept-0').check(); // it has errors: ticked by hand
  await page.getByRole('button', { name: 'Nhập 1 tệp đã chọn' }).click();
  await expect(dialog.getByTestId('summary-imported')).toHaveAttribute('data-value', '1', { timeout: 20_000 });
  const mau = demo.store.districts().find((d) => d.name === 'Mẫu')!;
  expect(demo.store.children(mau.id)).toHaveLength(12);
  const mauXmc = demo.store.listReports(mau.id).find((r) => r.template === 'xmc')!;
  const hoaLac = demo.store.children(mau.id).find((c) => c.name === 'Hòa Lạc')!;
  expect(demo.store.getValues(mauXmc.id).get(hoaLac.id)?.['2026-2030|MĐ1']).toBe('x');
  expect(JSON.stringify(demo.store.listReports(haQuang.id).map((r) => [...demo.store.getValues(r.id)]))).toBe(haQuangValues);
});

test('import: a file that is not a workbook is reported, cannot be ticked, and Nhập stays disabled', async ({ host, page }) => {
  await page.goto(host.url);
  await page.getByTestId('import-input').setInputFiles({ name: 'hong.xlsx', mimeType: 'application/octet-stream', buffer: Buffer.from('không phải excel') });
  const file = page.getByTestId('import-file');
  await expect(file).toContainText('Không đọc được', { timeout: 20_000 });
  await expect(file).toContainText('tệp không phải là sổ làm việc Excel .xlsx');
  await expect(page.getByTestId('import-accept-0')).toBeDisabled();
  await expect(page.getByTestId('import-apply')).toHaveText('Nhập 0 tệp đã chọn');
  await expect(page.getByTestId('import-apply')).toBeDisabled();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('import-dialog')).toBeHidden();
  expect(host.store.listUnits()).toHaveLength(0);
});

test('export: the download is the official workbook with Phụ lục 1–4 and every commune', async ({ demo, page }) => {
  await page.goto(`${demo.url}#/grid/xmc`);
  // An edit just before exporting is in the file.
  await cell(page, 'xmc', demo.store, 'Lương Thông', '2020|MĐ2').click();
  await page.keyboard.press('x');
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Xuất báo cáo Excel' }).click();
  await goOnDespiteErrors(page);
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile((await download.path())!);
  const names = wb.worksheets.map((w) => w.name);
  expect(names).toEqual(expect.arrayContaining(['Phụ lục 1', 'Phụ lục 2', 'Phụ lục 3', 'Phụ lục 4']));
  const communes = demo.store.listUnits().filter((u) => u.kind === 'xa').map((u) => u.name);
  expect(communes).toHaveLength(21);
  for (const name of ['Phụ lục 1', 'Phụ lục 2', 'Phụ lục 3', 'Phụ lục 4']) {
    const texts: string[] = [];
    wb.getWorksheet(name)!.eachRow((row) => row.eachCell((c) => texts.push(String(c.text ?? ''))));
    for (const c of communes) expect(texts, `${name}: ${c}`).toContain(c);
    expect(texts).toContain('Tổng toàn huyện');
  }
  // Lương Thông's row in Phụ lục 1 now carries both 2020 marks.
  const sheet = wb.getWorksheet('Phụ lục 1')!;
  let marks = 0;
  sheet.eachRow((row) => {
    const t: string[] = [];
    row.eachCell((c) => t.push(String(c.text ?? '')));
    if (t.includes('Lương Thông')) marks = t.filter((x) => x.trim().toLowerCase() === 'x').length;
  });
  expect(marks).toBe(4);
});

/** Every cell of every sheet as shown (formulas by their result), and the merges; the date line aside. */
function picture(wb: ExcelJS.Workbook) {
  return wb.worksheets.map((ws) => {
    const cells: Record<string, string> = {};
    ws.eachRow((row) =>
      row.eachCell((c) => {
        const text = String(c.text ?? '');
        cells[c.address] = /, ngày \d{2} tháng \d{2} năm \d{4}$/.test(text) ? '(ngày)' : text;
      }),
    );
    return { name: ws.name, cells, merges: [...((ws.model as { merges?: string[] }).merges ?? [])].sort() };
  });
}

test('export from the app equals the CLI’s export of the same database: the same values and merges in every sheet', async ({ demo, page }) => {
  await page.goto(`${demo.url}#/grid/pcgd-mn`);
  // A typed edit and a Đánh giá text first, so both exports read the stored state, not the seed.
  await cell(page, 'pcgd-mn', demo.store, 'Lương Thông', '2020/3 tuổi|Đạt').click();
  await page.keyboard.press('Delete');
  await expect.poll(() => stored(demo.store, 'pcgd-mn', 'Lương Thông', '2020/3 tuổi|Đạt')).toBe('');
  const downloading = page.waitForEvent('download');
  // The demo's one error is gone with that Đạt: the export goes straight out.
  await page.getByRole('button', { name: 'Xuất báo cáo Excel' }).click();
  const fromApp = new ExcelJS.Workbook();
  await fromApp.xlsx.readFile((await (await downloading).path())!);

  const out = join(mkdtempSync(join(tmpdir(), 'pcgd-cli-export-')), 'cli.xlsx');
  execFileSync(join(ROOT, 'node_modules', '.bin', 'tsx'), [join(ROOT, 'electron', 'faces', 'cli', 'main.ts'), 'export', '--db', demo.dbPath, '--out', out], { cwd: ROOT });
  const fromCli = new ExcelJS.Workbook();
  await fromCli.xlsx.readFile(out);

  const app = picture(fromApp);
  const cli = picture(fromCli);
  expect(app.map((s) => s.name)).toEqual(['Phụ lục 1', 'Phụ lục 2', 'Phụ lục 3', 'Phụ lục 4']);
  expect(app).toEqual(cli);
  // And the export holds the edit: Lương Thông's 3-year-old Đạt is gone, the total says 18.
  expect(Object.values(app[1].cells)).toContain('18');
  expect(app[1].merges.length).toBeGreaterThan(5);
});
