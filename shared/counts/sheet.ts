// What the writer prints below a count table (DOMAIN.md §9.2): the "Cộng" row (summed counts,
// rates recomputed from the sums) and the footer lines from the computed levels.
import { hasRate, rateValue } from './arith';
import { countColumns, rateColumns, type CountTemplateDef } from './templates';
import type { CountRow, LevelResult } from './types';

/** The "Cộng" row: each count the sum of the commune rows (blank = 0); each rate from those sums, null where the summed denominator is 0. */
export function totalRow(t: CountTemplateDef, rows: readonly Pick<CountRow, 'counts'>[]): { counts: Record<string, number>; rates: Record<string, number | null> } {
  const counts: Record<string, number> = {};
  for (const c of countColumns(t)) {
    let sum = 0;
    for (const row of rows) sum += row.counts[c.key] ?? 0;
    counts[c.key] = sum;
  }
  const rates: Record<string, number | null> = {};
  for (const c of rateColumns(t)) rates[c.key] = hasRate(counts[c.num], counts[c.den]) ? rateValue(counts[c.num], counts[c.den]) : null;
  return { counts, rates };
}

/** The rate a row's cell shows (0–100, two decimals, rounded half-up), or null when it does not exist. */
export function rowRate(row: Pick<CountRow, 'counts'>, num: string, den: string): number | null {
  const n = row.counts[num];
  const d = row.counts[den];
  return hasRate(n, d) ? rateValue(n!, d!) : null;
}

/** The footer lines: per level k, the number of communes whose computed level L is at least k (§9.9 point 12). */
export function footerLines(t: CountTemplateDef, levels: readonly LevelResult[]): string[] {
  return t.levels.map((_, i) => {
    const n = levels.reduce((acc, l) => acc + (l.level >= i + 1 ? 1 : 0), 0);
    return t.footer.replace('{k}', String(i + 1)).replace('{n}', String(n));
  });
}
