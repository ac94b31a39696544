// Numbers, shares and times as written in Vietnam, and when Intl is asked for them. The first
// Intl object of a page costs 33–49 ms (ICU's data for vi-VN): the modules the first screen loads
// make none at their top level, and whole counts and shares never need one.
import { afterEach, describe, expect, it, vi } from 'vitest';

afterEach(() => {
  vi.restoreAllMocks();
  vi.resetModules();
});

/** Loads the formatting modules afresh, counting the Intl objects made from then on. */
async function loadCounting() {
  vi.resetModules();
  const numbers = vi.spyOn(Intl, 'NumberFormat');
  const dates = vi.spyOn(Intl, 'DateTimeFormat');
  const arith = await import('../../shared/counts/arith');
  const shares = await import('../../shared/rules/shares');
  const format = await import('../../renderer/src/platform/format');
  return { arith, shares, format, made: () => numbers.mock.calls.length + dates.mock.calls.length };
}

describe('Intl objects are made when first used, not when a module loads', () => {
  it('loading the modules makes none; whole counts, rates and shares need none', async () => {
    const { arith, shares, format, made } = await loadCounting();
    expect(made()).toBe(0);
    expect(format.formatCount(3321)).toBe('3.321');
    expect(format.formatCount(1234567)).toBe('1.234.567');
    expect(arith.formatCount(4019)).toBe('4.019');
    expect(arith.formatRate(20, 21)).toBe('95,24%');
    expect(shares.formatPercent(20, 21)).toBe('95,24%');
    expect(made()).toBe(0);
  });

  it('a time, a fraction or a negative number makes its formatter once, and only then', async () => {
    const { arith, format, made } = await loadCounting();
    expect(format.formatTime('2025-09-15T03:42:05Z')).toMatch(/^\d{2}:42:05$/);
    expect(made()).toBe(1);
    format.formatTime('2025-09-15T03:43:00Z');
    expect(made()).toBe(1);
    expect(format.formatCount(1.5)).toBe(new Intl.NumberFormat('vi-VN').format(1.5));
    expect(arith.formatCount(-1200)).toBe('-1.200');
    expect(arith.formatPrinted(90)).toBe('90,00%');
  });
});

describe('a share, as the levels line and the exported report write it', () => {
  it('is the text Intl gives, for every share of up to 300 communes', async () => {
    const shares = await import('../../shared/rules/shares');
    const intl = new Intl.NumberFormat('vi-VN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    const differ: string[] = [];
    for (let whole = 1; whole <= 300; whole++)
      for (let part = 0; part <= whole; part++)
        if (shares.formatPercent(part, whole) !== `${intl.format((100 * part) / whole)}%`) differ.push(`${part}/${whole}`);
    expect(differ).toEqual([]);
  });

  it('rounds an exact half up; nothing of nothing is a dash', async () => {
    const shares = await import('../../shared/rules/shares');
    expect(shares.formatPercent(3, 4000)).toBe('0,08%');
    expect(shares.formatPercent(1, 32)).toBe('3,13%');
    expect(shares.formatPercent(0, 0)).toBe('–');
    expect(shares.formatPercent(21, 21)).toBe('100,00%');
  });
});
