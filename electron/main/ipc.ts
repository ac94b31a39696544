// IPC wiring: one handler per contract method, each checking its sender and validating its
// payload (in dispatch) before the call goes to the backend worker (core/app-thread.ts).
import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { METHODS, type Api } from '../../shared/api';
import { dispatch } from '../core/dispatch';
import type { FaultLog } from '../core/fault-log';
import { isTrustedUrl } from './security';

export function registerIpc(api: Api, log?: FaultLog): void {
  for (const m of METHODS) {
    ipcMain.handle(`api:${m}`, (e: IpcMainInvokeEvent, payload: unknown) => {
      if (!isTrustedUrl(e.senderFrame?.url)) return { ok: false, error: 'Yêu cầu không đến từ ứng dụng.' };
      return dispatch(api, m, payload, log);
    });
  }
}
