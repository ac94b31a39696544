// The narrow bridge: one typed function per contract method, nothing else. No ipcRenderer,
// no Node reaches the page (Actual Budget's preload pattern).
import { contextBridge, ipcRenderer } from 'electron';
import { METHODS, type Api, type Envelope } from '../shared/api';
import { UserError } from '../shared/errors';
import { isMenuCommand, type MenuCommand } from '../shared/menu';

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
