// Legacy Vietnamese encodings (DOMAIN.md §6): TCVN3 and VNI decoding letter by letter and word by
// word, detection that never fires on real Unicode text, and the TCVN3 sample workbook, encoded
// by someone else, decoding to the Unicode one cell for cell.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { sheetText } from '../../electron/core/excel/cells';
import { decodeSheet } from '../../shared/sheet/legacy';
import type { SheetText } from '../../shared/sheet/types';
import { detectLegacy, fontEncoding, isCapitalsFont, tcvn3ToUnicode, vniToUnicode } from '../../shared/text/legacy';

const REPO = resolve(__dirname, '..', '..');
const FIX = join(REPO, 'tests', 'fixtures');

// ---------------------------------------------------------------------------------------------
// Encoders, written here from the Unicode side so that the decoders are checked against a second
// reading of the tables rather than against themselves.

const TONED = ['', '\u0300', '\u0309', '\u0303', '\u0301', '\u0323']; // none, huyền, hỏi, ngã, sắc, nặng

// TCVN 5712:1993 VN3, lower case: per vowel, the byte of the bare letter then its five tones
// in the order of TONED.
const TCVN3_LOWER: Record<string, number[]> = {
  a: [0x61, 0xb5, 0xb6, 0xb7, 0xb8, 0xb9],
  ă: [0xa8, 0xbb, 0xbc, 0xbd, 0xbe, 0xc6],
  â: [0xa9, 0xc7, 0xc8, 0xc9, 0xca, 0xcb],
  e: [0x65, 0xcc, 0xce, 0xcf, 0xd0, 0xd1],
  ê: [0xaa, 0xd2, 0xd3, 0xd4, 0xd5, 0xd6],
  i: [0x69, 0xd7, 0xd8, 0xdc, 0xdd, 0xde],
  o: [0x6f, 0xdf, 0xe1, 0xe2, 0xe3, 0xe4],
  ô: [0xab, 0xe5, 0xe6, 0xe7, 0xe8, 0xe9],
  ơ: [0xac, 0xea, 0xeb, 0xec, 0xed, 0xee],
  u: [0x75, 0xef, 0xf1, 0xf2, 0xf3, 0xf4],
  ư: [0xad, 0xf5, 0xf6, 0xf7, 0xf8, 0xf9],
  y: [0x79, 0xfa, 0xfb, 0xfc, 0xfd, 0xfe],
};
const TCVN3_CAPITALS: Record<string, number> = { Ă: 0xa1, Â: 0xa2, Ê: 0xa3, Ô: 0xa4, Ơ: 0xa5, Ư: 0xa6, Đ: 0xa7, đ: 0xae };
// The full table (VN1) gives the capitals with tones bytes of their own, in C0, C1 and the
// places VN3 leaves free.
const TCVN_VN1_CAPITALS: Record<string, number> = {
  À: 0x80, Ả: 0x81, Ã: 0x82, Á: 0x83, Ạ: 0x84, Ặ: 0x85, Ậ: 0x86, È: 0x87, Ẻ: 0x88, Ẽ: 0x89, É: 0x8a, Ẹ: 0x8b,
  Ệ: 0x8c, Ì: 0x8d, Ỉ: 0x8e, Ĩ: 0x8f, Í: 0x90, Ị: 0x91, Ò: 0x92, Ỏ: 0x93, Õ: 0x94, Ó: 0x95, Ọ: 0x96, Ộ: 0x97,
  Ờ: 0x98, Ở: 0x99, Ỡ: 0x9a, Ớ: 0x9b, Ợ: 0x9c, Ù: 0x9d, Ủ: 0x9e, Ũ: 0x9f, Ằ: 0xaf, Ẳ: 0xba, Ẵ: 0xbf, Ắ: 0xc0,
  Ầ: 0xc1, Ẩ: 0xc2, Ẫ: 0xc3, Ấ: 0xc4, Ề: 0xc5, Ể: 0xcd, Ễ: 0xd9, Ế: 0xda, Ồ: 0xdb, Ổ: 0xe0, Ỗ: 0xf0, Ố: 0xff,
  Ú: 0x01, Ụ: 0x02, Ừ: 0x04, Ử: 0x05, Ữ: 0x06, Ứ: 0x11, Ự: 0x12, Ỳ: 0x13, Ỷ: 0x14, Ỹ: 0x15, Ý: 0x16, Ỵ: 0x17,
};

