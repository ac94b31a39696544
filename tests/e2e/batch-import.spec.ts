// Commune files in (issue 4): a folder or files are checked off the UI thread with a progress bar
// and each file's status as it comes; the dry-run preview stores nothing; the user ticks the files
// to store, each stored whole; "Hủy" stops between files; the summary says what was stored and
// what was skipped and why. On the 200 files of tests/fixtures/batch, made by other tools.
import { columnLabel } from '../../shared/column-label';
import { getTemplate } from '../../shared/templates';
import type { Page } from '@playwright/test';
import { expect, test, type HostFixture } from './fixtures';
import { dbState, expected, nfc, prepareDistrict200, storedValue, submissions, twoHundred, TWO_HUNDRED } from './batch-helpers';
import { failOnConsoleErrors } from './helpers';

failOnConsoleErrors();

const STATUS_WORDS = { ok: 'Sẵn sàng', conflict: 'Xung đột', duplicate: 'Trùng xã', 'unknown-unit': 'Không rõ xã', rejected: 'Không đọc được' } as const;

/** Every value the progress bar shows, sampled in the page every 20 ms, with the text beside it. */
async function recordProgress(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { seen: { value: number; text: string }[] };
    w.seen = [];
    setInterval(() => {
      const bar = document.querySelector('[data-testid="import-progress"] [role="progressbar"]');
      const text = document.querySelector('[data-testid="import-progress"] .progress-text')?.textContent ?? '';
      if (bar) w.seen.push({ value: Number(bar.getAttribute('aria-valuenow')), text });
    }, 20);
  });
}

/**
 * Arms a click on "Hủy", made from inside the page as soon as the bar of `phase` is past its first
 * file; `cancelledAt` tells where the bar stood. (A click from the test would wait on the test
 * process, which also runs the host's batch: the batch could be done before the click.)
 */
async function armCancel(page: Page, phase: 'checking' | 'storing'): Promise<void> {
  await page.evaluate((p) => {
    const w = window as unknown as { cancelledAt?: number };
    const t = setInterval(() => {
      const dialog = document.querySelector(`[data-testid="import-dialog"][data-phase="${p}"]`);
      const value = Number(dialog?.querySelector('[role="progressbar"]')?.getAttribute('aria-valuenow') ?? 0);
      if (dialog && value > 0) {
        clearInterval(t);
        dialog.querySelector<HTMLButtonElement>('[data-testid="import-cancel"]')!.click();
        w.cancelledAt = value;
      }
    }, 5);
  }, phase);
}

/**
 * Makes every file's parse take `ms` longer (an older office PC). On a quick machine with many
 * cores the 200 files are all checked within a second, before the page's polling of the batch can
 * show a first one, let alone cancel: the test would see the preview and nothing in between.
 */
function paceChecking(host: HostFixture, ms: number): void {
  const parse = host.pool.parse.bind(host.pool);
  host.pool.parse = async (name, buf) => {
    await new Promise((r) => setTimeout(r, ms));
    return parse(name, buf);
  };
}

const cancelledAt = (page: Page) => page.evaluate(() => (window as unknown as { cancelledAt?: number }).cancelledAt ?? -1);

const seenProgress = (page: Page) => page.evaluate(() => (window as unknown as { seen: { value: number; text: string }[] }).seen);

/** data-file → data-status of every row of the dialog, names in NFC. */
async function rowStatuses(page: Page): Promise<Record<string, string>> {
  const rows = await page
    .getByTestId('import-file')
    .evaluateAll((els) => els.map((e) => [e.getAttribute('data-file') ?? '', e.getAttribute('data-status') ?? ''] as const));
  return Object.fromEntries(rows.map(([f, s]) => [f.normalize('NFC'), s]));
}

const expectedStatuses = () => Object.fromEntries(Object.entries(expected.statuses).map(([f, s]) => [nfc(f), s]));

function row(page: Page, file: string) {
  return page.locator(`[data-testid="import-file"][data-file="${file}"]`);
}

