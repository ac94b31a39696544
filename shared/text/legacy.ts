// Legacy 8-bit Vietnamese text (DOMAIN.md §6). Old office PCs typed Vietnamese with fonts that
// draw Vietnamese letters at Latin byte positions: TCVN3/ABC (TCVN 5712:1993, fonts ".VnTime" …)
// and VNI-Windows (fonts "VNI-Times" …). An .xlsx keeps those bytes as the Windows-1252
// characters they were typed as, so "Cải Viên" arrives as "C¶i Viªn" (TCVN3) or "Caûi Vieân"
// (VNI). This module turns such text into Unicode and tells, from a cell's font or, cautiously,
// from its content, whether a text is legacy at all. Pure functions: no Node, no DOM.

export type LegacyEncoding = 'TCVN3' | 'VNI';

// Windows-1252 gives most bytes 0x80–0x9F a character of their own ("€", "–", "“" …); the five
// it leaves undefined arrive as the raw C1 controls. Index = byte - 0x80.
const CP1252_C1 =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

/** The byte a character of legacy text stands for, or -1 when no single byte can give it. */
function byteOf(ch: string): number {
  const code = ch.codePointAt(0)!;
  if (code <= 0xff) return code;
  const i = CP1252_C1.indexOf(ch);
  return i < 0 ? -1 : 0x80 + i;
}

/** Whether every character of the text can be a byte read as Windows-1252 (or Latin-1). */
function isByteText(text: string): boolean {
  for (const ch of text) if (byteOf(ch) < 0) return false;
  return true;
}

// ---------------------------------------------------------------------------------------------
// TCVN3

// TCVN 5712:1993. Its VN3 form (the ".Vn…" fonts) has the 67 lower-case letters and the seven
// capitals Ă Â Ê Ô Ơ Ư Đ, all in 0xA1–0xFE. The full form (VN1) adds the capitals with tone
// marks at positions VN3 leaves free, including the C0 and C1 ranges. VN3 letters never use
// those positions, so decoding the full table changes nothing for them and also reads text
// written with the full table; the price is that a Windows-1252 dash or curly quote typed into
// a ".VnTime" cell reads as a capital ("–" = byte 0x96 = "Ọ"). Rows of 16 from 0x80; "\0" = no
// letter there, the byte stays as read.
const TCVN_HIGH =
  'ÀẢÃÁẠẶẬÈẺẼÉẸỆÌỈĨ' + // 0x80 (VN1 only)
  'ÍỊÒỎÕÓỌỘỜỞỠỚỢÙỦŨ' + // 0x90 (VN1 only)
  '\u00a0ĂÂÊÔƠƯĐăâêôơưđẰ' + // 0xA0
  // 0xB0–0xB4 are combining tone marks in the full table; VN3 does not assign them, no
  // keyboard driver of the time produced them, and "°", "²", "±" do occur in real tables, so
  // they are left as read.
  '\0\0\0\0\0àảãáạẲằẳẵắẴ' + // 0xB0
  'ẮẦẨẪẤỀặầẩẫấậèỂẻẽ' + // 0xC0
  'éẹềểễếệìỉỄẾỒĩíịò' + // 0xD0
  'Ổỏõóọồổỗốộờởỡớợù' + // 0xE0
  'ỖủũúụừửữứựỳỷỹýỵỐ'; // 0xF0

// VN1 also puts twelve capitals in the C0 range (byte → letter).
const TCVN_LOW: Record<number, string> = {
  0x01: 'Ú', 0x02: 'Ụ', 0x04: 'Ừ', 0x05: 'Ử', 0x06: 'Ữ', 0x11: 'Ứ',
  0x12: 'Ự', 0x13: 'Ỳ', 0x14: 'Ỷ', 0x15: 'Ỹ', 0x16: 'Ý', 0x17: 'Ỵ',
};

function tcvnLetter(byte: number): string | undefined {
  if (byte >= 0x80) {
    const ch = TCVN_HIGH[byte - 0x80];
    return ch === '\0' ? undefined : ch;
  }
  return TCVN_LOW[byte];
}

const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/g;

/** The letter without its tone mark, modifiers (ă â ê ô ơ ư) kept: "ấ" → "â". */
function untoned(letter: string): string {
  return letter.normalize('NFD').replace(TONE_MARKS, '').normalize('NFC');
}

/**
 * VN3 has no code for "Ủ", "À" …, so converters and typists write the capital base letter
 * followed by the lower-case toned letter: "Uñy" = "U"+"ủ"+"y" for "Ủy", "¢Ê" = "Â"+"ấ" for "Ấ".
 * No Vietnamese word doubles a vowel after a capital that way, so the pair is read as one letter.
 */
function joinSplitCapitals(text: string): string {
  return text.replace(/([AĂÂEÊIOÔƠUƯY])(\p{Ll})/gu, (pair, cap: string, low: string) =>
    low !== untoned(low) && untoned(low) === cap.toLowerCase() ? low.toUpperCase() : pair,
  );
}