const CP1252: Record<number, string> = {
  0x80: '€', 0x82: '‚', 0x83: 'ƒ', 0x84: '„', 0x85: '…', 0x86: '†', 0x87: '‡', 0x88: 'ˆ', 0x89: '‰', 0x8a: 'Š',
  0x8b: '‹', 0x8c: 'Œ', 0x8e: 'Ž', 0x91: '‘', 0x92: '’', 0x93: '“', 0x94: '”', 0x95: '•', 0x96: '–', 0x97: '—',
  0x98: '˜', 0x99: '™', 0x9a: 'š', 0x9b: '›', 0x9c: 'œ', 0x9e: 'ž', 0x9f: 'Ÿ',
};

/** A byte as an .xlsx gives it back: Windows-1252 ("cp1252") or Latin-1 ("raw" C1 controls). */
function byteChar(b: number, c1: 'cp1252' | 'raw'): string {
  return c1 === 'cp1252' && CP1252[b] ? CP1252[b] : String.fromCharCode(b);
}

/** Vowel, tone index in TONED, or null for a letter that is not a Vietnamese vowel. */
function splitVowel(letter: string): { vowel: string; tone: number } | null {
  const d = letter.normalize('NFD');
  const toneMark = [...d].find((ch) => TONED.includes(ch) && ch !== '');
  const tone = toneMark ? TONED.indexOf(toneMark) : 0;
  const vowel = d.replace(toneMark ?? '', '').normalize('NFC');
  return vowel.toLowerCase() in TCVN3_LOWER ? { vowel, tone } : null;
}

type CapitalsAs = 'split' | 'vn1';

/**
 * Unicode → TCVN3 as an .xlsx holds it. Capitals with tones, which VN3 lacks, are written as the
 * capital base letter plus the lower-case toned letter ("split", what converters do), or with
 * the full table's own bytes ("vn1").
 */
function toTcvn3(text: string, capitals: CapitalsAs = 'split', c1: 'cp1252' | 'raw' = 'cp1252'): string {
  let out = '';
  for (const ch of text.normalize('NFC')) {
    if (ch in TCVN3_CAPITALS) out += byteChar(TCVN3_CAPITALS[ch], c1);
    else if (ch.charCodeAt(0) < 0x80) out += ch;
    else {
      const v = splitVowel(ch);
      if (!v) throw new Error(`no TCVN3 for ${ch}`);
      const lower = v.vowel.toLowerCase();
      if (v.vowel === lower) out += byteChar(TCVN3_LOWER[lower][v.tone], c1);
      else if (v.tone === 0) out += byteChar(TCVN3_CAPITALS[v.vowel], c1);
      else if (capitals === 'vn1') out += byteChar(TCVN_VN1_CAPITALS[ch], c1);
      else out += toTcvn3(v.vowel, capitals, c1) + byteChar(TCVN3_LOWER[lower][v.tone], c1);
    }
  }
  return out;
}

// VNI-Windows: per vowel, bare letter then sắc, huyền, hỏi, ngã, nặng (lower case; capitals are
// the same characters upper-cased).
const VNI_LOWER: Record<string, string[]> = {
  a: ['a', 'aù', 'aø', 'aû', 'aõ', 'aï'],
  â: ['aâ', 'aá', 'aà', 'aå', 'aã', 'aä'],
  ă: ['aê', 'aé', 'aè', 'aú', 'aü', 'aë'],
  e: ['e', 'eù', 'eø', 'eû', 'eõ', 'eï'],
  ê: ['eâ', 'eá', 'eà', 'eå', 'eã', 'eä'],
  i: ['i', 'í', 'ì', 'æ', 'ó', 'ò'],
  o: ['o', 'où', 'oø', 'oû', 'oõ', 'oï'],
  ô: ['oâ', 'oá', 'oà', 'oå', 'oã', 'oä'],
  ơ: ['ô', 'ôù', 'ôø', 'ôû', 'ôõ', 'ôï'],
  u: ['u', 'uù', 'uø', 'uû', 'uõ', 'uï'],
  ư: ['ö', 'öù', 'öø', 'öû', 'öõ', 'öï'],
  y: ['y', 'yù', 'yø', 'yû', 'yõ', 'î'],
};
const VNI_TONE_OF = [0, 2, 3, 4, 1, 5]; // TONED index → VNI_LOWER index

