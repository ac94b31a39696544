// Electron main: wiring only. Every piece of logic lives in modules that never import
// 'electron' (core/, security.ts, window-state.ts, menu-template.ts).
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, screen, session, type IpcMainInvokeEvent, type MenuItemConstructorOptions } from 'electron';
import { readFile } from 'node:fs/promises';
import { join, normalize } from 'node:path';
import { BEFORE_CLOSE_CHANNEL, closeGate, CLOSE_READY_CHANNEL } from './close-gate';
import { registerIpc } from './ipc';
import { menuTemplate, type MenuItemSpec } from './menu-template';
import { allowNavigation, APP_ORIGIN, APP_SCHEME, CSP, isTrustedUrl, permissionAllowed, resolveAppPath, windowOpenHandler, windowOptions } from './security';
import { writeFileAtomic } from '../core/export';
import { openApp, type App } from '../core/app';
import { fitToDisplays, loadBounds, saveBounds } from './window-state';
import { PDF_FAILED, PDF_FILTER, PDF_OPTIONS, pdfFileName, pdfTitle } from './print-pdf';
import { SAVE_PDF_CHANNEL, type PdfResult } from '../../shared/print';

const ROOT = join(__dirname, '..');
const RENDERER = join(ROOT, 'dist', 'renderer');
const MIME: Record<string, string> = { html: 'text/html', js: 'text/javascript', css: 'text/css', svg: 'image/svg+xml', png: 'image/png', woff2: 'font/woff2' };

protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

if (!app.requestSingleInstanceLock()) app.quit();

let win: BrowserWindow | null = null;
/** How long quitting waits for the backend worker to store the calls in flight and close. */
const BACKEND_CLOSE_LIMIT_MS = 10_000;

function toMenu(items: MenuItemSpec[]): MenuItemConstructorOptions[] {
  return items.map((i) => ({
    label: i.label,
    role: i.role as MenuItemConstructorOptions['role'],
    type: i.type,
    accelerator: i.accelerator,
    registerAccelerator: i.registerAccelerator,
    submenu: i.submenu ? toMenu(i.submenu) : undefined,
    click: i.command ? () => win?.webContents.send('menu:command', i.command) : undefined,
  }));
}

async function saveFile({ name, data }: { name: string; data: string }) {
  // The forms for the communes come as one .zip; everything else is a workbook.
  const filter = /\.zip$/i.test(name) ? { name: 'Tệp nén ZIP', extensions: ['zip'] } : { name: 'Sổ làm việc Excel', extensions: ['xlsx'] };
  const r = await dialog.showSaveDialog(win!, { defaultPath: name, filters: [filter] });
  if (r.canceled || !r.filePath) return { saved: false };
  await writeFileAtomic(r.filePath, Buffer.from(data, 'base64'));
  return { saved: true, path: r.filePath };
}

/** "Lưu thành PDF": the page as printed (its print layout), then the native save dialog. */
async function savePdf(e: IpcMainInvokeEvent, payload: unknown): Promise<PdfResult> {
  const title = pdfTitle(payload);
  if (!isTrustedUrl(e.senderFrame?.url) || title === null) return { ok: false, error: PDF_FAILED };
  try {
    const pdf = await e.sender.printToPDF(PDF_OPTIONS);
    const r = await dialog.showSaveDialog(win!, { defaultPath: pdfFileName(title), filters: [PDF_FILTER] });
    if (r.canceled || !r.filePath) return { ok: true, saved: false };
    await writeFileAtomic(r.filePath, pdf);
    return { ok: true, saved: true, path: r.filePath };
  } catch {
    return { ok: false, error: PDF_FAILED };
  }
}

async function start() {
  const userData = app.getPath('userData');
  const dbFile = join(userData, 'pcgd-xmc.db');
  let backend: App;
  try {
    // The store and the handlers run in a worker thread: this process only forwards IPC, so menus
    // and window moves never wait on an import. A damaged database opens in recovery (the page
    // offers its backups), not as a fresh one.
    backend = await openApp({ dbPath: dbFile, seedsDir: join(ROOT, 'seeds'), saveFile, inWorker: true });
  } catch (e) {
    dialog.showErrorBox('Không mở được cơ sở dữ liệu', e instanceof Error ? e.message : String(e));
    app.quit();
    return;
  }
  registerIpc(backend.api, backend.faultLog);
  ipcMain.handle(SAVE_PDF_CHANNEL, savePdf);

  protocol.handle(APP_SCHEME, async (req) => {
    const file = resolveAppPath(RENDERER, req.url, join, normalize);
    if (!file) return new Response('', { status: 403 });
    const body = await readFile(file).catch(() => readFile(join(RENDERER, 'index.html')));
    const ext = file.split('.').pop() ?? '';
    return new Response(body, { headers: { 'content-type': MIME[ext] ?? 'application/octet-stream', 'content-security-policy': CSP } });
  });

  session.defaultSession.setPermissionRequestHandler((_wc, permission, cb) => cb(permissionAllowed(permission)));
  session.defaultSession.setPermissionCheckHandler((_wc, permission) => permissionAllowed(permission));
  Menu.setApplicationMenu(Menu.buildFromTemplate(toMenu(menuTemplate())));

  const bounds = fitToDisplays(loadBounds(userData), screen.getAllDisplays().map((d) => d.workArea));
  win = new BrowserWindow(windowOptions(join(__dirname, 'preload.cjs'), bounds));
  if (bounds.maximized) win.maximize();
  win.webContents.on('will-navigate', (e, url) => {
    if (!allowNavigation(url)) e.preventDefault();
  });
  win.webContents.setWindowOpenHandler(windowOpenHandler);
  win.once('ready-to-show', () => win?.show());
  // The first close (the window's ×, Thoát, quitting) waits until the page has stored the cell
  // being typed into and every save on its way, at most CLOSE_WAIT_MS.
  const shown = win;
  const gate = closeGate({ ask: () => shown.webContents.send(BEFORE_CLOSE_CHANNEL), close: () => shown.close() });
  ipcMain.on(CLOSE_READY_CHANNEL, (e) => {
    if (e.sender === shown.webContents) gate.pageReady();
  });
  shown.on('close', (e) => {
    if (!gate.mayClose()) {
      e.preventDefault();
      return;
    }
    saveBounds(userData, { ...shown.getNormalBounds(), maximized: shown.isMaximized() });
  });
  // Only once the window is gone: a quit closes the window after 'before-quit', and the page's
  // last saves reach the database while the window waits. The quit itself is held until the
  // backend worker has stored every call in flight and closed the database.
  let closed = false;
  app.on('will-quit', (e) => {
    if (closed) return;
    e.preventDefault();
    // Bounded: a backend that hangs must not keep the app from quitting (SQLite keeps the file
    // sound; only a call still running is lost).
    const limit = new Promise((resolve) => setTimeout(resolve, BACKEND_CLOSE_LIMIT_MS));
    void Promise.race([backend.close(), limit]).finally(() => {
      closed = true;
      app.quit();
    });
  });
  await win.loadURL(`${APP_ORIGIN}/index.html`);
}

app.on('second-instance', () => {
  if (win) {
    if (win.isMinimized()) win.restore();
    win.focus();
  }
});
app.on('web-contents-created', (_e, contents) => {
  contents.on('will-attach-webview', (e) => e.preventDefault());
});
app.on('window-all-closed', () => app.quit());
app.whenReady().then(start);
