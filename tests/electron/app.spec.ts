// The same flows as tests/e2e, in the real Electron window. Runs where the Electron binary
// exists (a developer's or user's machine with internet); skipped, with its reason, where it
// cannot be fetched (this build machine and its CI).
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Store } from '../../electron/core/store/store';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const electronDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
const pathFile = join(electronDir, 'path.txt');
const binary = existsSync(pathFile) ? join(electronDir, 'dist', readFileSync(pathFile, 'utf8')) : null;
const reason = 'Không có tệp chạy Electron trên máy này (không tải được từ máy chủ Electron): bộ kiểm thử Electron bị bỏ qua; các luồng giống hệt chạy trong tests/e2e qua trình duyệt.';

const available = !!binary && existsSync(binary) && existsSync(join(ROOT, 'dist-electron', 'main.cjs'));
if (!available) console.log(`[electron] ${reason}`);
test.skip(!available, reason);

async function launch() {
  const userData = mkdtempSync(join(tmpdir(), 'pcgd-electron-'));
  const app = await electron.launch({ executablePath: binary!, args: [ROOT, `--user-data-dir=${userData}`], env: { ...process.env, ELECTRON_DISABLE_SECURITY_WARNINGS: '1' } });
  const page = await app.firstWindow();
  return { app, page, userData };
}

async function withDemo() {
  const run = await launch();
  await run.page.getByTestId('first-run-demo').click();
  await expect(run.page.getByTestId('unit-tree')).toContainText('Lương Thông');
  return run;
}

/** Clicks a menu item of the real application menu by its Vietnamese labels. */
async function clickMenu(app: ElectronApplication, top: string, item: string) {
  await app.evaluate(({ Menu, BrowserWindow }, [t, i]) => {
    const menu = Menu.getApplicationMenu()!.items.find((m) => m.label === t)!.submenu!;
    menu.items.find((m) => m.label === i)!.click(undefined, BrowserWindow.getAllWindows()[0], undefined);
  }, [top, item]);
}

/** Mark cell of a commune row: the row is found by the name, the column by its key. */
function cellOf(page: Page, template: string, unit: string, key: string) {
  return page.getByTestId(`grid-${template}`).locator('.ag-row', { has: page.locator('.ag-cell[col-id="name"]', { hasText: unit }) }).locator(`.ag-cell[col-id="${key}"]`).first();
}

test('first run loads the demo; clearing Lương Thông’s stray mark clears the error; Ctrl+Z restores it', async () => {
  const { app, page } = await launch();
  await page.getByTestId('first-run-demo').click();
  await page.evaluate(() => (location.hash = '#/grid/pcgd-mn'));
  const grid = page.getByTestId('grid-pcgd-mn');
  await grid.getByText('Lương Thông', { exact: true }).click();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Delete');
  await expect(page.getByTestId('problems')).toHaveAttribute('data-count-error', '0');
  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('problems')).toHaveAttribute('data-count-error', '1');
  await app.close();
});

test('the page has no Node and no raw ipcRenderer; window.api is the contract', async () => {
  const { app, page } = await launch();
  const probe = await page.evaluate(() => ({
    require: typeof (window as unknown as { require?: unknown }).require,
    process: typeof (window as unknown as { process?: unknown }).process,
    ipc: typeof (window as unknown as { ipcRenderer?: unknown }).ipcRenderer,
    api: Object.keys((window as unknown as { api: object }).api).length,
  }));
  expect(probe).toEqual({ require: 'undefined', process: 'undefined', ipc: 'undefined', api: expect.any(Number) });
  expect(probe.api).toBeGreaterThan(10);
  await app.close();
});

test('a 3 × 4 block pasted from Excel is one step: Chỉnh sửa › Hoàn tác takes it back whole', async () => {
  const { app, page } = await withDemo();
  await page.evaluate(() => (location.hash = '#/grid/xmc'));
  const first = cellOf(page, 'xmc', 'Cải Viên', '2020|MĐ1');
  await expect(first).toHaveText('');
  await first.click();
  await app.evaluate(({ clipboard }) => clipboard.writeText('X\t\tx\t\r\n\tx\t×\t\r\nx\t \tX\t\r\n'));
  await page.keyboard.press('Control+v');
  await expect(first).toHaveText('x');
  await expect(cellOf(page, 'xmc', 'Cần Yên', '2021-2025|MĐ1')).toHaveText('x');
  await clickMenu(app, 'Chỉnh sửa', 'Hoàn tác');
  await expect(first).toHaveText('');
  await expect(cellOf(page, 'xmc', 'Cần Yên', '2021-2025|MĐ1')).toHaveText('');
  await app.close();
});

