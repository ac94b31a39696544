import { describe, expect, it } from 'vitest';
import { closeGate, CLOSE_WAIT_MS } from '../../electron/main/close-gate';

/** A gate with a hand-driven clock: the test fires the timer, nothing waits in real time. */
function harness(opts: { askThrows?: boolean } = {}) {
  const log: string[] = [];
  const timers = new Map<number, { fn: () => void; ms: number }>();
  let next = 1;
  const gate = closeGate({
    ask: () => {
      log.push('ask');
      if (opts.askThrows) throw new Error('Object has been destroyed');
    },
    close: () => log.push('close'),
    setTimer: (fn, ms) => {
      timers.set(next, { fn, ms });
      return next++;
    },
    clearTimer: (t) => timers.delete(t as number),
  });
  const fireTimers = () => [...timers.values()].forEach((t) => t.fn());
  return { gate, log, timers, fireTimers };
}

describe('closing the window waits for the page to store its edits', () => {
  it('holds the first close, asks the page once, and closes when the page is ready', () => {
    const { gate, log, timers } = harness();
    expect(gate.mayClose()).toBe(false);
    expect(log).toEqual(['ask']);
    // A second close while waiting (the user clicks again) is held too, without asking again.
    expect(gate.mayClose()).toBe(false);
    expect(log).toEqual(['ask']);
    gate.pageReady();
    expect(log).toEqual(['ask', 'close']);
    expect(timers.size).toBe(0);
    // The close the gate itself asked for goes through.
    expect(gate.mayClose()).toBe(true);
    expect(log).toEqual(['ask', 'close']);
  });

  it('closes anyway after the bounded wait when the page never answers', () => {
    const { gate, log, timers, fireTimers } = harness();
    expect(gate.mayClose()).toBe(false);
    expect([...timers.values()].map((t) => t.ms)).toEqual([CLOSE_WAIT_MS]);
    expect(CLOSE_WAIT_MS).toBeLessThanOrEqual(2000);
    fireTimers();
    expect(log).toEqual(['ask', 'close']);
    // A late answer does not close twice.
    gate.pageReady();
    expect(log).toEqual(['ask', 'close']);
    expect(gate.mayClose()).toBe(true);
  });

  it('closes at once when the page cannot be asked (gone)', () => {
    const { gate, log, timers } = harness({ askThrows: true });
    expect(gate.mayClose()).toBe(false);
    expect(log).toEqual(['ask', 'close']);
    expect(timers.size).toBe(0);
    expect(gate.mayClose()).toBe(true);
  });

  it('a page ready before any close was asked for does not close the window', () => {
    const { gate, log } = harness();
    gate.pageReady();
    expect(log).toEqual([]);
    expect(gate.mayClose()).toBe(false);
    expect(log).toEqual(['ask']);
  });
});