test('a folder of 200 commune files: the bar advances file by file, every file gets its status, nothing is stored', async ({ host, page }, testInfo) => {
  test.setTimeout(120_000);
  await prepareDistrict200(host);
  paceChecking(host, 160); // 8 parses run ahead: about 20 ms a file, 4 s for the 200
  await page.goto(host.url);
  await expect(page).toHaveURL(/#\/grid\/xmc$/);
  const before = dbState(host);
  await recordProgress(page);

  await page.getByTestId('import-folder-input').setInputFiles(TWO_HUNDRED);
  const dialog = page.getByTestId('import-dialog');
  await expect(dialog.getByTestId('import-progress')).toContainText(/Đang kiểm tra \d+\/200 tệp…/, { timeout: 30_000 });
  await page.screenshot({ path: testInfo.outputPath('batch-checking.png') });
  await expect(dialog).toHaveAttribute('data-phase', 'preview', { timeout: 60_000 });

  // While checking (after reading), the bar went up file by file: many values between none and
  // all, never backwards, each with its "Đang kiểm tra N/200 tệp…".
  const checking = (await seenProgress(page)).filter((s) => s.text.startsWith('Đang kiểm tra'));
  for (const s of checking) expect(s.text).toBe(`Đang kiểm tra ${s.value}/200 tệp…`);
  const seen = checking.map((s) => s.value);
  const middle = [...new Set(seen.filter((v) => v > 0 && v < 200))];
  expect(middle.length, `giá trị đã thấy: ${[...new Set(seen)].join(',')}`).toBeGreaterThanOrEqual(3);
  expect(seen).toEqual([...seen].sort((a, b) => a - b));

  // Every file, in import order, with the status expected.json gives it.
  await expect(dialog.getByTestId('import-file-row')).toHaveCount(200);
  expect(await rowStatuses(page)).toEqual(expectedStatuses());
  await expect(dialog.getByTestId('import-counts')).toHaveText('200 tệp: 195 sẵn sàng, 2 xung đột, 1 trùng xã, 1 không rõ xã, 1 không đọc được.');
  for (const [status, word] of Object.entries(STATUS_WORDS)) {
    await expect(dialog.locator(`[data-testid="import-file-row"][data-status="${status}"]`).first()).toContainText(word);
  }

  // Ready files are ticked; conflicts and duplicates may be ticked by hand; the others never.
  const box = (file: string) => row(page, file).locator('input[type="checkbox"]');
  await expect(box('Cat_Loi.xlsx')).toBeChecked();
  await expect(box('Cam_Ap.xlsx')).not.toBeChecked();
  await expect(box('Cam_Ap.xlsx')).toBeEnabled();
  await expect(box('Duc_Hai (2).xlsx')).not.toBeChecked();
  await expect(box('Duc_Hai (2).xlsx')).toBeEnabled();
  await expect(box('Son_Vi.xlsx')).toBeDisabled();
  await expect(box('Cat_Phuc.xls')).toBeChecked(); // saved as .xls (Excel 97–2003): read like the .xlsx
  await expect(box('Thanh_Loi.xlsx')).toBeDisabled();
  await expect(dialog.getByTestId('import-apply')).toHaveText('Nhập 195 tệp đã chọn');

  // A file opened: each change against the stored values, in the file's own cells.
  const dongLong = row(page, 'Dong_Long.xlsx');
  await dongLong.getByRole('button', { name: 'Chi tiết' }).click();
  const changes = dongLong.getByTestId('import-change');
  await expect(changes).toHaveCount(expected.files['Dong_Long.xlsx'].changes.length);
  const first = expected.files['Dong_Long.xlsx'].changes[0];
  // In the officer's words: commune · column: old → new (the file's cell on hover).
  const words = (v: string) => v || 'trống';
  const column = columnLabel(getTemplate(first.template), getTemplate(first.template).defaultLayout, first.key);
  await expect(changes.first()).toHaveText(`${expected.units['Dong_Long.xlsx']} · ${column}: ${words(first.old)} → ${words(first.new)}`);
  await expect(changes.first()).toHaveAttribute('title', `Trong tệp: ${first.sheet} ô ${first.cell}`);
  await expect(dongLong).toContainText('7 ô sẽ thay đổi');
  // Why a file cannot be stored, and which file of a commune comes first.
  await row(page, 'Thanh_Loi.xlsx').getByRole('button', { name: 'Chi tiết' }).click();
  await expect(row(page, 'Thanh_Loi.xlsx')).toContainText('bị hỏng');
  await row(page, 'Duc_Hai (2).xlsx').getByRole('button', { name: 'Chi tiết' }).click();
  await expect(row(page, 'Duc_Hai (2).xlsx')).toContainText('Tệp đứng trước của xã này: “Duc_Hai (1).xlsx”');
  await row(page, 'Cam_Ap.xlsx').getByRole('button', { name: 'Chi tiết' }).click();
  await row(page, 'Cam_Ap.xlsx').scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('batch-preview.png') });

  // Only the files worth a look: the five that are not ready (and any with errors).
  await dialog.getByTestId('import-only-review').check();
  await expect(dialog.locator('[data-testid="import-file-row"]:not([data-status="ok"])')).toHaveCount(5);
  expect(await dialog.getByTestId('import-file-row').count()).toBeLessThan(20);
  await page.screenshot({ path: testInfo.outputPath('batch-review.png') });
  await dialog.getByTestId('import-only-review').uncheck();
  await expect(dialog.getByTestId('import-file-row')).toHaveCount(200);

  // "Bỏ chọn tất cả" / "Chọn tất cả".
  await dialog.getByTestId('import-choose-none').click();
  await expect(dialog.getByTestId('import-apply')).toBeDisabled();
  await dialog.getByTestId('import-choose-all').click();
  await expect(dialog.getByTestId('import-apply')).toHaveText('Nhập 195 tệp đã chọn');

  // Still a preview: nothing stored. Escape closes, still nothing stored.
  expect(dbState(host)).toBe(before);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  expect(dbState(host)).toBe(before);
});

