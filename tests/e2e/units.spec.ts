// The 2025 units in the app (issue 10, "done when", Playwright): a province office's first run,
// whose grid total row and exported report speak of the province ("Tổng toàn tỉnh", "ỦY BAN NHÂN
// DÂN TỈNH …", "SỞ GIÁO DỤC VÀ ĐÀO TẠO"); a merge done in the units page and taken back with
// "Hoàn tác"; a change table previewed (rows that apply, refused rows with reasons) before it is
// stored. Screenshots of the first run and the units page at 1366×768, 100% and 125%.
import ExcelJS from 'exceljs';
import type { Page } from '@playwright/test';
import { expect, ROOT, test, SCREENS_DIR } from './fixtures';
import { failOnConsoleErrors, totalCell, unitRows, SCALES } from './helpers';

failOnConsoleErrors();

const COMMUNES = ['Xã Cần Nông', 'Lương Thông', 'Cần Yên', 'Phường Sông Hiến', 'Đa Thông'];

/** Every cell's text of a workbook's sheet. */
function sheetTexts(ws: ExcelJS.Worksheet): string[] {
  const out: string[] = [];
  ws.eachRow((row) => row.eachCell((c) => out.push(String(c.text ?? '').trim())));
  return out;
}

async function mergeThree(page: Page) {
  const table = page.getByTestId('unit-table');
  for (const n of ['Xã Cần Nông', 'Xã Lương Thông', 'Xã Cần Yên']) await table.getByLabel(`Chọn ${n} để nhập`).check();
  const form = page.getByTestId('unit-merge');
  await expect(form.getByRole('heading')).toHaveText('Nhập các xã đã chọn thành một (3 đã chọn)');
  await form.getByLabel('Tên đơn vị mới').fill('Cần Yên');
  await form.getByLabel('Mã mới (nếu có)').fill('01366');
  await expect(form.getByLabel('Từ ngày')).toHaveValue('01/07/2025');
  await form.getByRole('button', { name: 'Nhập 3 xã' }).click();
  await expect(page.getByTestId('notice')).toContainText('Đã lưu: Nhập xã Cần Nông, xã Lương Thông, xã Cần Yên thành Xã Cần Yên từ ngày 01/07/2025.');
}