/** Whether a font is one of the capitals-only TCVN3 fonts (".VnTimeH", ".VnArialH" …). */
export function isCapitalsFont(font?: string): boolean {
  const name = font?.trim() ?? '';
  return fontEncoding(name) === 'TCVN3' && name.endsWith('H');
}

/**
 * TCVN3 (ABC) text as read from an .xlsx, to Unicode NFC: "C¶i Viªn" → "Cải Viên". Bytes
 * 0x80–0x9F are taken both as their Windows-1252 characters and as raw C1 controls.
 * `capitals`: the text is in a capitals-only font (…H), which draws the lower-case codes as
 * capitals, so the result is upper-cased ("biÓu" → "BIỂU").
 */
export function tcvn3ToUnicode(s: string, options: { capitals?: boolean } = {}): string {
  let out = '';
  for (const ch of s) {
    const byte = byteOf(ch);
    out += (byte >= 0 ? tcvnLetter(byte) : undefined) ?? ch;
  }
  out = joinSplitCapitals(out).normalize('NFC');
  return options.capitals ? out.toUpperCase() : out;
}

// ---------------------------------------------------------------------------------------------
// VNI-Windows

// VNI writes a vowel as its base letter followed by one mark character. Tone order below:
// sắc (acute), huyền (grave), hỏi (hook), ngã (tilde), nặng (dot).
const TONES = ['\u0301', '\u0300', '\u0309', '\u0303', '\u0323'];
const VNI_TONE = 'ùøûõï'; // on a e o u y ơ ư
const VNI_HAT_TONE = 'áàåãä'; // on â ê ô; "â" alone is the circumflex
const VNI_BREVE_TONE = 'éèúüë'; // on ă; "ê" alone is the breve

/** VNI sequence (1 or 2 characters, as typed in lower case) → Unicode letter, lower case. */
function vniTable(): Map<string, string> {
  const t = new Map<string, string>();
  const add = (vni: string, base: string, tone: number) =>
    t.set(vni, (base + (tone < 0 ? '' : TONES[tone])).normalize('NFC'));
  for (const [base, vni] of [['a', 'a'], ['e', 'e'], ['o', 'o'], ['u', 'u'], ['y', 'y'], ['ơ', 'ô'], ['ư', 'ö']]) {
    if (vni !== base) add(vni, base, -1);
    // ỵ has a letter of its own ("î"); the other y tones follow the rule.
    for (let k = 0; k < 5; k++) if (!(base === 'y' && k === 4)) add(vni + VNI_TONE[k], base, k);
  }
  add('î', 'y', 4);
  for (const [base, v] of [['â', 'a'], ['ê', 'e'], ['ô', 'o']]) {
    add(v + 'â', base, -1);
    for (let k = 0; k < 5; k++) add(v + VNI_HAT_TONE[k], base, k);
  }
  add('aê', 'ă', -1);
  for (let k = 0; k < 5; k++) add('a' + VNI_BREVE_TONE[k], 'ă', k);
  // i takes a single character per tone.
  'íìæóò'.split('').forEach((ch, k) => add(ch, 'i', k));
  add('ñ', 'đ', -1);
  return t;
}

const VNI = vniTable();

/**
 * VNI-Windows text as read from an .xlsx, to Unicode NFC: "Tieáng Vieät" → "Tiếng Việt",
 * "ñ" → "đ", "ô" → "ơ", "ö" → "ư". A capital base letter takes the capital marks ("AÙ" = "Á");
 * a mark of the other case is accepted too, the base letter giving the case.
 */
export function vniToUnicode(s: string): string {
  const chars = [...s];
  let out = '';
  for (let i = 0; i < chars.length; i++) {
    const a = chars[i];
    const b = chars[i + 1];
    if (b !== undefined) {
      const pair = VNI.get((a + b).toLowerCase());
      if (pair !== undefined) {
        out += a === a.toLowerCase() ? pair : pair.toUpperCase();
        i++;
        continue;
      }
    }
    const one = VNI.get(a.toLowerCase());
    out += one === undefined ? a : a === a.toLowerCase() ? one : one.toUpperCase();
  }
  return out.normalize('NFC');
}

// ---------------------------------------------------------------------------------------------
// Detection

/** The legacy encoding a font name stands for: ".VnTime", ".VnArialH" → TCVN3; "VNI-Times" → VNI. */
export function fontEncoding(font?: string): LegacyEncoding | null {
  const name = font?.trim() ?? '';
  if (/^\.vn/i.test(name)) return 'TCVN3';
  if (/^vni[- _]/i.test(name)) return 'VNI';
  return null;
}

