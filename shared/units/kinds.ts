// The kinds of administrative unit (DOMAIN.md §11.1) and the words that name them. The kind word
// is data: every label, header and message takes it from here, never from a hard-coded "huyện".
import { cleanText } from '../text/normalize';

export const UNIT_KINDS = [
  'tinh', // tỉnh
  'thanh-pho-tw', // thành phố trực thuộc trung ương
  'huyen', // until 30/6/2025
  'quan',
  'thi-xa',
  'thanh-pho', // thành phố thuộc tỉnh, until 30/6/2025
  'xa',
  'phuong',
  'thi-tran', // until 30/6/2025
  'dac-khu', // from 1/7/2025
] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

export type Tier = 'province' | 'district' | 'commune';

interface KindInfo {
  /** As it starts a name: "Tỉnh Cao Bằng", "Thị trấn Xuân Hòa". */
  word: string;
  tier: Tier;
}

export const KINDS: Record<UnitKind, KindInfo> = {
  tinh: { word: 'Tỉnh', tier: 'province' },
  'thanh-pho-tw': { word: 'Thành phố', tier: 'province' },
  huyen: { word: 'Huyện', tier: 'district' },
  quan: { word: 'Quận', tier: 'district' },
  'thi-xa': { word: 'Thị xã', tier: 'district' },
  'thanh-pho': { word: 'Thành phố', tier: 'district' },
  xa: { word: 'Xã', tier: 'commune' },
  phuong: { word: 'Phường', tier: 'commune' },
  'thi-tran': { word: 'Thị trấn', tier: 'commune' },
  'dac-khu': { word: 'Đặc khu', tier: 'commune' },
};

export function tierOf(kind: UnitKind): Tier {
  return KINDS[kind].tier;
}

/** "tỉnh", "thị trấn": the kind word inside a sentence. */
export function kindLower(kind: UnitKind): string {
  return KINDS[kind].word.toLowerCase();
}

/** "Xã Tổng Cọt", "Thị trấn Xuân Hòa", "Tỉnh Cao Bằng". */
export function unitTitle(kind: UnitKind, name: string): string {
  return `${KINDS[kind].word} ${name}`;
}

// The kind words a name may start with (§11.3), longest first so that "Thị xã" is not read as
// "Thị" + "xã …". Tone marks are part of the word: "Phương Trung" is a name, not "Phường Trung".
// Abbreviations of one letter count only with their dot ("P.3", "H. Hà Quảng").
const PREFIXES: { re: RegExp; kinds: UnitKind[] }[] = [
  { re: /^thành phố(?:\s+|\.\s*)/, kinds: ['thanh-pho', 'thanh-pho-tw'] },
  { re: /^thị trấn(?:\s+|\.\s*)/, kinds: ['thi-tran'] },
  { re: /^thị xã(?:\s+|\.\s*)/, kinds: ['thi-xa'] },
  { re: /^đặc khu(?:\s+|\.\s*)/, kinds: ['dac-khu'] },
  { re: /^phường(?:\s+|\.\s*)/, kinds: ['phuong'] },
  { re: /^huyện(?:\s+|\.\s*)/, kinds: ['huyen'] },
  { re: /^quận(?:\s+|\.\s*)/, kinds: ['quan'] },
  { re: /^tỉnh(?:\s+|\.\s*)/, kinds: ['tinh'] },
  { re: /^xã(?:\s+|\.\s*)/, kinds: ['xa'] },
  { re: /^tp(?:\s+|\.\s*)/, kinds: ['thanh-pho', 'thanh-pho-tw'] },
  { re: /^tt(?:\s+|\.\s*)/, kinds: ['thi-tran'] },
  { re: /^tx(?:\s+|\.\s*)/, kinds: ['thi-xa'] },
  { re: /^p\.\s*/, kinds: ['phuong'] },
  { re: /^x\.\s*/, kinds: ['xa'] },
  { re: /^h\.\s*/, kinds: ['huyen'] },
  { re: /^q\.\s*/, kinds: ['quan'] },
];

// A name typed with no Vietnamese letter at all ("Xa Hoa Binh") has only the bare spelling.
const BARE_PREFIXES: { re: RegExp; kinds: UnitKind[] }[] = [
  { re: /^thanh pho\s+/, kinds: ['thanh-pho', 'thanh-pho-tw'] },
  { re: /^thi tran\s+/, kinds: ['thi-tran'] },
  { re: /^thi xa\s+/, kinds: ['thi-xa'] },
  { re: /^dac khu\s+/, kinds: ['dac-khu'] },
  { re: /^phuong\s+/, kinds: ['phuong'] },
  { re: /^huyen\s+/, kinds: ['huyen'] },
  { re: /^tinh\s+/, kinds: ['tinh'] },
  { re: /^xa\s+/, kinds: ['xa'] },
];

export interface KindAndName {
  /** The kind the word says, narrowed by the tier when one is given; null when no kind word. */
  kind: UnitKind | null;
  /** The kind word as written ("Thị trấn", "TT."), or null. */
  kindWord: string | null;
  /** The name without its kind word, cleaned (NFC, spaces collapsed). */
  name: string;
}

/**
 * Splits the kind word off a name: "Thị trấn Xuân Hoà" → thi-tran, "Xuân Hoà". "Thành phố" is a
 * province-level city or a district-level one: `tier` decides, else the district reading.
 */
export function splitKind(raw: string, tier?: Tier): KindAndName {
  const clean = cleanText(raw);
  const lower = clean.toLowerCase();
  const table = /^[\x00-\x7f]*$/.test(lower) ? [...PREFIXES, ...BARE_PREFIXES] : PREFIXES;
  for (const p of table) {
    const m = p.re.exec(lower);
    if (!m || m[0].length >= clean.length) continue;
    const kinds = tier ? p.kinds.filter((k) => KINDS[k].tier === tier) : p.kinds;
    return { kind: kinds[0] ?? p.kinds[0], kindWord: clean.slice(0, m[0].length).trim(), name: clean.slice(m[0].length).trim() };
  }
  return { kind: null, kindWord: null, name: clean };
}

/** Commune-tier kinds valid before and after 1/7/2025 ("xã/thị trấn" or "xã/phường/đặc khu"). */
export function isCommuneKind(kind: UnitKind | null): boolean {
  return kind !== null && KINDS[kind].tier === 'commune';
}