test('a province office first run: the grid totals "Tổng toàn tỉnh" and the report is the Sở\'s, for the tỉnh', async ({ host, page }) => {
  await page.goto(host.url);
  const form = page.getByTestId('first-run-create');
  await expect(form.getByLabel('Sở GD&ĐT (tỉnh, thành phố)')).toBeChecked();
  await form.getByRole('button', { name: 'Tạo tỉnh' }).click();
  await expect(form.getByRole('alert')).toHaveText('Hãy nhập tên tỉnh.');
  await form.getByLabel('Tên tỉnh').fill('Cao Bằng');
  await form.getByLabel('Các xã, phường, đặc khu (mỗi dòng một tên)').fill(COMMUNES.join('\n'));
  await form.getByRole('button', { name: 'Tạo tỉnh (5 xã, phường)' }).click();

  await expect(page).toHaveURL(/#\/grid\/xmc$/);
  await expect(unitRows(page, 'xmc')).toHaveCount(5, { timeout: 30_000 });
  await expect(unitRows(page, 'xmc')).toHaveText(['Cần Nông', 'Lương Thông', 'Cần Yên', 'Phường Sông Hiến', 'Đa Thông']);
  await expect(totalCell(page, 'xmc', 'name')).toHaveText('Tổng toàn tỉnh');
  const tree = page.getByTestId('unit-tree');
  await expect(tree).toContainText('Tỉnh Cao Bằng');
  await expect(tree).toContainText('Xã, phường (5)');
  await expect(tree).not.toContainText('huyện');
  const province = host.store.listUnits().find((u) => u.parentId === null)!;
  expect(province).toMatchObject({ name: 'Cao Bằng', kind: 'tinh' });

  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Xuất báo cáo Excel' }).click();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile((await (await downloading).path())!);
  expect(wb.worksheets.map((w) => w.name)).toEqual(['Phụ lục 1', 'Phụ lục 2', 'Phụ lục 3', 'Phụ lục 4']);
  for (const ws of wb.worksheets) {
    expect(String(ws.getCell('A1').text).trim(), ws.name).toBe('ỦY BAN NHÂN DÂN TỈNH CAO BẰNG');
    expect(String(ws.getCell('A2').text).trim(), ws.name).toBe('SỞ GIÁO DỤC VÀ ĐÀO TẠO');
    const texts = sheetTexts(ws);
    expect(texts, ws.name).toContain('Tổng toàn tỉnh');
    expect(texts.some((t) => t.endsWith('TRÊN ĐỊA BÀN TỈNH CAO BẰNG')), ws.name).toBe(true);
    expect(texts, ws.name).toContain('Tên đơn vị (xã/phường/đặc khu)');
    expect(texts.filter((t) => /HUYỆN|Tổng toàn huyện|PHÒNG GIÁO DỤC/.test(t)), ws.name).toEqual([]);
  }
});

test('a merge done in the units page, then taken back with "Hoàn tác"', async ({ host, page }) => {
  const { unitId } = await host.api.createOffice({ kind: 'tinh', name: 'Cao Bằng', rows: COMMUNES });
  await page.goto(`${host.url}#/grid/xmc`);
  await expect(unitRows(page, 'xmc')).toHaveCount(5, { timeout: 30_000 });
  await page.getByTestId('show-units').click();
  await expect(page).toHaveURL(/#\/units$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Đơn vị hành chính – Tỉnh Cao Bằng', { timeout: 30_000 });
  await mergeThree(page);

  const rows = page.getByTestId('unit-row');
  const made = rows.filter({ hasText: 'từ 01/07/2025' });
  await expect(made).toHaveCount(1);
  await expect(made).toContainText('Xã Cần Yên');
  await expect(made).toContainText('01366');
  await expect(made).toContainText('từ Cần Nông, Lương Thông, Cần Yên');
  for (const n of ['Cần Nông', 'Lương Thông']) {
    await expect(page.locator(`[data-testid="unit-row"][data-name="${n}"]`)).toHaveAttribute('data-ended', 'yes');
    const cells = page.locator(`[data-testid="unit-row"][data-name="${n}"] td`);
    await expect(cells.nth(3)).toHaveText('đến 30/06/2025');
    await expect(cells.nth(6)).toHaveText('→ Xã Cần Yên (nhập toàn bộ, 01/07/2025)');
  }
  const history = page.getByTestId('unit-change');
  await expect(history).toHaveCount(1);
  await expect(history.first()).toContainText('nhập trong ứng dụng');
  const snap = host.store.reform.snapshot();
  const newId = snap.units.find((u) => u.name === 'Cần Yên' && u.validFrom === '2025-07-01')!.id;
  expect(snap.links.map((l) => [l.to, l.change])).toEqual([[newId, 'Nhập toàn bộ'], [newId, 'Nhập toàn bộ'], [newId, 'Nhập toàn bộ']]);
  expect(snap.units.find((u) => u.id === newId)!.parentId).toBe(unitId);

  // The grid lists the communes in force: the new Xã Cần Yên, not the three merged into it.
  await page.goto(`${host.url}#/grid/xmc`);
  await expect(unitRows(page, 'xmc')).toHaveText(['Phường Sông Hiến', 'Đa Thông', 'Cần Yên'], { timeout: 30_000 });
  await page.getByTestId('show-units').click();
  await expect(page).toHaveURL(/#\/units$/);

  await history.first().getByRole('button', { name: 'Hoàn tác' }).click();
  await expect(page.getByTestId('notice')).toContainText('Đã hoàn tác bước thay đổi đơn vị.');
  await expect(history.first()).toHaveAttribute('data-undone', 'yes');
  await expect(history.first()).toContainText('Đã hoàn tác');
  await expect(rows).toHaveCount(5);
  await expect(page.locator('[data-testid="unit-row"][data-ended="yes"]')).toHaveCount(0);
  const back = host.store.reform.snapshot();
  expect(back.links).toEqual([]);
  expect(back.units.filter((u) => u.validTo !== null)).toEqual([]);
  await page.goto(`${host.url}#/grid/xmc`);
  await expect(unitRows(page, 'xmc')).toHaveCount(5, { timeout: 30_000 });
});

test('a change table is previewed, rows that apply and refused rows with reasons, before it is stored', async ({ demo, page }) => {
  await page.goto(`${demo.url}#/units`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Đơn vị hành chính – Huyện Hà Quảng', { timeout: 30_000 });
  await page.getByTestId('change-table-file').setInputFiles(`${ROOT}tests/fixtures/plans/ha-quang-chuyen-doi.xlsx`);
  const preview = page.getByTestId('change-table-preview');
  await expect(preview.getByRole('status')).toContainText('Tệp ha-quang-chuyen-doi.xlsx: 21 dòng sẽ được áp dụng, 2 dòng bị từ chối.');
  await expect(preview.locator('[data-status="ok"]')).toHaveCount(21);
  const refused = preview.locator('[data-status="refused"]');
  await expect(refused).toHaveCount(2);
  await expect(refused.first()).toContainText('Từ chối: Dòng không ghi huyện cũ hay mã xã cũ');
  await expect(preview.locator('[data-status="ok"]').filter({ hasText: 'Thị trấn Xuân Hoà' })).toContainText('khớp với Xuân Hòa');
  expect(demo.store.reform.snapshot().links).toEqual([]); // the preview stored nothing

  await preview.getByRole('button', { name: 'Áp dụng 21 dòng' }).click();
  await expect(page.getByTestId('notice')).toContainText('Đã áp dụng bảng chuyển đổi ha-quang-chuyen-doi.xlsx: 21 dòng, tạo Xã Thanh Long');
  await expect(page.getByTestId('unit-change').first()).toContainText('Áp dụng bảng chuyển đổi ha-quang-chuyen-doi.xlsx: 21 dòng, tạo 7 đơn vị.');
  expect(demo.store.reform.snapshot().links).toHaveLength(21);
  await expect(page.getByTestId('unit-tree')).toContainText('Xã, phường (7)');
  // The page now shows the province, whose communes are the ones in force.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Đơn vị hành chính – Tỉnh Cao Bằng', { timeout: 30_000 });
  // Its communes in force, the old district beside them as ended.
  await expect(page.locator('[data-testid="unit-row"]:not([data-ended])')).toHaveCount(7);
});

for (const s of SCALES) {
  test.describe(`screens at 1366×768, ${s.name}%`, () => {
    test.use({ viewport: { width: s.width, height: s.height }, deviceScaleFactor: s.scale });

    test('the first run and the units page', async ({ host, page }) => {
      await page.goto(host.url);
      await expect(page.getByTestId('first-run-create')).toBeVisible();
      await page.screenshot({ path: `${SCREENS_DIR}first-run-${s.name}.png` });
      // A province office after a merge made in the app.
      await host.api.createOffice({ kind: 'tinh', name: 'Cao Bằng', rows: COMMUNES });
      await page.goto(`${host.url}#/units`);
      await page.reload();
      await mergeThree(page);
      await page.getByTestId('notice').getByRole('button').first().click().catch(() => undefined);
      await page.screenshot({ path: `${SCREENS_DIR}units-merge-${s.name}.png` });
    });

    test('the units page with a change table previewed', async ({ demo, page }) => {
      await page.goto(`${demo.url}#/units`);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Đơn vị hành chính – Huyện Hà Quảng', { timeout: 30_000 });
      await page.getByTestId('change-table-file').setInputFiles(`${ROOT}tests/fixtures/plans/ha-quang-chuyen-doi.xlsx`);
      await expect(page.getByTestId('change-table-preview').getByRole('status')).toContainText('21 dòng sẽ được áp dụng');
      await page.getByTestId('change-table').evaluate((e) => e.scrollIntoView({ block: 'start' }));
      await page.screenshot({ path: `${SCREENS_DIR}units-${s.name}.png` });
    });
  });
}
