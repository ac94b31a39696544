// Nothing typed is lost when the page goes: a reload, a closed tab or window, the app hidden.
// The cell being typed into is committed and every save still waiting is sent at once
// (pagehide, visibilitychange to hidden), in requests that outlive the page. In Electron the
// main process asks before the window closes and waits (bounded) until all is stored.
import { useEffect } from 'react';
import { commitEdits } from './editCommit';
import type { Saver } from './useSaver';

/** The preload's window hook (electron/main/preload.ts): run before the window closes. */
declare global {
  interface Window {
    appWindow?: { onBeforeClose(cb: () => Promise<void>): () => void };
  }
}

export function useKeepOnLeave({ sendNow, flushAll }: Pick<Saver, 'sendNow' | 'flushAll'>): void {
  useEffect(() => {
    const leave = () => {
      commitEdits();
      sendNow();
    };
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') leave();
    };
    window.addEventListener('pagehide', leave);
    document.addEventListener('visibilitychange', onVisibility);
    const offClose = window.appWindow?.onBeforeClose(flushAll);
    return () => {
      window.removeEventListener('pagehide', leave);
      document.removeEventListener('visibilitychange', onVisibility);
      offClose?.();
    };
  }, [sendNow, flushAll]);
}
