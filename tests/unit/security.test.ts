// The Electron window's security settings and the IPC and preload wiring: all derived from one
// contract, all refusing what they must refuse (the browser host's checks: host-security.test.ts). The electron module is
// replaced by recorders (its binary cannot run here); what is asserted is what our code asks of it.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, normalize } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { METHODS, type Api } from '../../shared/api';
import { dispatch } from '../../electron/core/dispatch';
import { fileFaultLog } from '../../electron/core/fault-log';
import { isUserError, UserError } from '../../shared/errors';
import { SAVE_PDF_CHANNEL } from '../../shared/print';
import type { Store } from '../../electron/core/store/store';
import { openTestApp, type TestApp } from '../support/handlers';
import { BEFORE_CLOSE_CHANNEL, CLOSE_READY_CHANNEL } from '../../electron/main/close-gate';
import { allowNavigation, APP_ORIGIN, CSP, isTrustedUrl, permissionAllowed, resolveAppPath, windowOpenHandler, windowOptions } from '../../electron/main/security';

const recorded = vi.hoisted(() => ({
  handlers: new Map<string, (e: unknown, p: unknown) => unknown>(),
  exposed: new Map<string, Record<string, (...a: unknown[]) => unknown>>(),
  invoked: [] as [string, unknown][],
  listeners: new Map<string, (...a: unknown[]) => unknown>(),
  sent: [] as string[],
}));

vi.mock('electron', () => ({
  ipcMain: { handle: (ch: string, fn: (e: unknown, p: unknown) => unknown) => recorded.handlers.set(ch, fn) },
  contextBridge: { exposeInMainWorld: (k: string, v: Record<string, (...a: unknown[]) => unknown>) => recorded.exposed.set(k, v) },
  ipcRenderer: {
    invoke: async (ch: string, p: unknown) => {
      recorded.invoked.push([ch, p]);
      if (ch === 'print:save-pdf') return (p as { title: string }).title === 'hỏng' ? { ok: false, error: 'Không tạo được tệp PDF.' } : { ok: true, saved: true, path: '/tmp/a.pdf' };
      return { ok: true, value: 'từ main' };
    },
    on: (ch: string, fn: (...a: unknown[]) => unknown) => recorded.listeners.set(ch, fn),
    removeListener: (ch: string) => recorded.listeners.delete(ch),
    send: (ch: string) => recorded.sent.push(ch),
  },
}));

let app: TestApp;
let store: Store;
let api: Api;

beforeAll(() => {
  app = openTestApp('pcgd-sec-');
  ({ store, api } = app);
});
afterAll(() => app.close());

describe('window settings (Electron security checklist)', () => {
  const opts = windowOptions('/app/preload.cjs', { width: 1200, height: 800 });
  it('isolates, sandboxes and denies Node to the page', () => {
    expect(opts.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      preload: '/app/preload.cjs',
    });
  });
  it('has a strict CSP: scripts from the app only, no eval, no inline script', () => {
    expect(CSP).toContain("default-src 'self'");
    expect(CSP).toContain("script-src 'self'");
    expect(CSP).not.toMatch(/script-src[^;]*unsafe/);
    expect(CSP).toContain("object-src 'none'");
  });
  it('trusts only its own origin for navigation and IPC', () => {
    expect(isTrustedUrl(`${APP_ORIGIN}/index.html#/grid/xmc`)).toBe(true);
    for (const bad of ['file:///C:/x.html', 'https://example.com/', 'app://other/index.html', 'http://127.0.0.1:5173/', '', undefined, 'not a url']) {
      expect(isTrustedUrl(bad)).toBe(false);
      if (bad) expect(allowNavigation(bad)).toBe(false);
    }
  });
  it('denies new windows and every permission', () => {
    expect(windowOpenHandler()).toEqual({ action: 'deny' });
    for (const p of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) expect(permissionAllowed(p)).toBe(false);
  });
  it('serves only files inside the renderer folder', () => {
    const root = '/app/dist/renderer';
    expect(resolveAppPath(root, `${APP_ORIGIN}/assets/a.js`, join, normalize)).toBe('/app/dist/renderer/assets/a.js');
    expect(resolveAppPath(root, `${APP_ORIGIN}/`, join, normalize)).toBe('/app/dist/renderer/index.html');
    expect(resolveAppPath(root, `${APP_ORIGIN}/..%2F..%2Fsecret.txt`, join, normalize)).toBeNull();
    expect(resolveAppPath(root, 'app://evil/index.html', join, normalize)).toBeNull();
  });
});