function toVni(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFC')) {
    if (ch === 'đ') out += 'ñ';
    else if (ch === 'Đ') out += 'Ñ';
    else if (ch.charCodeAt(0) < 0x80) out += ch;
    else {
      const v = splitVowel(ch);
      if (!v) throw new Error(`no VNI for ${ch}`);
      const seq = VNI_LOWER[v.vowel.toLowerCase()][VNI_TONE_OF[v.tone]];
      out += v.vowel === v.vowel.toLowerCase() ? seq : seq.toUpperCase();
    }
  }
  return out;
}

// All 134 precomposed Vietnamese letters (and the bare vowels), lower and upper case.
const LOWER_LETTERS = [
  ...Object.keys(TCVN3_LOWER).flatMap((v) => TONED.map((t) => (v + t).normalize('NFC'))),
  'đ',
];
const ALL_LETTERS = [...LOWER_LETTERS, ...LOWER_LETTERS.map((l) => l.toUpperCase())];

// ---------------------------------------------------------------------------------------------
// Real Vietnamese: the five seed documents, copied into the repository so that every machine
// tests the same text (the folder beside the clone may be missing or differ).

function seedTexts(): string[] {
  const dir = join(REPO, 'tests', 'fixtures', 'seed-texts');
  return readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().map((f) => readFileSync(join(dir, f), 'utf8'));
}

