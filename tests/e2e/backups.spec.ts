// "Sao lưu và khôi phục" and the recovery screen, in the browser host served over a database
// session as `npm run serve` and the desktop app open it (openApp): a backup now, a restore
// after confirmation that brings the earlier data back on screen; and a damaged database that
// opens on the recovery screen, offering its newest good backup, instead of an empty app.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHost } from '../../electron/faces/host/server';
import { openApp } from '../../electron/core/app';
import type { Session } from '../../electron/core/session';
import { backupStore } from '../../electron/core/store/backup';
import { expect, ROOT, test } from './fixtures';
import { failOnConsoleErrors } from './helpers';
import { damageDatabase } from '../support/damage-db';

failOnConsoleErrors();

interface Served {
  url: string;
  session: Session;
  stop(): Promise<void>;
}

async function serve(dbFile: string): Promise<Served> {
  const app = await openApp({ dbPath: dbFile, seedsDir: join(ROOT, 'seeds'), poolSize: 1, saveFile: async () => ({ saved: false, download: true }) });
  const session = app.session;
  const host = createHost(app.api, join(ROOT, 'dist', 'renderer'), app.faultLog);
  const url = await host.listen();
  return {
    url,
    session,
    async stop() {
      await host.close();
      await app.close();
    },
  };
}


const newDbFile = () => join(mkdtempSync(join(tmpdir(), 'pcgd-e2e-backup-')), 'pcgd-xmc.db');

test('"Sao lưu và khôi phục": back up now, then restore it after confirming; the app shows the restored data', async ({ page }) => {
  const app = await serve(newDbFile());
  try {
    await app.session.api.loadDemo({});
    await page.goto(`${app.url}#/grid/xmc`);
    await page.getByTestId('show-backups').click();
    await expect(page).toHaveURL(/#\/backups$/);
    const pageEl = page.getByTestId('backups');
    await expect(pageEl.getByRole('heading', { name: 'Sao lưu và khôi phục' })).toBeVisible();
    await expect(pageEl.getByText('Chưa có bản sao lưu nào.')).toBeVisible({ timeout: 30_000 });

    await pageEl.getByTestId('backup-now').click();
    await expect(page.getByTestId('notice')).toContainText('Đã sao lưu lúc');
    const row = pageEl.getByTestId('backup-row');
    await expect(row).toHaveCount(1);
    // Its date (dd/mm/yyyy) and its size, the Vietnamese way.
    await expect(row).toContainText(/\d{2}\/\d{2}\/\d{4}/);
    await expect(row).toContainText(/\d+(,\d)? (KB|MB)/);

    // A district added after the backup, shown in the tree once the page reloads its data.
    await app.session.api.createDistrict({ name: 'Huyện Thêm Sau', communes: ['Xã Một'] });
    await page.reload();
    await expect(page.getByTestId('unit-tree')).toContainText('Huyện Thêm Sau');

    await pageEl.getByTestId('backup-restore').click();
    const confirm = page.getByTestId('restore-confirm');
    await expect(confirm).toContainText('Khôi phục dữ liệu từ bản sao lưu lúc');
    await confirm.getByRole('button', { name: 'Hủy' }).click();
    await expect(confirm).toBeHidden();
    await expect(page.getByTestId('unit-tree')).toContainText('Huyện Thêm Sau');

    await pageEl.getByTestId('backup-restore').click();
    await page.getByTestId('restore-confirm-yes').click();
    await expect(page.getByTestId('notice')).toContainText('Đã khôi phục dữ liệu từ bản sao lưu lúc', { timeout: 30_000 });
    await expect(page.getByTestId('unit-tree')).not.toContainText('Huyện Thêm Sau');
    await expect(page.getByTestId('unit-tree')).toContainText('Hà Quảng');
    // The database it replaced was backed up first: two backups now.
    await expect(pageEl.getByTestId('backup-row')).toHaveCount(2);
  } finally {
    await page.close(); // the grid may still be asking for its context: not once the host is gone
    await app.stop();
  }
});

test('a damaged database opens on the recovery screen offering the newest good backup; restoring it opens the grid', async ({ page }) => {
  const dbFile = newDbFile();
  const first = await serve(dbFile);
  await first.session.api.loadDemo({});
  const good = await backupStore(first.session.store()!);
  await first.stop();
  damageDatabase(dbFile);

  const app = await serve(dbFile);
  try {
    await page.goto(app.url);
    const screen = page.getByTestId('recovery');
    await expect(screen.getByRole('heading', { name: 'Cần khôi phục cơ sở dữ liệu' })).toBeVisible({ timeout: 30_000 });
    await expect(screen.getByTestId('recovery-message')).toContainText('bị hỏng');
    await expect(screen.getByTestId('recovery-message')).toContainText(dbFile);
    // Never the first-run screen (a fresh start) and never "nothing is lost".
    await expect(page.getByText('dữ liệu đã lưu vẫn còn')).toHaveCount(0);
    await expect(page.getByRole('button', { name: /dữ liệu mẫu/i })).toHaveCount(0);
    const suggested = screen.locator('[data-testid="backup-row"][data-suggested="yes"]');
    await expect(suggested).toHaveAttribute('data-name', good.name, { timeout: 30_000 });
    await expect(suggested).toContainText('bản tốt mới nhất');

    await suggested.getByTestId('backup-restore').click();
    await page.getByTestId('restore-confirm-yes').click();
    await expect(page.getByTestId('notice')).toContainText('Đã khôi phục dữ liệu', { timeout: 30_000 });
    await expect(page).toHaveURL(/#\/grid\/xmc$/, { timeout: 30_000 });
    await expect(page.getByTestId('unit-tree')).toContainText('Hà Quảng');
    expect(app.session.recovery()).toBeUndefined();
  } finally {
    await page.close(); // the grid may still be asking for its context: not once the host is gone
    await app.stop();
  }
});