// A Vietnamese syllable: onset, vowel group, final consonant, at most one tone mark. Decoded
// words must all be syllables (or abbreviations like "KĐ", "HĐND") for content detection to
// trust a decoding: "Köln", "Noël", "señor", "Microsoft®" decode to no such thing.
const ONSET = '(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnprstvx])?';
const VOWELS = [
  'iêu', 'oai', 'oao', 'oay', 'oeo', 'uây', 'uôi', 'uya', 'uyê', 'uyu', 'ươi', 'ươu', 'yêu',
  'ai', 'ao', 'au', 'ay', 'âu', 'ây', 'eo', 'êu', 'ia', 'iê', 'iu', 'oa', 'oă', 'oe', 'oi', 'oo',
  'ôi', 'ơi', 'ua', 'uâ', 'uê', 'ui', 'uô', 'uơ', 'uy', 'ưa', 'ưi', 'ươ', 'ưu', 'yê',
  'a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y',
];
const CODA = '(?:ch|ng|nh|[cmnpt])?';
const SYLLABLE = new RegExp(`^${ONSET}(?:${VOWELS.join('|')})${CODA}$`);

function isSyllable(word: string): boolean {
  const nfd = word.toLowerCase().normalize('NFD');
  if ((nfd.match(TONE_MARKS) ?? []).length > 1) return false;
  return SYLLABLE.test(nfd.replace(TONE_MARKS, '').normalize('NFC'));
}

/** "KĐ", "MĐ", "HĐND", "ĐBKK": capitals with Đ and at most one vowel. */
function isAbbreviation(word: string): boolean {
  return /^[A-ZĐ]{2,8}$/.test(word) && word.includes('Đ') && (word.match(/[AEIOUY]/g) ?? []).length <= 1;
}

// Codes that read as Latin-1 symbols or as letters Vietnamese does not use: finding one inside
// a word is evidence of legacy text. Codes that read as Vietnamese letters (á, ê, Ò, õ …) are no
// evidence, as Unicode Vietnamese is full of them; nor are 0x80–0x9F, whose Windows-1252 forms
// (“ ” – … •) are everyday punctuation.
const TCVN_EVIDENCE = new Set('¡¢£¤¥¦§¨©ª«¬\u00ad®µ¶·¸¹»¼½¾ÆÇËÎÏÐÑÖ×ØÜÞßäåæçëîïñö÷øûüþ');
const VNI_EVIDENCE = new Set('øûïåäüëæöîñØÛÏÅÄÜËÆÖÎÑ');

interface Scheme {
  /** Characters a word in this encoding is made of, besides ASCII letters. */
  wordChars: RegExp;
  decode(word: string): string;
  evidence: Set<string>;
}

const SCHEMES: Record<LegacyEncoding, Scheme> = {
  TCVN3: {
    wordChars: /[A-Za-z\u00a1-\u00af\u00b5-\u00ff]+/g,
    decode: (w) => tcvn3ToUnicode(w),
    evidence: TCVN_EVIDENCE,
  },
  VNI: {
    wordChars: /[A-Za-z\u00c0-\u00ff]+/g,
    decode: vniToUnicode,
    evidence: VNI_EVIDENCE,
  },
};

/**
 * How strongly the text reads as this encoding: the number of words that hold an evidence code
 * and decode to Vietnamese; 0 as soon as one decoded word is not Vietnamese.
 */
function contentScore(text: string, scheme: Scheme): number {
  let score = 0;
  for (const word of text.match(scheme.wordChars) ?? []) {
    const decoded = scheme.decode(word);
    // One letter ("ë" = "ở", "£5") proves nothing either way.
    if (decoded === word || [...decoded].length < 2) continue;
    if (!isSyllable(decoded) && !isAbbreviation(decoded)) return 0;
    // "µm", "µg": the micro sign starts units; "à" seldom starts a word.
    const evidence = [...word].some((ch, i) => scheme.evidence.has(ch) && !(ch === 'µ' && i === 0));
    if (evidence) score++;
  }
  return score;
}

/**
 * Whether a cell's text is legacy-encoded: by the cell's font first, then by content. Text that
 * holds characters no single byte gives (ơ, ạ, đ … i.e. real Unicode Vietnamese) is never
 * legacy, whatever its font. Content detection is conservative: every word it would change must
 * decode to a Vietnamese syllable, and some word must hold a code no Unicode Vietnamese text has.
 */
export function detectLegacy(text: string, font?: string): LegacyEncoding | null {
  if (!isByteText(text)) return null;
  const byFont = fontEncoding(font);
  if (byFont) return byFont;
  const tcvn = contentScore(text, SCHEMES.TCVN3);
  const vni = contentScore(text, SCHEMES.VNI);
  if (tcvn > vni) return 'TCVN3';
  if (vni > tcvn) return 'VNI';
  return null;
}

/** A cell's text in Unicode when it is legacy (see detectLegacy), with the encoding it was in. */
export function legacyToUnicode(text: string, font?: string): { encoding: LegacyEncoding; text: string } | null {
  const encoding = detectLegacy(text, font);
  if (!encoding) return null;
  const out = encoding === 'TCVN3' ? tcvn3ToUnicode(text, { capitals: isCapitalsFont(font) }) : vniToUnicode(text);
  return { encoding, text: out };
}
