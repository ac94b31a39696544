// The window's remembered size and place: read back as saved, and put back only where a screen
// still is (a second monitor unplugged since must not leave the app off-screen).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fitToDisplays, loadBounds, saveBounds, type Area } from '../../electron/main/window-state';

const laptop: Area = { x: 0, y: 0, width: 1366, height: 728 };
const rightMonitor: Area = { x: 1366, y: 0, width: 1920, height: 1040 };

describe('loadBounds / saveBounds', () => {
  let dir = '';
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('reads back what was saved, and the default for a missing, unreadable or absurd file', () => {
    dir = mkdtempSync(join(tmpdir(), 'pcgd-win-'));
    expect(loadBounds(dir)).toEqual({ width: 1280, height: 800 });
    saveBounds(dir, { width: 1000, height: 700, x: 10, y: 20, maximized: true });
    expect(loadBounds(dir)).toEqual({ width: 1000, height: 700, x: 10, y: 20, maximized: true });
    writeFileSync(join(dir, 'window.json'), '{"width": 10, "height": 10}');
    expect(loadBounds(dir)).toEqual({ width: 1280, height: 800 });
    writeFileSync(join(dir, 'window.json'), 'không phải JSON');
    expect(loadBounds(dir)).toEqual({ width: 1280, height: 800 });
  });

  it('saving into a folder that cannot be written does not throw', () => {
    dir = mkdtempSync(join(tmpdir(), 'pcgd-win-'));
    expect(() => saveBounds(join(dir, 'không-có', 'thư-mục'), { width: 800, height: 600 })).not.toThrow();
  });
});

describe('fitToDisplays', () => {
  it('keeps a place that lies on a present display', () => {
    expect(fitToDisplays({ width: 1200, height: 700, x: 50, y: 10 }, [laptop])).toEqual({ width: 1200, height: 700, x: 50, y: 10 });
    expect(fitToDisplays({ width: 1200, height: 700, x: 1500, y: 100 }, [laptop, rightMonitor])).toEqual({ width: 1200, height: 700, x: 1500, y: 100 });
  });

  it('drops a place on a monitor that is gone (the window is centred), keeping its size', () => {
    expect(fitToDisplays({ width: 1200, height: 700, x: 1500, y: 100 }, [laptop])).toEqual({ width: 1200, height: 700 });
  });

  it('drops a place whose title bar is above or left of every screen, or barely on one', () => {
    expect(fitToDisplays({ width: 1000, height: 600, x: 100, y: -300 }, [laptop])).toEqual({ width: 1000, height: 600 });
    // Only 50 px of the title bar on the laptop: too little to grab it.
    expect(fitToDisplays({ width: 1000, height: 600, x: -950, y: 100 }, [laptop])).toEqual({ width: 1000, height: 600 });
    // 200 px on it: kept.
    expect(fitToDisplays({ width: 1000, height: 600, x: -800, y: 100 }, [laptop])).toEqual({ width: 1000, height: 600, x: -800, y: 100 });
  });

  it('shrinks a window larger than every display to the largest one, and keeps maximized', () => {
    expect(fitToDisplays({ width: 1900, height: 1000, x: 0, y: 0, maximized: true }, [laptop])).toEqual({ width: 1366, height: 728, x: 0, y: 0, maximized: true });
  });

  it('with no display reported, leaves the bounds as saved', () => {
    const b = { width: 900, height: 600, x: 5000, y: 5000 };
    expect(fitToDisplays(b, [])).toBe(b);
  });
});
