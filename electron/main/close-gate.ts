// Before the window closes, the page stores what is being typed: the first close is held, the
// page is asked (main.ts sends it 'window:before-close'), and the window closes once the page
// says all is stored, or after a bounded wait (a page that hangs or is gone does not keep the
// window open). Plain logic without Electron, so that it is tested here (tests/unit).

export const CLOSE_WAIT_MS = 2000;
/** Main → page: commit and store your edits, the window is closing. */
export const BEFORE_CLOSE_CHANNEL = 'window:before-close';
/** Page → main: all is stored. */
export const CLOSE_READY_CHANNEL = 'window:close-ready';

export interface CloseGateDeps {
  /** Asks the page to commit and store its edits. */
  ask(): void;
  /** Closes the window for real (its close event then finds the gate open). */
  close(): void;
  waitMs?: number;
  setTimer?(fn: () => void, ms: number): unknown;
  clearTimer?(timer: unknown): void;
}

export interface CloseGate {
  /** The window's close event: true when it may close now, false to hold it (preventDefault). */
  mayClose(): boolean;
  /** The page has stored everything. */
  pageReady(): void;
}

export function closeGate({ ask, close, waitMs = CLOSE_WAIT_MS, setTimer = setTimeout, clearTimer = (t) => clearTimeout(t as ReturnType<typeof setTimeout>) }: CloseGateDeps): CloseGate {
  let state: 'open' | 'asking' | 'closing' = 'open';
  let timer: unknown = null;
  const finish = () => {
    if (state !== 'asking') return;
    state = 'closing';
    if (timer !== null) clearTimer(timer);
    timer = null;
    close();
  };
  return {
    mayClose() {
      if (state === 'closing') return true;
      if (state === 'asking') return false;
      state = 'asking';
      timer = setTimer(finish, waitMs);
      try {
        ask();
      } catch {
        // The page is gone (crashed, destroyed): nothing to wait for.
        finish();
      }
      return false;
    },
    pageReady: finish,
  };
}
