// The window's size and place, remembered between runs in the user-data folder.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Bounds {
  width: number;
  height: number;
  x?: number;
  y?: number;
  maximized?: boolean;
}

const DEFAULT: Bounds = { width: 1280, height: 800 };

export function loadBounds(dir: string): Bounds {
  try {
    const b = JSON.parse(readFileSync(join(dir, 'window.json'), 'utf8')) as Bounds;
    if (Number.isFinite(b.width) && Number.isFinite(b.height) && b.width >= 640 && b.height >= 480) return b;
  } catch {
    // first run, or an unreadable file: the default size
  }
  return DEFAULT;
}

export function saveBounds(dir: string, b: Bounds): void {
  try {
    writeFileSync(join(dir, 'window.json'), JSON.stringify(b));
  } catch {
    // losing the window size is not worth an error message
  }
}
