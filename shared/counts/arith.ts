// Rates in whole numbers (DOMAIN.md §9.3). A criterion "rate ≥ T%" is 100·n ≥ T·d, compared
// exactly: no rate is rounded before it is compared (89,996% fails 90%, where the peer tools pass
// it). Doubles are exact for whole numbers below 2^53, far above any count of people times 100.

import { viNumber } from '../text/intl';

const PCT2 = viNumber({ minimumFractionDigits: 2, maximumFractionDigits: 2, useGrouping: true });
const PCT3 = viNumber({ minimumFractionDigits: 3, maximumFractionDigits: 3, useGrouping: true });
const PRINTED = viNumber({ minimumFractionDigits: 2, maximumFractionDigits: 4, useGrouping: true });
const WHOLE = viNumber({ maximumFractionDigits: 0, useGrouping: true });
const PLAIN = viNumber({ maximumFractionDigits: 4, useGrouping: true });

/** True when the rate n/d exists: both present, d > 0. */
export function hasRate(n: number | null | undefined, d: number | null | undefined): boolean {
  return n != null && d != null && d > 0;
}

/** 100·n ≥ T·d: the criterion passes (call only where the rate exists). */
export function meets(n: number, d: number, threshold: number): boolean {
  return 100 * n >= threshold * d;
}

/** The fewest extra people in the numerator, the denominator unchanged, that make it pass. */
export function shortfall(n: number, d: number, threshold: number): number {
  // ⌈T·d/100⌉ in whole numbers (T is a whole percentage).
  const need = Math.floor((threshold * d + 99) / 100);
  return Math.max(0, need - n);
}

/** The display reaches T ("90,00%") but the criterion fails (89,998%). */
export function isBorderline(n: number, d: number, threshold: number): boolean {
  return 100 * n < threshold * d && 20000 * n >= (200 * threshold - 1) * d;
}

/** 100·n/d rounded half-up to `decimals` places, exactly, as a number (for display only). */
function roundedRate(n: number, d: number, decimals: 2 | 3): number {
  const scale = decimals === 2 ? 10_000 : 100_000;
  return Math.floor((2 * scale * n + d) / (2 * d)) / (scale / 100);
}

/**
 * The rate with `decimals` places, written from the whole number of hundredths (thousandths) it
 * rounds to: the same text Intl gives for that rate, without Intl's cost per call (a country's
 * findings quote thousands of rates). Counts that are not whole numbers go to Intl.
 */
function rateText(n: number, d: number, decimals: 2 | 3, intl: () => Intl.NumberFormat): string {
  const scale = decimals === 2 ? 10_000 : 100_000;
  const units = Math.floor((2 * scale * n + d) / (2 * d));
  if (!Number.isSafeInteger(units) || units < 0 || !Number.isInteger(n) || !Number.isInteger(d)) return `${intl().format(roundedRate(n, d, decimals))}%`;
  const per = decimals === 2 ? 100 : 1000;
  return `${formatCount(Math.floor(units / per))},${String(units % per).padStart(decimals, '0')}%`;
}

/** "89,50%"; blank when the rate does not exist. */
export function formatRate(n: number | null | undefined, d: number | null | undefined): string {
  return hasRate(n, d) ? rateText(n!, d!, 2, PCT2) : '';
}

/** "89,998%": three decimals, shown beside a borderline rate. */
export function formatRate3(n: number, d: number): string {
  return rateText(n, d, 3, PCT3);
}

/** The rate 100·n/d on the 0–100 scale, for a cell that shows it (never for a comparison). */
export function rateValue(n: number, d: number): number {
  return roundedRate(n, d, 2);
}

/** "4.019". */
export function formatCount(n: number): string {
  // Intl costs microseconds a call and a country's findings make thousands: a whole number ≥ 0
  // is grouped by hand, as vi-VN groups it ("." every three digits, from 1.000); the rest
  // (negative, -0, fractions, beyond 2^53) goes to Intl.
  if (!Number.isSafeInteger(n) || n < 0 || Object.is(n, -0)) return WHOLE().format(n);
  const digits = String(n);
  let out = digits.slice(0, ((digits.length - 1) % 3) + 1);
  for (let i = out.length; i < digits.length; i += 3) out += `.${digits.slice(i, i + 3)}`;
  return out;
}

/** A printed rate as written: "98,50%", "90,00%", "89,996%". */
export function formatPrinted(p: number): string {
  return `${PRINTED().format(p)}%`;
}

const THRESHOLDS = new Map<number, string>();

/** A threshold: "90%", or "81,5%" should a template ever carry one. Remembered: a template has a handful. */
export function formatThreshold(t: number): string {
  let out = THRESHOLDS.get(t);
  if (out === undefined) THRESHOLDS.set(t, (out = `${PLAIN().format(t)}%`));
  return out;
}

/**
 * A printed rate p (0–100 scale) mismatches the counts ⇔ |p − 100·n/d| > 0,005 (§9.3).
 * Compared as |200·p·d − 20000·n| > d with p taken to the millionth, so that a rate printed rounded
 * to two decimals never mismatches, even exactly at the half (89,995 printed "90,00" or "89,99").
 */
export function rateMismatches(p: number, n: number, d: number): boolean {
  const micro = Math.round(p * 1_000_000);
  const lhs = micro * d; // = 1e6·p·d
  const rhs = 100_000_000 * n; // = 1e6·100·n
  if (Math.abs(lhs) < Number.MAX_SAFE_INTEGER && rhs < Number.MAX_SAFE_INTEGER) {
    return Math.abs(lhs - rhs) > 5000 * d;
  }
  const diff = BigInt(micro) * BigInt(d) - BigInt(100_000_000) * BigInt(n);
  return (diff < 0n ? -diff : diff) > 5000n * BigInt(d);
}
