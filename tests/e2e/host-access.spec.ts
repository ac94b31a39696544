// The browser host in a real browser: the printed URL opens the grid it names (its secret
// traded for a cookie, the #/route kept), a tab without the secret is told what to do, and a
// page of another origin in the same browser, cookie and all, cannot write the database.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, test, type HostFixture } from './fixtures';
import { cell, grid, unitId, unitRows } from './helpers';

/** One of the demo's XMC marks, and the write that would flip it. */
async function target(demo: HostFixture) {
  const view = await demo.api.openGrid({ template: 'xmc' });
  const unit = unitId(demo.store, 'Lương Thông');
  const row = view.grid.rows.find((r) => r.unitId === unit)!;
  const key = Object.keys(row.values).find((k) => k.includes('|'))!;
  const before = row.values[key] ?? '';
  const forged = { reportId: view.report.id, writes: [{ unitId: unit, key, value: before === 'x' ? '' : 'x' }] };
  const now = async () => (await demo.api.openGrid({ reportId: view.report.id })).grid.rows.find((r) => r.unitId === unit)!.values[key] ?? '';
  return { before, forged, now };
}

test('the printed URL with #/grid/xmc opens the XMC grid; the secret leaves the address bar, the route stays', async ({ demo, page }) => {
  expect(demo.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?k=[A-Za-z0-9_-]{22,}$/);
  await page.goto(`${demo.url}#/grid/xmc`);
  await expect(page).toHaveURL(`${demo.origin}/#/grid/xmc`);
  await expect(unitRows(page, 'xmc')).toHaveCount(21);
  await expect(cell(page, 'xmc', demo.store, 'Lương Thông', 'name')).toHaveText('Lương Thông');
  // A reload keeps working: the cookie, not the URL, carries the secret now.
  await page.reload();
  await expect(unitRows(page, 'xmc')).toHaveCount(21);
});

test('a tab opened without the secret shows no data and says, in Vietnamese, to open the printed URL', async ({ demo, page }) => {
  await page.goto(`${demo.origin}/#/grid/xmc`);
  await expect(page.getByText(/chưa được mở bằng đường dẫn mà ứng dụng in ra khi khởi động/).first()).toBeVisible();
  await expect(grid(page, 'xmc').locator('.ag-row')).toHaveCount(0);
});

test('a plain HTML form on a local file, posted in the browser that holds the cookie, is refused and stores nothing', async ({ demo, page }) => {
  await page.goto(`${demo.url}#/grid/xmc`);
  await expect(unitRows(page, 'xmc')).toHaveCount(21);
  const { before, forged, now } = await target(demo);
  // The classic text/plain smuggle: the JSON is the field's name, `=` and the value close it.
  const name = `${JSON.stringify(forged).slice(0, -1)},"x":"`;
  const dir = mkdtempSync(join(tmpdir(), 'pcgd-form-'));
  const file = join(dir, 'form.html');
  writeFileSync(
    file,
    `<!doctype html><form method="post" enctype="text/plain" action="${demo.origin}/api/setCells"><input name='${name}' value='"}'></form><script>document.forms[0].submit()</script>`,
  );
  try {
    const answer = page.waitForResponse(`${demo.origin}/api/setCells`);
    await page.goto(pathToFileURL(file).href);
    expect((await answer).status()).toBe(403);
    expect(await now()).toBe(before);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a page of another port of this machine (same site: the cookie goes along) cannot write, by simple request or JSON', async ({ demo, page }) => {
  await page.goto(`${demo.url}#/grid/xmc`);
  await expect(unitRows(page, 'xmc')).toHaveCount(21);
  const { before, forged, now } = await target(demo);
  const evil = createServer((_, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>khác</title>'));
  await new Promise<void>((ok) => evil.listen(0, '127.0.0.1', ok));
  try {
    await page.goto(`http://127.0.0.1:${(evil.address() as AddressInfo).port}/`);
    const sent = page.waitForRequest((r) => r.url() === `${demo.origin}/api/setCells` && r.method() === 'POST');
    const preflighted = await page.evaluate(
      async ({ api, body }) => {
        // No preflight: text/plain, credentials included (SameSite=Strict still sends them: same
        // site). The browser sends it; its answer is hidden from the page (opaque, or blocked by
        // Cross-Origin-Resource-Policy): what counts is that nothing is stored.
        await fetch(api, { method: 'POST', mode: 'no-cors', credentials: 'include', headers: { 'content-type': 'text/plain' }, body }).catch(() => undefined);
        // With a preflight: the host grants no CORS, so this POST is never sent.
        return fetch(api, { method: 'POST', credentials: 'include', headers: { 'content-type': 'application/json' }, body }).then((r) => String(r.status), () => 'chặn');
      },
      { api: `${demo.origin}/api/setCells`, body: JSON.stringify(forged) },
    );
    await sent;
    expect(preflighted).toBe('chặn');
    expect(await now()).toBe(before);
  } finally {
    await new Promise((ok) => evil.close(ok));
  }
});

test('a window that a page of another origin opens on the app keeps no handle on it; the officer’s own window is not moved', async ({ demo, page, context }) => {
  const evil = createServer((_, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>khác</title>'));
  await new Promise<void>((ok) => evil.listen(0, '127.0.0.1', ok));
  try {
    await page.goto(`http://127.0.0.1:${(evil.address() as AddressInfo).port}/`);
    const popup = context.waitForEvent('page');
    await page.evaluate((url) => void ((window as unknown as { w: Window | null }).w = window.open(url)), `${demo.origin}/#/grid/xmc`);
    const opened = await popup;
    await opened.waitForLoadState();
    // Cross-Origin-Opener-Policy cut them apart: the opener sees the window as closed, and the
    // app's window has no opener to script or to navigate it back.
    expect(await opened.evaluate(() => window.opener)).toBeNull();
    await expect.poll(() => page.evaluate(() => (window as unknown as { w: Window }).w.closed)).toBe(true);
  } finally {
    await new Promise((ok) => evil.close(ok));
  }
  // The officer's own tab, opened from the printed URL, gets no such header (nothing to cut).
  const own = page.waitForResponse((r) => r.url() === `${demo.origin}/` && r.request().isNavigationRequest());
  await page.goto(`${demo.url}#/grid/xmc`);
  expect((await own).headers()['cross-origin-opener-policy']).toBeUndefined();
  await expect(unitRows(page, 'xmc')).toHaveCount(21);
});
