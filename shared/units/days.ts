// Days on the officer's calendar, as ISO strings ("2025-07-01"). Apart from model.ts, which
// holds the units' zod schemas: the window imports these, and zod (about 85 KB minified) would
// come into the first chunk the grid waits for with them.

/** The ISO day before: "2025-07-01" → "2025-06-30". */
export function dayBefore(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  const t = new Date(Date.UTC(y, m - 1, d) - 86_400_000);
  return t.toISOString().slice(0, 10);
}

/** The ISO day after: "2025-06-30" → "2025-07-01". */
export function dayAfter(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}

/** Today on the officer's calendar (the machine's time zone), ISO "YYYY-MM-DD". */
export function localDay(now: Date = new Date()): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${two(now.getMonth() + 1)}-${two(now.getDate())}`;
}

/** "2025-07-01" → "01/07/2025", as the officer writes dates. */
export function viDate(day: string): string {
  const [y, m, d] = day.split('-');
  return `${d}/${m}/${y}`;
}