test('accept some: only the ticked files are stored, a ticked conflict overrides, the summary counts and explains', async ({ host, page }, testInfo) => {
  const districtId = await prepareDistrict200(host);
  await page.goto(host.url);
  const files = ['An_Luong.xlsx', 'Cam_Ap.xlsx', 'Cat_Loi.xlsx', 'Dai_Quang.xlsx', 'Dong_Long.xlsx', 'Duc_Hai (1).xlsx', 'Duc_Hai (2).xlsx', 'Son_Vi.xlsx', 'Thanh_Loi.xlsx', 'Thanh_Phu.xlsx'];
  const before = dbState(host);
  await page.getByTestId('import-input').setInputFiles(twoHundred(files));
  const dialog = page.getByTestId('import-dialog');
  await expect(dialog).toHaveAttribute('data-phase', 'preview', { timeout: 30_000 });
  expect(await rowStatuses(page)).toEqual(Object.fromEntries(files.map((f) => [f, expected.statuses[f]])));

  // Untick a ready file, tick one of the two conflicts (knowingly: its value wins over the app's).
  await row(page, 'Dai_Quang.xlsx').getByRole('checkbox').uncheck();
  await row(page, 'Cam_Ap.xlsx').getByRole('checkbox').check();
  await expect(dialog.getByTestId('import-apply')).toHaveText('Nhập 5 tệp đã chọn');
  expect(dbState(host)).toBe(before);
  await page.screenshot({ path: testInfo.outputPath('accept-some.png') });

  // Enter applies (the focus is on a checkbox).
  await row(page, 'Cam_Ap.xlsx').getByRole('checkbox').focus();
  await page.keyboard.press('Enter');
  const summary = dialog.getByTestId('import-summary');
  await expect(summary).toBeVisible({ timeout: 30_000 });
  await expect(summary).toHaveAttribute('data-state', 'done');
  await expect(summary.getByTestId('summary-imported')).toHaveAttribute('data-value', '5');
  await expect(summary.getByTestId('summary-updated')).toHaveAttribute('data-value', '4');
  await expect(summary.getByTestId('summary-cells')).toHaveAttribute('data-value', '14');
  await expect(summary.getByTestId('summary-skipped')).toHaveAttribute('data-value', '5');
  const skipped = summary.getByTestId('summary-skipped-file');
  await expect(skipped).toHaveCount(5);
  await expect(skipped.filter({ hasText: 'Dai_Quang.xlsx' })).toContainText('không chọn');
  await expect(skipped.filter({ hasText: 'Thanh_Phu.xlsx' })).toContainText('không chọn (xung đột)');
  await expect(skipped.filter({ hasText: 'Duc_Hai (2).xlsx' })).toContainText('không chọn (trùng xã)');
  await expect(skipped.filter({ hasText: 'Son_Vi.xlsx' })).toContainText('không chọn (không rõ xã)');
  await expect(skipped.filter({ hasText: 'Thanh_Loi.xlsx' })).toContainText('bị hỏng');
  await page.screenshot({ path: testInfo.outputPath('import-summary.png') });
  await expect(page.getByTestId('notice')).toContainText('Đã nhập 5 tệp, 14 ô thay đổi. Bỏ qua 5 tệp.');

  // Stored: exactly the ticked files, each whole.
  expect(submissions(host, districtId)).toEqual(
    ['An Lương ← An_Luong.xlsx', 'Cát Lợi ← Cat_Loi.xlsx', 'Cẩm Ấp ← Cam_Ap.xlsx', 'Đông Long ← Dong_Long.xlsx', 'Đức Hải ← Duc_Hai (1).xlsx'].sort(),
  );
  for (const f of ['Cat_Loi.xlsx', 'Dong_Long.xlsx', 'Duc_Hai (1).xlsx', 'Cam_Ap.xlsx']) {
    for (const c of expected.files[f].changes) expect(storedValue(host, districtId, c.template, expected.units[f]!, c.key), `${f} ${c.key}`).toBe(c.new);
  }
  for (const f of ['Dai_Quang.xlsx', 'Thanh_Phu.xlsx']) {
    for (const c of expected.files[f].changes) expect(storedValue(host, districtId, c.template, expected.units[f]!, c.key), `${f} ${c.key}`).toBe(c.old);
  }
  // Đức Hải holds its first file's values, not the second's.
  for (const c of expected.files['Duc_Hai (1).xlsx'].changes) expect(storedValue(host, districtId, c.template, 'Đức Hải', c.key)).toBe(c.new);

  // Enter closes the summary.
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
});

