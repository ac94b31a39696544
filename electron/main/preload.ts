// The narrow bridge: one typed function per contract method, nothing else. No ipcRenderer,
// no Node reaches the page (Actual Budget's preload pattern).
import { contextBridge, ipcRenderer } from 'electron';
import { METHODS, type Api, type Envelope } from '../../shared/api';
import { UserError } from '../../shared/errors';
import { isMenuCommand, type MenuCommand } from '../../shared/menu';
import { SAVE_PDF_CHANNEL, type AppPrint, type PdfResult } from '../../shared/print';
import { BEFORE_CLOSE_CHANNEL, CLOSE_READY_CHANNEL } from './close-gate';

const api = Object.fromEntries(
  METHODS.map((m) => [
    m,
    async (input: unknown) => {
      const r = (await ipcRenderer.invoke(`api:${m}`, input)) as Envelope<unknown>;
      if (!r.ok) throw new UserError(r.error);
      return r.value;
    },
  ]),
) as Api;

contextBridge.exposeInMainWorld('api', api);
contextBridge.exposeInMainWorld('appMenu', {
  onCommand(cb: (c: MenuCommand) => void) {
    const listener = (_e: unknown, c: unknown) => {
      if (isMenuCommand(c)) cb(c);
    };
    ipcRenderer.on('menu:command', listener);
    return () => ipcRenderer.removeListener('menu:command', listener);
  },
});
// Before the window closes, the page commits the cell being typed into and waits for its saves;
// the main process waits (bounded) for this answer (close-gate.ts).
contextBridge.exposeInMainWorld('appWindow', {
  onBeforeClose(cb: () => Promise<void>) {
    const listener = () => {
      void Promise.resolve()
        .then(cb)
        .catch(() => {})
        .finally(() => ipcRenderer.send(CLOSE_READY_CHANNEL));
    };
    ipcRenderer.on(BEFORE_CLOSE_CHANNEL, listener);
    return () => ipcRenderer.removeListener(BEFORE_CLOSE_CHANNEL, listener);
  },
});
// "Lưu thành PDF" (main.ts: webContents.printToPDF and the save dialog).
const appPrint: AppPrint = {
  async savePdf(request) {
    const r = (await ipcRenderer.invoke(SAVE_PDF_CHANNEL, request)) as PdfResult;
    if (!r.ok) throw new UserError(r.error);
    return { saved: r.saved, path: r.path };
  },
};
contextBridge.exposeInMainWorld('appPrint', appPrint);
