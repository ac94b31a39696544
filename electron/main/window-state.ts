// The window's size and place, remembered between runs in the user-data folder, and put back
// only where a screen still is: an office PC that had a second monitor, or a projector, must not
// reopen the app off-screen where the officer cannot reach it.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Bounds {
  width: number;
  height: number;
  x?: number;
  y?: number;
  maximized?: boolean;
}

/** A display's usable area (Electron's `Display.workArea`). */
export interface Area {
  x: number;
  y: number;
  width: number;
  height: number;
}

const DEFAULT: Bounds = { width: 1280, height: 800 };
const MIN = { width: 640, height: 480 };
/** How much of the title bar must lie on a screen for the saved place to be kept. */
const GRIP = { width: 120, height: 40 };

export function loadBounds(dir: string): Bounds {
  try {
    const b = JSON.parse(readFileSync(join(dir, 'window.json'), 'utf8')) as Bounds;
    if (Number.isFinite(b.width) && Number.isFinite(b.height) && b.width >= MIN.width && b.height >= MIN.height) return b;
  } catch {
    // first run, or an unreadable file: the default size
  }
  return DEFAULT;
}

/**
 * The saved bounds made to fit the displays present now: the place is kept when enough of the
 * title bar lies on one of them, else dropped (the window is centred on the primary display);
 * the size never exceeds the largest display.
 */
export function fitToDisplays(b: Bounds, areas: Area[]): Bounds {
  if (!areas.length) return b;
  const maxW = Math.max(...areas.map((a) => a.width));
  const maxH = Math.max(...areas.map((a) => a.height));
  const width = Math.max(Math.min(b.width, maxW), Math.min(MIN.width, maxW));
  const height = Math.max(Math.min(b.height, maxH), Math.min(MIN.height, maxH));
  const fitted: Bounds = { width, height, ...(b.maximized ? { maximized: true } : {}) };
  if (!Number.isFinite(b.x) || !Number.isFinite(b.y)) return fitted;
  const x = b.x!;
  const y = b.y!;
  const reachable = areas.some((a) => {
    const overlapW = Math.min(x + width, a.x + a.width) - Math.max(x, a.x);
    // The title bar: the top GRIP.height pixels of the window.
    const overlapH = Math.min(y + GRIP.height, a.y + a.height) - Math.max(y, a.y);
    return overlapW >= GRIP.width && overlapH >= GRIP.height;
  });
  return reachable ? { ...fitted, x, y } : fitted;
}

export function saveBounds(dir: string, b: Bounds): void {
  try {
    writeFileSync(join(dir, 'window.json'), JSON.stringify(b));
  } catch {
    // losing the window size is not worth an error message
  }
}
