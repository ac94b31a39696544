// What a mark cell may hold (DOMAIN.md §3): x, X and × are marks; blank is no mark;
// anything else is an invalid value.
import { cleanText } from './normalize';

export type MarkState = 'mark' | 'blank' | 'invalid';

export function markState(raw: string | null | undefined): MarkState {
  // Fast path: stored and read marks are already clean (rules run on every keystroke).
  if (raw === 'x' || raw === 'X' || raw === '×') return 'mark';
  if (raw === undefined || raw === null || raw === '') return 'blank';
  const v = cleanText(raw);
  if (v === '') return 'blank';
  return v === 'x' || v === 'X' || v === '×' ? 'mark' : 'invalid';
}

/** The form a mark is stored and written in. */
export const MARK = 'x';

/** A printed total: a whole, non-negative number, or null when the cell holds anything else. */
export function parseCount(raw: string | null | undefined): number | null {
  const v = cleanText(raw ?? '');
  if (v === '') return 0;
  return /^\d+$/.test(v) ? Number(v) : null;
}