describe('one contract, wired in every face', () => {
  it('the handlers implement every method of the contract, and nothing else', () => {
    expect(Object.keys(api).sort()).toEqual([...METHODS].sort());
  });

  it('IPC registers one checked handler per method; a foreign sender is refused', async () => {
    const { registerIpc } = await import('../../electron/main/ipc');
    registerIpc(api);
    expect([...recorded.handlers.keys()].sort()).toEqual(METHODS.map((m) => `api:${m}`).sort());
    const overview = recorded.handlers.get('api:overview')!;
    expect(await overview({ senderFrame: { url: `${APP_ORIGIN}/index.html` } }, {})).toMatchObject({ ok: true });
    expect(await overview({ senderFrame: { url: 'https://evil.example/' } }, {})).toEqual({ ok: false, error: 'Yêu cầu không đến từ ứng dụng.' });
  });

  it('IPC rejects malformed payloads before any handler runs, in Vietnamese', async () => {
    const setCells = recorded.handlers.get('api:setCells')!;
    const frame = { senderFrame: { url: `${APP_ORIGIN}/` } };
    for (const bad of [null, { reportId: -1, writes: [] }, { reportId: 1, writes: [{ unitId: 1, key: 'a', value: 5 }] }, { reportId: 1, writes: [], extra: true }]) {
      const r = (await setCells(frame, bad)) as { ok: boolean; error: string };
      expect(r.ok).toBe(false);
      expect(r.error).toMatch(/^Dữ liệu gửi tới "setCells" không hợp lệ/);
    }
    expect(store.listUnits()).toEqual([]);
  });

  it('the preload exposes exactly the contract, each method invoking its own channel', async () => {
    await import('../../electron/main/preload');
    const exposed = recorded.exposed.get('api')!;
    expect(Object.keys(exposed).sort()).toEqual([...METHODS].sort());
    expect(await exposed.overview({})).toBe('từ main');
    expect(recorded.invoked).toContainEqual(['api:overview', {}]);
    // No raw ipcRenderer reaches the page: only functions of the contract, the menu hook and the close hook.
    expect([...recorded.exposed.keys()].sort()).toEqual(['api', 'appMenu', 'appPrint', 'appWindow']);
    expect(Object.keys(recorded.exposed.get('appWindow')!)).toEqual(['onBeforeClose']);
    expect(Object.keys(recorded.exposed.get('appPrint')!)).toEqual(['savePdf']);
  });

  it('Lưu PDF: the preload asks on its own channel and turns a refusal into a UserError', async () => {
    await import('../../electron/main/preload');
    const savePdf = recorded.exposed.get('appPrint')!.savePdf;
    expect(await savePdf({ title: 'Phụ lục 2 – Huyện Hà Quảng' })).toEqual({ saved: true, path: '/tmp/a.pdf' });
    expect(recorded.invoked).toContainEqual([SAVE_PDF_CHANNEL, { title: 'Phụ lục 2 – Huyện Hà Quảng' }]);
    const refused = await Promise.resolve(savePdf({ title: 'hỏng' })).catch((e: unknown) => e);
    expect(isUserError(refused)).toBe(true);
    expect((refused as Error).message).toBe('Không tạo được tệp PDF.');
  });

  it('the close hook answers the main process only once the page has stored its edits', async () => {
    await import('../../electron/main/preload');
    let store = () => {};
    const stored = new Promise<void>((ok) => (store = ok));
    const off = recorded.exposed.get('appWindow')!.onBeforeClose(() => stored) as () => void;
    recorded.listeners.get(BEFORE_CLOSE_CHANNEL)!();
    await Promise.resolve();
    expect(recorded.sent).toEqual([]);
    store();
    await expect.poll(() => recorded.sent).toEqual([CLOSE_READY_CHANNEL]);
    off();
    expect(recorded.listeners.has(BEFORE_CLOSE_CHANNEL)).toBe(false);
  });

  it('dispatch refuses an unknown method', async () => {
    expect(await dispatch(api, 'dropDatabase', {})).toEqual({ ok: false, error: 'Không có chức năng "dropDatabase".' });
  });

  it('dispatch shows a UserError as is; anything else, even in Vietnamese, as one line naming the log, its stack in the log', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pcgd-log-'));
    const log = fileFaultLog(join(dir, 'loi.log'));
    const failing = (e: Error) => ({ ...api, overview: async () => { throw e; } }) as typeof api;
    const english = await dispatch(failing(new TypeError("Cannot read properties of undefined (reading 'id')")), 'overview', {}, log);
    expect(english).toEqual({ ok: false, error: `Đã xảy ra lỗi không mong đợi. Chi tiết đã được ghi vào tệp nhật ký: ${log.path}` });
    const logged = readFileSync(log.path, 'utf8');
    expect(logged).toContain('api overview');
    expect(logged).toContain("TypeError: Cannot read properties of undefined (reading 'id')");
    // A plain Error in Vietnamese is still a defect (its wording was not meant for the officer).
    const plain = await dispatch(failing(new Error('Ổ đĩa đầy: không ghi được.')), 'overview', {}, log);
    expect(plain).toEqual(english);
    const user = await dispatch(failing(new UserError('Tệp bị khóa bởi Excel.')), 'overview', {}, log);
    expect(user).toEqual({ ok: false, error: 'Tệp bị khóa bởi Excel.' });
    rmSync(dir, { recursive: true, force: true });
  });
});
