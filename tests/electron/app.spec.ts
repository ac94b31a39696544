// The same flows as tests/e2e, in the real Electron window. Runs where the Electron binary
// exists (a developer's or user's machine with internet); skipped, with its reason, where it
// cannot be fetched (this build machine and its CI).
import { _electron as electron, expect, test } from '@playwright/test';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

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
  return { app, page };
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