test('cancel while checking 200 files stops between two files and stores nothing', async ({ host, page }, testInfo) => {
  await prepareDistrict200(host);
  paceChecking(host, 160);
  await page.goto(host.url);
  const before = dbState(host);
  // "Hủy" once the checking (not the reading) has got through a first file.
  await armCancel(page, 'checking');
  const started = page.waitForResponse((r) => r.url().endsWith('/api/startImport'));
  await page.getByTestId('import-input').setInputFiles(twoHundred());
  const { batchId } = (await (await started).json()).value as { batchId: number };
  const dialog = page.getByTestId('import-dialog');

  const stopped = dialog.getByTestId('import-stopped');
  await expect(stopped).toBeVisible({ timeout: 30_000 });
  const at = await cancelledAt(page);
  expect(at).toBeGreaterThan(0);
  const text = (await stopped.textContent()) ?? '';
  const m = /Đã kiểm tra (\d+)\/200 tệp\. Chưa có gì được lưu\./.exec(text);
  expect(m, text).not.toBeNull();
  const checked = Number(m![1]);
  expect(checked).toBeGreaterThanOrEqual(at);
  expect(checked).toBeLessThan(200);
  // The files checked keep their status; the rest say they were not checked.
  await expect(dialog.locator('[data-testid="import-file-row"]:not([data-status="pending"])')).toHaveCount(checked);
  await expect(dialog.locator('[data-testid="import-file-row"][data-status="pending"]').first()).toContainText('Chưa kiểm tra');
  await page.screenshot({ path: testInfo.outputPath('check-cancelled.png') });
  expect(dbState(host)).toBe(before);

  await dialog.getByTestId('import-close').click();
  await expect(dialog).toBeHidden();
  // The batch has ended (its run returned: nothing more can be checked or stored) and stored nothing.
  const status = await host.api.importStatus({ batchId });
  expect(status.state).toBe('cancelled');
  expect(status.dryRun).toBe(true);
  expect(status.done).toBe(checked);
  expect(dbState(host)).toBe(before);
});

