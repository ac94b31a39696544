// Matching unit names (DOMAIN.md §11.3, extending §6): an exact key that forgives case, spaces,
// the place of the tone mark and the kind word; a loose key without any letter marks, which
// collides Hòa / Hóa / Hoa and is therefore used only inside one old district.
import { memoText } from '../text/memo';
import { splitKind } from './kinds';

const TONES = ['\u0301', '\u0300', '\u0309', '\u0303', '\u0323'];
const TONE_RE = /[\u0300\u0301\u0303\u0309\u0323]/g;

/**
 * One syllable with its tone moved to a fixed place: "hoà" and "hòa" (or "thuỷ" and "thủy") are
 * the same word written by two conventions. Any syllable has one tone, so keying every word as
 * (letters without tone, tone) changes nothing else ("Hoàng", "Thuận" keep theirs).
 */
function toneCanonical(word: string): string {
  const nfd = word.normalize('NFD');
  const tones = nfd.match(TONE_RE) ?? [];
  if (tones.length === 0) return word;
  const base = nfd.replace(TONE_RE, '').normalize('NFC');
  return `${base}~${tones.map((t) => TONES.indexOf(t)).join('')}`;
}

function words(name: string): string[] {
  return name
    .toLowerCase()
    .replace(/\s*[-–—]\s*/g, ' - ')
    .replace(/[,;()"“”]/g, ' ')
    .split(/\s+/)
    .filter(Boolean);
}

/** §11.3 key 1: NFC, spaces, case, tone placement, kind word removed, numbers as numbers. */
export const exactKey = memoText((raw: string): string => {
  const { name } = splitKind(raw);
  return words(name.normalize('NFC'))
    .map((w) => (/^\d+$/.test(w) ? String(Number(w)) : toneCanonical(w)))
    .join(' ');
}, 50_000);

/** §11.3 key 2: the exact key with every tone and letter mark removed, đ → d ("tong cot"). */
export const looseKey = memoText((raw: string): string => {
  const { name } = splitKind(raw);
  return words(name)
    .map((w) => (/^\d+$/.test(w) ? String(Number(w)) : w))
    .join(' ')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd');
}, 50_000);

/** Anything with a name and other spellings of it. */
export interface Named {
  name: string;
  aliases?: readonly string[];
}

export interface NameMatch<T> {
  /** Every candidate whose name or an alias has the row's key. */
  found: T[];
  /** Which key decided: 'exact', 'loose' (only when the exact key found nothing), or null. */
  by: 'exact' | 'loose' | null;
}

/**
 * The candidates a name designates, by exact key first and, only when that finds nothing and
 * `loose` is allowed (candidates of one old district), by the loose key.
 */
export function matchName<T extends Named>(raw: string, candidates: readonly T[], opts: { loose: boolean }): NameMatch<T> {
  const spellings = (c: T) => [c.name, ...(c.aliases ?? [])];
  const key = exactKey(raw);
  const exact = candidates.filter((c) => spellings(c).some((s) => exactKey(s) === key));
  if (exact.length > 0 || !opts.loose) return { found: exact, by: exact.length ? 'exact' : null };
  const lk = looseKey(raw);
  const loose = candidates.filter((c) => spellings(c).some((s) => looseKey(s) === lk));
  return { found: loose, by: loose.length ? 'loose' : null };
}