test('import shows the preview with its findings before anything is stored', async () => {
  const { app, page } = await launch();
  await page.getByTestId('import-input').setInputFiles(join(ROOT, 'tests', 'fixtures', 'huyen-mau-phu-luc.xlsx'));
  const file = page.getByTestId('import-dialog').getByTestId('import-file');
  await expect(file).toContainText('Sẵn sàng', { timeout: 20_000 });
  await expect(file.locator('[data-rule="mark.exclusive"]')).toContainText('Hưng Thịnh');
  await expect(page.getByTestId('first-run')).toBeAttached();
  await app.close();
});

test('export goes through the native save dialog and writes the workbook', async () => {
  const { app, page, userData } = await withDemo();
  const out = join(userData, 'bao-cao.xlsx');
  await app.evaluate(({ dialog }, path) => {
    dialog.showSaveDialog = (async () => ({ canceled: false, filePath: path })) as typeof dialog.showSaveDialog;
  }, out);
  await page.evaluate(() => (location.hash = '#/grid/xmc'));
  await page.getByTestId('export').click();
  await expect(page.getByTestId('notice')).toContainText('Đã lưu');
  expect(statSync(out).size).toBeGreaterThan(5_000);
  await app.close();
});

test('Lưu PDF prints the open grid to an A4 landscape PDF with the save dialog’s path (Tệp › Lưu biểu thành PDF… too)', async () => {
  const { app, page, userData } = await withDemo();
  const out = join(userData, 'phu-luc-2.pdf');
  const offered: string[] = [];
  await app.evaluate(({ dialog }, path) => {
    const seen: string[] = [];
    (globalThis as unknown as { offered: string[] }).offered = seen;
    dialog.showSaveDialog = (async (_w: unknown, o: { defaultPath?: string }) => {
      seen.push(o.defaultPath ?? '');
      return { canceled: false, filePath: path };
    }) as unknown as typeof dialog.showSaveDialog;
  }, out);
  await page.evaluate(() => (location.hash = '#/grid/pcgd-mn'));
  await page.getByTestId('save-pdf').click();
  await expect(page.getByRole('status').filter({ hasText: 'Đã lưu tệp PDF' })).toBeVisible();
  offered.push(...(await app.evaluate(() => (globalThis as unknown as { offered: string[] }).offered)));
  expect(offered).toEqual(['Phu_Luc_2_Huyen_Ha_Quang.pdf']);
  const info = execFileSync('pdfinfo', [out], { encoding: 'utf8' });
  expect(info).toMatch(/Page size:\s+841\.\d+ x 59[45]\.\d+ pts/);
  const text = execFileSync('pdftotext', [out, '-'], { encoding: 'utf8' });
  expect(text).toContain('PHỤ LỤC 2');
  expect(text).toContain('Lương Thông');
  expect(text).not.toContain('Nhập tệp Excel');
  await clickMenu(app, 'Tệp', 'Lưu biểu thành PDF…');
  await expect.poll(() => app.evaluate(() => (globalThis as unknown as { offered: string[] }).offered.length)).toBe(2);
  await app.close();
});

test('search without tone marks finds Lương Thông', async () => {
  const { app, page } = await withDemo();
  await page.evaluate(() => (location.hash = '#/grid/xmc'));
  await page.getByTestId('commune-search').fill('luong thong');
  await expect(page.getByTestId('search-result')).toHaveText(['Lương Thông']);
  await page.getByTestId('search-result').first().click();
  await expect(page.getByTestId('grid-xmc').locator('.ag-row.row-found .ag-cell[col-id="name"]')).toHaveText('Lương Thông');
  await app.close();
});

/** What the app's database holds for a commune's cell, read after the app has quit. */
function storedAfterQuit(userData: string, template: string, unit: string, key: string): string {
  const store = Store.open(join(userData, 'pcgd-xmc.db'));
  try {
    const report = store.listReports().find((r) => r.template === template)!;
    const unitId = store.listUnits().find((u) => u.name === unit)!.id;
    return store.getValues(report.id).get(unitId)?.[key] ?? '';
  } finally {
    store.close();
  }
}

for (const how of ['Tệp › Thoát', 'the window’s ×'] as const) {
  test(`${how} while a Đánh giá cell is still being typed: the window waits until it is stored`, async () => {
    const { app, page, userData } = await withDemo();
    await page.evaluate(() => (location.hash = '#/grid/pcgd-mn'));
    const key = '2020/4 tuổi|Đánh giá';
    const c = cellOf(page, 'pcgd-mn', 'Cải Viên', key);
    await c.click();
    await page.keyboard.type('Khi đóng ứng dụng');
    // The Đánh giá editor is a box over the cell (a popup of the grid), not inside it.
    await expect(page.getByTestId('grid-pcgd-mn').locator('.ag-popup-editor textarea')).toHaveValue('Khi đóng ứng dụng');
    const exited = app.waitForEvent('close');
    if (how === 'Tệp › Thoát') await clickMenu(app, 'Tệp', 'Thoát');
    else await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0].close());
    await exited;
    expect(storedAfterQuit(userData, 'pcgd-mn', 'Cải Viên', key)).toBe('Khi đóng ứng dụng');
  });
}
