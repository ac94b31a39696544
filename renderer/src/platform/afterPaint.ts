// Work that must not hold back a frame the user is waiting for (the grid's first rows): it
// starts once that frame is painted.

/** How long to wait for a frame at most: a hidden window paints none. */
const NO_FRAME_MS = 200;

/** Resolves after the next frame is painted (a task queued from its animation frame runs after its paint), or after NO_FRAME_MS. */
export function afterPaint(): Promise<void> {
  return new Promise((ok) => {
    const timer = setTimeout(ok, NO_FRAME_MS);
    requestAnimationFrame(() => {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => {
        clearTimeout(timer);
        ok();
      };
      ch.port2.postMessage(0);
    });
  });
}