test('cancel while storing: the files stored stay stored whole, the rest are listed as not imported', async ({ host, page }) => {
  test.setTimeout(120_000);
  const districtId = await prepareDistrict200(host);
  // Each stored file made to take 25 ms more (a slower office PC): on a quick machine the 195
  // files would all be stored before the page's next poll could show a first one and cancel.
  const addSubmission = host.store.addSubmission.bind(host.store);
  const pause = new Int32Array(new SharedArrayBuffer(4));
  host.store.addSubmission = (...args) => {
    Atomics.wait(pause, 0, 0, 25);
    return addSubmission(...args);
  };
  await page.goto(host.url);
  await page.getByTestId('import-input').setInputFiles(twoHundred());
  const dialog = page.getByTestId('import-dialog');
  await expect(dialog).toHaveAttribute('data-phase', 'preview', { timeout: 60_000 });
  await armCancel(page, 'storing');
  await dialog.getByTestId('import-apply').click();

  const summary = dialog.getByTestId('import-summary');
  await expect(summary).toHaveAttribute('data-state', 'cancelled', { timeout: 30_000 });
  const at = await cancelledAt(page);
  expect(at).toBeGreaterThan(0);
  const imported = Number(await summary.getByTestId('summary-imported').getAttribute('data-value'));
  expect(imported).toBeGreaterThanOrEqual(at);
  expect(imported).toBeLessThan(195);
  await expect(summary).toContainText('Đã dừng theo yêu cầu');
  await expect(summary.getByTestId('summary-skipped-file').filter({ hasText: 'chưa nhập: đã dừng trước tệp này' })).toHaveCount(195 - imported);
  // What the summary says is what the database holds: one submission per stored file, each whole.
  const stored = submissions(host, districtId);
  expect(stored).toHaveLength(imported);
  for (const s of stored) {
    const file = s.split(' ← ')[1];
    const f = Object.keys(expected.files).find((x) => nfc(x) === file)!;
    for (const c of expected.files[f].changes) expect(storedValue(host, districtId, c.template, expected.units[f]!, c.key), `${f} ${c.key}`).toBe(c.new);
  }
});

test('the dialog keeps the keyboard: Tab and Shift+Tab go round its own controls, never to the grid behind', async ({ host, page }) => {
  await prepareDistrict200(host);
  await page.goto(host.url);
  await page.getByTestId('import-input').setInputFiles(twoHundred(['An_Luong.xlsx', 'Cam_Ap.xlsx', 'Son_Vi.xlsx']));
  const dialog = page.getByTestId('import-dialog');
  await expect(dialog).toHaveAttribute('data-phase', 'preview', { timeout: 30_000 });
  const focusInDialog = () => page.evaluate(() => document.querySelector('[data-testid="import-dialog"]')!.contains(document.activeElement));
  const seen = new Set<string>();
  for (const key of [...Array(25).fill('Tab'), ...Array(25).fill('Shift+Tab')]) {
    await page.keyboard.press(key);
    expect(await focusInDialog(), `after ${key}`).toBe(true);
    seen.add(await page.evaluate(() => document.activeElement!.outerHTML.slice(0, 80)));
  }
  // It went round more than one control (the checkboxes, the buttons).
  expect(seen.size).toBeGreaterThan(3);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});
