// Numbers and words of the target messages (DOMAIN.md §10.2, §5): a share shown with two
// decimals and a decimal comma, rounded half-up from the exact fraction. The display never
// decides anything: decisions compare whole numbers.

/** 100·m/N rounded half-up to two decimals, with a decimal comma: 18/21 → "85,71%". */
export function percentText(m: number, n: number): string {
  if (n <= 0) return '';
  // Hundredths of a percent, half-up, in whole numbers: ⌊(2·10000·m + N) / 2N⌋.
  const hundredths = Math.floor((20000 * m + n) / (2 * n));
  const whole = Math.floor(hundredths / 100);
  const frac = String(hundredths % 100).padStart(2, '0');
  return `${whole},${frac}%`;
}

/** The fewest rows at the level that make 100·m ≥ p·N hold: ⌈p·N/100⌉. */
export function neededFor(percent: number, n: number): number {
  return Math.floor((percent * n + 99) / 100);
}

/** Whether m of N rows reach p%: 100·m ≥ p·N, whole numbers, equality passes. */
export function shareMet(m: number, n: number, percent: number): boolean {
  return 100 * m >= percent * n;
}

export function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