const SEEDS = seedTexts();
const clean = (t: string) => t.replace(/<[^>]+>|[*#]+/g, ' ').replace(/\s+/g, ' ').trim();
const RAW_LINES = SEEDS.flatMap((t) => t.split('\n'));
const SEED_LINES = [...new Set(RAW_LINES.map(clean).filter((l) => /\p{L}/u.test(l)))];
// Cells as a table row holds them (the seeds' grids are tab-separated).
const SEED_CELLS = [...new Set(RAW_LINES.flatMap((l) => l.split(/\t|\|/)).map(clean).filter(Boolean))];
const SEED_WORDS = [...new Set(SEEDS.flatMap((t) => t.match(/\p{L}+/gu) ?? []))];

// ---------------------------------------------------------------------------------------------

describe('TCVN3', () => {
  it('decodes the examples of DOMAIN.md and the brief', () => {
    expect(tcvn3ToUnicode('C¶i Viªn')).toBe('Cải Viên');
    expect(tcvn3ToUnicode('Tªn ®¬n vÞ (x·/thÞ trÊn)')).toBe('Tên đơn vị (xã/thị trấn)');
    expect(tcvn3ToUnicode('Hßa L¹c')).toBe('Hòa Lạc');
    expect(tcvn3ToUnicode('¨ © ª « ¬ \u00ad ®')).toBe('ă â ê ô ơ ư đ');
    expect(tcvn3ToUnicode('¡ ¢ £ ¤ ¥ ¦ §')).toBe('Ă Â Ê Ô Ơ Ư Đ');
    expect(tcvn3ToUnicode('H\u00adng ThÞnh')).toBe('Hưng Thịnh');
    expect(tcvn3ToUnicode('cña Uñy ban nh©n d©n')).toBe('của Ủy ban nhân dân');
    expect(tcvn3ToUnicode('M§1, K§, §¹t')).toBe('MĐ1, KĐ, Đạt');
  });

  it('round-trips every letter, lower case and capital', () => {
    expect(ALL_LETTERS).toHaveLength(12 * 6 * 2 + 2);
    for (const letter of ALL_LETTERS) {
      expect(tcvn3ToUnicode(toTcvn3(letter)), letter).toBe(letter);
      expect(tcvn3ToUnicode(toTcvn3(letter, 'vn1', 'cp1252')), letter).toBe(letter);
      expect(tcvn3ToUnicode(toTcvn3(letter, 'vn1', 'raw')), letter).toBe(letter);
    }
  });

  it('uses one byte per lower-case letter, all in 0xA8–0xFE', () => {
    for (const letter of LOWER_LETTERS.filter((l) => !/[aeiouy]/.test(l))) {
      const enc = toTcvn3(letter);
      expect(enc).toHaveLength(1);
      expect(enc.charCodeAt(0)).toBeGreaterThanOrEqual(0xa8);
    }
  });

  it('reads bytes 0x80–0x9F both as Windows-1252 characters and as raw C1 controls', () => {
    for (let b = 0x80; b <= 0x9f; b++) {
      const raw = tcvn3ToUnicode(String.fromCharCode(b));
      expect(raw, b.toString(16)).toMatch(/^\p{Lu}$/u);
      expect(tcvn3ToUnicode(byteChar(b, 'cp1252')), b.toString(16)).toBe(raw);
    }
    expect(tcvn3ToUnicode('€ \u0080 ’ \u0092 – \u0096 ž \u009e')).toBe('À À Ò Ò Ọ Ọ Ủ Ủ');
    expect(tcvn3ToUnicode(toTcvn3('Ủy ban Ở Ọ Ũ', 'vn1', 'cp1252'))).toBe('Ủy ban Ở Ọ Ũ');
    expect(tcvn3ToUnicode(toTcvn3('Ủy ban Ở Ọ Ũ', 'vn1', 'raw'))).toBe('Ủy ban Ở Ọ Ũ');
  });

  it('leaves degree, plus-minus and superscripts as they are', () => {
    expect(tcvn3ToUnicode('25°C, ±2, km²')).toBe('25°C, ±2, km²');
  });

  it('round-trips every word of the seed documents', () => {
    expect(SEED_WORDS.length).toBeGreaterThan(500);
    for (const word of SEED_WORDS) {
      expect(tcvn3ToUnicode(toTcvn3(word)), word).toBe(word);
      expect(tcvn3ToUnicode(toTcvn3(word, 'vn1', 'cp1252')), word).toBe(word);
      expect(tcvn3ToUnicode(toTcvn3(word, 'vn1', 'raw')), word).toBe(word);
    }
  });

  it('round-trips whole seed lines, punctuation and all', () => {
    for (const line of SEED_LINES.slice(0, 400)) {
      const plain = line.replace(/[“”–·¹]/g, '"');
      expect(tcvn3ToUnicode(toTcvn3(plain)), plain).toBe(plain);
    }
  });

  it('upper-cases text in a capitals-only font (.VnTimeH), written in lower-case codes', () => {
    expect(tcvn3ToUnicode('biÓu kÕt qu¶', { capitals: true })).toBe('BIỂU KẾT QUẢ');
    expect(tcvn3ToUnicode('stt', { capitals: true })).toBe('STT');
    for (const word of SEED_WORDS) {
      expect(tcvn3ToUnicode(toTcvn3(word.toLowerCase()), { capitals: true }), word).toBe(word.toUpperCase());
    }
    expect(isCapitalsFont('.VnTimeH')).toBe(true);
    expect(isCapitalsFont('.VnArialH')).toBe(true);
    expect(isCapitalsFont('.VnArial NarrowH')).toBe(true);
    expect(isCapitalsFont('.VnTime')).toBe(false);
    expect(isCapitalsFont('Times New Roman')).toBe(false);
    expect(isCapitalsFont(undefined)).toBe(false);
  });
});

describe('VNI', () => {
  it('decodes the examples of DOMAIN.md and the brief', () => {
    expect(vniToUnicode('Tieáng Vieät')).toBe('Tiếng Việt');
    expect(vniToUnicode('Caûi Vieân')).toBe('Cải Viên');
    expect(vniToUnicode('ñ Ñ ô ö Ö Ô')).toBe('đ Đ ơ ư Ư Ơ');
    expect(vniToUnicode('Ngöôøi daân toäc thieåu soá')).toBe('Người dân tộc thiểu số');
    expect(vniToUnicode('TOÅNG TOAØN HUYEÄN')).toBe('TỔNG TOÀN HUYỆN');
    expect(vniToUnicode('KÑ')).toBe('KĐ');
  });

  it('round-trips every letter, lower case and capital', () => {
    for (const letter of ALL_LETTERS) expect(vniToUnicode(toVni(letter)), letter).toBe(letter);
  });

  it('round-trips every word and line of the seed documents', () => {
    for (const word of SEED_WORDS) {
      expect(vniToUnicode(toVni(word)), word).toBe(word);
      expect(vniToUnicode(toVni(word.toUpperCase())), word).toBe(word.toUpperCase());
    }
    for (const line of SEED_LINES.slice(0, 400)) {
      const plain = line.replace(/[“”–·¹]/g, '"');
      expect(vniToUnicode(toVni(plain)), plain).toBe(plain);
    }
  });

  it('gives NFC', () => {
    const out = vniToUnicode(toVni('Nguyễn Thị Ánh Tuyết'));
    expect(out).toBe('Nguyễn Thị Ánh Tuyết');
    expect(out.normalize('NFC')).toBe(out);
  });
});

describe('detectLegacy', () => {
  it('goes by the font first', () => {
    for (const font of ['.VnTime', '.VnTimeH', '.VnArial', '.VnArialH', '.VnArial Narrow', ' .VnTime ']) {
      expect(detectLegacy('STT', font), font).toBe('TCVN3');
      expect(fontEncoding(font), font).toBe('TCVN3');
    }
    for (const font of ['VNI-Times', 'VNI-Helve', 'VNI-Aptima']) {
      expect(detectLegacy('STT', font), font).toBe('VNI');
      expect(fontEncoding(font), font).toBe('VNI');
    }
    for (const font of ['Times New Roman', 'Arial', 'Calibri', 'VNtimes new roman', undefined]) {
      expect(fontEncoding(font), font).toBeNull();
      expect(detectLegacy('STT', font), font).toBeNull();
    }
    // The font decides even where the content alone would not.
    expect(detectLegacy('Long Phó', '.VnTime')).toBe('TCVN3');
    expect(detectLegacy('Long Phó')).toBeNull();
  });

  it('never takes real Unicode Vietnamese for legacy, whatever the font', () => {
    expect(detectLegacy('Tên đơn vị (xã/thị trấn)', '.VnTime')).toBeNull();
    expect(detectLegacy('Tiếng Việt', 'VNI-Times')).toBeNull();
    expect(detectLegacy('KĐ', '.VnTime')).toBeNull();
  });

  it('finds TCVN3 and VNI by content', () => {
    for (const t of ['C¶i Viªn', 'Tªn ®¬n vÞ (x·/thÞ trÊn)', 'Hßa L¹c', 'K§', 'M§1', '§¹t', 'Tæng toµn huyÖn', 'Ghi chó: M§ - Møc ®é; XMC - Xãa mï ch÷.']) {
      expect(detectLegacy(t), t).toBe('TCVN3');
    }
    for (const t of ['Tieáng Vieät', 'Caûi Vieân', 'Toång toaøn huyeän', 'Ngöôøi daân']) {
      expect(detectLegacy(t), t).toBe('VNI');
    }
    // "KÑ" reads as TCVN3 "Kẹ" as well as VNI "KĐ": content cannot tell, the font can.
    expect(detectLegacy('KÑ')).toBeNull();
    expect(detectLegacy('KÑ', 'VNI-Times')).toBe('VNI');
  });

  it('does not fire on English, numbers, symbols or other languages', () => {
    const texts = [
      '', 'STT', 'x', 'X', '12', '2021-2025', '2021 – 2025', '91,7%', '3 × 4', '×', '–', '—', '…', '•', '“quoted”',
      'KĐ', 'MĐ1', '(Kèm theo …)', '(Kèm theo Kế hoạch số: /KH-UBND)', 'Total', 'Grand total', 'N/A', '#REF!',
      'café', 'crème brûlée', 'à la carte', 'déjà vu', 'Noël', 'naïve', 'Ça va', 'français', 'garçon', 'œuvre',
      'Köln', 'Zürich', 'Müller', 'Straße', 'schön', 'über', 'Bär', 'España', 'señor', 'año', 'niño', 'São Paulo',
      'Ørsted', 'Æon', 'Åland', 'Þór', 'Côte d’Ivoire', '© 2024 Microsoft®', 'Excel®', 'ACME©', '§ 3', '§12', '¶ 4',
      '5 µm', '10 µg', '25°C', 'km²', '± 2', '½', '¼ – ¾', '£5', '¥100', '¢', '¿Qué?', '¡Hola!', 'Cà Mau', 'Tân An',
      'Pác Bó', 'Hà Tĩnh', 'Hòa Lạc', 'Nguyễn Văn A', 'Tổng toàn huyện', 'Ủy ban nhân dân',
    ];
    for (const t of texts) expect(detectLegacy(t), t).toBeNull();
  });

  it('does not fire on any line, cell or word of the seed documents', () => {
    const all = [...SEED_LINES, ...SEED_CELLS, ...SEED_WORDS];
    expect(all.length).toBeGreaterThan(1000);
    const fired = all.filter((t) => detectLegacy(t) !== null);
    expect(fired).toEqual([]);
  });

  it('finds the seed lines once encoded, and never the wrong encoding', () => {
    const lines = SEED_LINES.map((l) => l.replace(/[“”–·¹]/g, '"'));
    const tcvn = lines.map((l) => detectLegacy(toTcvn3(l)));
    const vni = lines.map((l) => detectLegacy(toVni(l)));
    expect(tcvn.filter((d) => d === 'VNI')).toEqual([]);
    expect(vni.filter((d) => d === 'TCVN3')).toEqual([]);
    // Lines of a few words can lack a telling code; long lines must be found.
    const long = lines.map((l, i) => [l, i] as const).filter(([l]) => l.split(' ').length >= 8).map(([, i]) => i);
    expect(long.filter((i) => tcvn[i] === 'TCVN3').length / long.length).toBeGreaterThan(0.95);
    expect(long.filter((i) => vni[i] === 'VNI').length / long.length).toBeGreaterThan(0.95);
  });
});

// ---------------------------------------------------------------------------------------------

function sheet(cells: [string, string, string?][]): SheetText {
  const rows = new Map<number, Map<number, string>>();
  const fonts = new Map<string, string>();
  let colCount = 0;
  for (const [a1, text, font] of cells) {
    const m = /^([A-Z]+)(\d+)$/.exec(a1)!;
    const c = [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
    const r = Number(m[2]);
    if (!rows.has(r)) rows.set(r, new Map());
    rows.get(r)!.set(c, text);
    if (font) fonts.set(`${r}:${c}`, font);
    colCount = Math.max(colCount, c);
  }
  return { name: 'Phụ lục 1', rows, fonts, colCount };
}

const dump = (s: SheetText) => [...s.rows].flatMap(([r, row]) => [...row].map(([c, t]) => `${r}:${c}=${t}`));

describe('decodeSheet', () => {
  const input = sheet([
    ['A1', 'biÓu kÕt qu¶', '.VnTimeH'],
    ['B1', 'biÓu kÕt qu¶'], // merged with A1: no font of its own
    ['A2', 'STT', '.VnTime'],
    ['B2', 'Tªn ®¬n vÞ', '.VnTime'],
    ['C2', 'Tªn ®¬n vÞ'],
    ['B3', 'Hßa L¹c', 'Times New Roman'], // font changed since, bytes kept
    ['C3', 'Caûi Vieân', 'VNI-Times'],
    ['D3', 'Kết quả', 'Arial'],
    ['E3', 'x', 'Times New Roman'],
    ['B4', 'stt'],
    ['AA12', 'Long Phó', '.VnTime'],
  ]);

  it('converts by font, by merged neighbour and by content, and lists the cells', () => {
    const before = dump(input);
    const { sheet: out, notes } = decodeSheet(input);
    expect(dump(out)).toEqual([
      '1:1=BIỂU KẾT QUẢ', '1:2=BIỂU KẾT QUẢ', '2:1=STT', '2:2=Tên đơn vị', '2:3=Tên đơn vị',
      '3:2=Hòa Lạc', '3:3=Cải Viên', '3:4=Kết quả', '3:5=x', '4:2=stt', '12:27=Long Phú',
    ]);
    expect(notes).toEqual([
      { encoding: 'TCVN3', cells: ['A1', 'B1', 'B2', 'C2', 'B3', 'AA12'] },
      { encoding: 'VNI', cells: ['C3'] },
    ]);
    expect(dump(input)).toEqual(before); // the input is left as it was
    expect(out.name).toBe(input.name);
    expect(out.colCount).toBe(input.colCount);
  });

  it('is idempotent: a decoded sheet decodes to itself', () => {
    const once = decodeSheet(input).sheet;
    const twice = decodeSheet(once);
    expect(twice.notes).toEqual([]);
    expect(dump(twice.sheet)).toEqual(dump(once));
  });

  it('gives NFC and clean spaces', () => {
    const { sheet: out } = decodeSheet(sheet([['A1', 'Tæng  toµn\u00a0huyÖn ', '.VnTime']]));
    expect(out.rows.get(1)!.get(1)).toBe('Tổng toàn huyện');
  });
});

// ---------------------------------------------------------------------------------------------
// The sample workbook as a legacy office PC holds it (tests/fixtures/SAMPLES.md): every text cell
// in TCVN3 under .VnTime, the title lines in lower-case codes under .VnTimeH.

async function sheetsOf(file: string): Promise<SheetText[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(join(FIX, file));
  return wb.worksheets.map((ws) => sheetText(ws));
}

function textCells(s: SheetText): [string, string][] {
  return [...s.rows].flatMap(([r, row]) => [...row].map(([c, t]) => [`${r}:${c}`, t] as [string, string]));
}

describe('the TCVN3 sample workbook', () => {
  it('decodes to the Unicode workbook, cell for cell, on every sheet', async () => {
    const legacy = await sheetsOf('huyen-mau-phu-luc-tcvn3.xlsx');
    const unicode = await sheetsOf('huyen-mau-phu-luc.xlsx');
    expect(legacy.map((s) => s.name)).toEqual(unicode.map((s) => s.name));
    expect(legacy).toHaveLength(4);
    let compared = 0;
    for (const [i, s] of legacy.entries()) {
      const { sheet: out, notes } = decodeSheet(s);
      expect(textCells(out)).toEqual(textCells(unicode[i]));
      compared += textCells(out).length;
      // Every cell that changed is listed, under TCVN3, and only those.
      const changed = textCells(s).filter(([k, t]) => out.rows.get(Number(k.split(':')[0]))!.get(Number(k.split(':')[1])) !== t);
      expect(notes.map((n) => n.encoding)).toEqual(['TCVN3']);
      expect(notes[0].cells).toHaveLength(changed.length);
      expect(notes[0].cells).toContain('A2'); // the .VnTimeH title
      expect(notes[0].cells).toContain('B7');
    }
    expect(compared).toBeGreaterThan(400);
  });

  it('never decodes a cell wrongly by content alone (fonts taken away)', async () => {
    const legacy = await sheetsOf('huyen-mau-phu-luc-tcvn3.xlsx');
    const unicode = await sheetsOf('huyen-mau-phu-luc.xlsx');
    let found = 0;
    let legacyCells = 0;
    for (const [i, s] of legacy.entries()) {
      const { sheet: out } = decodeSheet({ ...s, fonts: new Map() });
      const want = new Map(textCells(unicode[i]));
      for (const [k, t] of textCells(out)) {
        const before = s.rows.get(Number(k.split(':')[0]))!.get(Number(k.split(':')[1]))!;
        if (before === want.get(k)) continue;
        legacyCells++;
        // Left as it was, or decoded right (titles in lower case, their font being gone).
        if (t !== before) {
          expect(t.toUpperCase(), k).toBe(want.get(k)!.toUpperCase());
          found++;
        }
      }
    }
    expect(found / legacyCells).toBeGreaterThan(0.8);
  });

  it('finds nothing to convert in the Unicode workbooks', async () => {
    for (const file of ['huyen-mau-phu-luc.xlsx', 'huyen-mau-phu-luc-libreoffice.xlsx']) {
      for (const s of await sheetsOf(file)) {
        const { sheet: out, notes } = decodeSheet(s);
        expect(notes, `${file} ${s.name}`).toEqual([]);
        expect(textCells(out)).toEqual(textCells(s));
      }
    }
  });
});
