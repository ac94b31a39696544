// The proposer (DOMAIN.md §10.6): from a plan's pasted text, the targets its sentences state, for
// the officer to confirm. It reads only the wordings it knows (patterns P1–P5); a sentence that
// names a programme but does not fit them is handed back as unread, with the reason, never
// guessed. A sentence that names no programme proposes nothing.
import { fold } from '../text/normalize';
import { KINDS, splitKind, tierOf, UNIT_KINDS as UNIT_KINDS_LIST, type UnitKind } from '../units/kinds';
import { LEVELS_OF, targetSchema, type MnAge, type Programme, type Target, type TargetLevel, type TargetMode } from './model';

export interface ProposeOptions {
  /** The plan's own unit with its kind word ("Huyện Hà Quảng"); read from the text when absent. */
  scope?: string;
  /** The year or period when no heading says it ("2024", "2021-2025"). */
  when?: string;
  /** A name for the plan, kept in each target's source. */
  plan?: string;
}

export interface UnreadSentence {
  /** 1-based line of the pasted text. */
  line: number;
  sentence: string;
  /** Why it is left to the officer (Vietnamese). */
  reason: string;
}

export interface ProposeResult {
  /** The plan's unit the targets are scoped to, or null when neither given nor found. */
  scope: string | null;
  targets: Target[];
  unread: UnreadSentence[];
}

// ---------------------------------------------------------------------------------------------
// The plan's unit, year and target section

const KIND_WORDS = 'tỉnh|thành phố|huyện|quận|thị xã|xã|phường|thị trấn|đặc khu';
// A proper name: capitalised words, "Phan Rang - Tháp Chàm" included.
const PROPER = '\\p{Lu}[\\p{L}]*(?:(?: - | )\\p{Lu}[\\p{L}]*)*';
const SCOPE_IN_TEXT = [
  new RegExp(`trên địa bàn (${KIND_WORDS}) (${PROPER})`, 'u'),
  new RegExp(`(?:Ủy ban nhân dân|Uỷ ban nhân dân|UBND) (${KIND_WORDS}) (${PROPER})`, 'u'),
];
// In the title a bare "tỉnh Ninh Thuận" names the plan's unit ("Xây dựng xã hội học tập tỉnh
// Ninh Thuận năm 2023"); "xã hội" is no unit, as its second word is not a name.
const SCOPE_IN_TITLE = [SCOPE_IN_TEXT[0], new RegExp(`(?:^|\\s)(${KIND_WORDS}) (${PROPER})`, 'u')];

/**
 * The title block: the lines before the first paragraph ("Thực hiện …", "Căn cứ …") or section.
 * The plan's own unit and year are said there; the paragraphs after cite other plans' units.
 */
function titleBlock(lines: string[]): string[] {
  const end = lines.findIndex((l) => ROMAN_HEADING.test(l) || /^[\s#*]*(?:thực hiện|căn cứ)\s/i.test(l));
  return end < 0 ? lines : lines.slice(0, end);
}

function findScope(lines: string[]): string | null {
  const found = (res: RegExp[], text: string) => {
    for (const re of res) {
      const m = re.exec(text);
      if (m) return `${m[1].charAt(0).toUpperCase()}${m[1].slice(1)} ${m[2]}`;
    }
    return null;
  };
  return found(SCOPE_IN_TITLE, titleBlock(lines).join('\n')) ?? found(SCOPE_IN_TEXT, lines.join('\n'));
}

/** Without markdown marks and heading numbers: "### **a) Mục tiêu đến năm 2025**" → "Mục tiêu đến năm 2025". */
function headingText(line: string): string {
  return line
    .replace(/[#*_]/g, '')
    .trim()
    .replace(/^(?:(?:[IVX]+|\d+(?:\.\d+)*|[a-zđ])[.)]\s*)+/i, '')
    .trim();
}

const ROMAN_HEADING = /^[\s#*]*[IVX]+\.\s/;

/** The lines of the "MỤC TIÊU" part (II. MỤC TIÊU … up to the next roman heading), or all lines. */
function targetSection(lines: string[]): { from: number; to: number } {
  const start = lines.findIndex((l) => ROMAN_HEADING.test(l) && /^m[uụ]c ti[eê]u\b/i.test(headingText(l)));
  if (start < 0) return { from: 0, to: lines.length };
  let end = start + 1;
  while (end < lines.length && !ROMAN_HEADING.test(lines[end])) end++;
  return { from: start + 1, to: end };
}

/** A plan for one year says so before its first section: "… năm 2023" (not a date, not a period). */
function planYear(lines: string[]): string | null {
  for (const line of titleBlock(lines)) {
    const cleaned = line
      .replace(/tháng\s*\d*\s*năm\s*\d{4}/gi, '')
      .replace(/giai đoạn\s*\d{4}\s*[-–—]\s*\d{4}/gi, '')
      .replace(/ngày\s*\d{1,2}\/\d{1,2}\/\d{4}/gi, '');
    const m = /năm (\d{4})/.exec(cleaned);
    if (m) return m[1];
  }
  return null;
}

/** "Mục tiêu đến năm 2025" → "2021-2025" (the Đề án's five-year periods); "Mục tiêu cụ thể năm 2024" → "2024". */
function headingWhen(line: string): string | null | undefined {
  const h = headingText(line);
  if (!/^m[uụ]c ti[eê]u\b/i.test(h) || h.length > 80) return undefined;
  const until = /đến năm (\d{4})/i.exec(h);
  if (until) return `${Number(until[1]) - 4}-${until[1]}`;
  const year = /năm (\d{4})/i.exec(h);
  return year ? year[1] : null;
}

// ---------------------------------------------------------------------------------------------
// Sentences

// Abbreviations whose dot ends no sentence ("TP. Phan Rang").
const NO_BREAK_BEFORE_DOT = /(?:^|\s)(?:TP|Tp|TX|TT|P|X|H|Q|TS|ThS)$/;

/** Splits a line at "." and ";" that end a clause (not "1.000", "2.1", "TP."). */
function splitSentences(line: string): string[] {
  const out: string[] = [];
  let start = 0;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (ch !== '.' && ch !== ';') continue;
    const next = line[i + 1];
    if (next !== undefined && !/\s/.test(next)) continue; // "1.000", "2.1"
    if (ch === '.' && NO_BREAK_BEFORE_DOT.test(line.slice(start, i))) continue;
    out.push(line.slice(start, i));
    start = i + 1;
  }
  out.push(line.slice(start));
  return out.map((s) => s.trim()).filter(Boolean);
}

function cleanSentence(s: string): string {
  return s
    .normalize('NFC')
    .replace(/[*_#]/g, '')
    .replace(/^[\s\-–+•]+/, '')
    .replace(/\(\s*chi tiết (?:tại )?phụ lục[^)]*\)/gi, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[,:]$/, '')
    .trim();
}

// ---------------------------------------------------------------------------------------------
// Words (§10.6, matched on the folded text: case and tones ignored)

interface ProgrammeWord {
  programme: Programme;
  age: MnAge | null;
  re: RegExp;
}

const PROGRAMME_WORDS: ProgrammeWord[] = [
  { programme: 'pcgd-mn', age: '5 tuổi', re: /(?:pho cap giao duc mam non|pcgd ?mn)(?: cho tre(?: em)?)? 5 tuoi/ },
  { programme: 'pcgd-mn', age: '4 tuổi', re: /(?:pho cap giao duc mam non|pcgd ?mn)(?: cho tre(?: em)?)? 4 tuoi/ },
  { programme: 'pcgd-mn', age: '3 tuổi', re: /(?:pho cap giao duc mam non|pcgd ?mn)(?: cho tre(?: em)?)? 3 tuoi/ },
  { programme: 'pcgd-mn', age: null, re: /(?:pho cap giao duc mam non|pcgd ?mn)(?: cho tre(?: em)?)? mau giao/ },
  { programme: 'pcgd-thcs', age: null, re: /pho cap giao duc trung hoc co so|pcgd ?thcs/ },
  { programme: 'pcgd-th', age: null, re: /pho cap giao duc tieu hoc|pcgd ?th\b/ },
  { programme: 'xmc', age: null, re: /xoa mu chu|\bxmc\b/ },
];

/** Any mention of a programme, even one the proposer cannot pin down ("phổ cập giáo dục mầm non"). */
const ANY_PROGRAMME = /xoa mu chu|\bxmc\b|pho cap giao duc (?:mam non|tieu hoc|trung hoc co so)|\bpcgd/;

const MAINTAIN = ['duy tri', 'giu vung', 'nang cao chat luong', 'nang cao ket qua'];
const STRIVE = ['phan dau', 'hoan thanh'];

const ROWS = '(?:xa|huyen|don vi|phuong|thi tran|dac khu|thanh pho|quan|thi xa)';
const SHARE_RE = new RegExp(`(\\d{1,3})\\s*%\\s*(?:tro len\\s*)?(?:(?:cac|so)\\s+)?${ROWS}\\b`);
const COUNT_RE = new RegExp(`\\b(\\d{1,4})\\s*/\\s*(\\d{1,4})\\s+${ROWS}\\b`);
const NAMED_RE = /\bthem (\d{1,3}) don vi\b/;

/** The verb that governs a clause: its first one (§10.6); null when it has none. */
const VERBS: { re: RegExp; mode: TargetMode }[] = [
  ...MAINTAIN.map((w) => ({ re: new RegExp(`\\b${w}\\b`), mode: 'maintain' as const })),
  ...STRIVE.map((w) => ({ re: new RegExp(`\\b${w}\\b`), mode: 'strive' as const })),
];

function modeOf(folded: string): TargetMode | null {
  let best: { at: number; mode: TargetMode } | null = null;
  for (const v of VERBS) {
    const at = folded.search(v.re);
    if (at >= 0 && (best === null || at < best.at)) best = { at, mode: v.mode };
  }
  return best?.mode ?? null;
}

interface ClauseRead {
  programme: { programme: Programme; age: MnAge | null } | null;
  /** The level the clause states (MĐk), or null. */
  level: TargetLevel | null;
  mode: TargetMode | null;
  /** Reason when the programme words cannot be pinned down. */
  problem: string | null;
}

/** Programme, level and verb of one clause (parentheses about the present left out). */
function readClause(clause: string): ClauseRead {
  const folded = fold(clause.replace(/\([^)]*\)/g, ' '));
  const found = PROGRAMME_WORDS.filter((p) => p.re.test(folded));
  // "mầm non cho trẻ em mẫu giáo" also holds no age word; an age word wins over "mẫu giáo".
  const distinct = found.filter((p, i) => found.findIndex((q) => q.programme === p.programme) === i);
  const levels = [...folded.matchAll(/muc do (\d)/g)].map((m) => m[1]);
  const mode = modeOf(folded);
  let problem: string | null = null;
  if (distinct.length > 1) problem = 'Câu nêu nhiều chương trình cùng lúc.';
  else if (distinct.length === 0 && ANY_PROGRAMME.test(folded)) problem = 'Không rõ chương trình (độ tuổi mầm non, hay cấp học).';
  if (new Set(levels).size > 1) problem = 'Câu nêu nhiều mức độ khác nhau.';
  return {
    programme: distinct.length === 1 ? { programme: distinct[0].programme, age: distinct[0].age } : null,
    level: levels.length ? (`MĐ${levels[0]}` as TargetLevel) : null,
    mode,
    problem,
  };
}

/** "thành phố Phan Rang - Tháp Chàm và huyện Ninh Hải" → ["Phan Rang - Tháp Chàm", "Ninh Hải"]. */
function namesOf(list: string): string[] {
  return list
    .split(/,|\s+và\s+/)
    .map((s) => splitKind(s.trim()).name)
    .filter(Boolean);
}

// ---------------------------------------------------------------------------------------------

interface Context {
  scope: string | null;
  scopeKind: UnitKind | null;
  when: string | null;
  plan?: string;
}

/** The fields a "trong đó" clause inherits from the target before it (§10.1). */
interface Parent {
  programme: Programme;
  age: MnAge | null;
  mode: TargetMode;
}

type ClauseOutcome = { targets: Target[]; parent: Parent | null } | { unread: string };

function build(ctx: Context, line: number, fields: Omit<Target, 'scope' | 'when' | 'source'>): Target | string {
  const t = { ...fields, scope: ctx.scope ?? '', when: ctx.when ?? '', source: { kind: 'plan' as const, line, ...(ctx.plan ? { plan: ctx.plan } : {}) } };
  if (!ctx.scope) return 'Không rõ đơn vị của kế hoạch (tỉnh, huyện hay xã nào).';
  if (!ctx.when) return 'Không rõ năm hoặc giai đoạn của chỉ tiêu.';
  const parsed = targetSchema.safeParse(t);
  if (!parsed.success) return `Chỉ tiêu đọc được không hợp lệ: ${parsed.error.issues[0]?.message ?? ''}`.trim();
  return parsed.data;
}

/** One clause, with what it inherits (a "trong đó" clause) and the sentence's own programme. */
function readTargets(ctx: Context, line: number, clause: string, inherit: Parent | null): ClauseOutcome {
  const r = readClause(clause);
  if (r.problem) return { unread: r.problem };
  const programme = r.programme ?? (inherit ? { programme: inherit.programme, age: inherit.age } : null);
  if (!programme) return { targets: [], parent: null };
  const mode = r.mode ?? inherit?.mode ?? 'strive';
  const level: TargetLevel | null = r.level ?? (programme.programme === 'pcgd-mn' ? 'Đạt' : null);
  if (!level) return { unread: 'Câu không nêu mức độ (mức độ 1, 2 hay 3).' };
  if (!LEVELS_OF[programme.programme].includes(level)) return { unread: `Chương trình này không có ${level}.` };
  const folded = fold(clause.replace(/\([^)]*\)/g, ' '));
  const common = { programme: programme.programme, age: programme.age, level, mode, text: clause };
  const parent: Parent = { programme: programme.programme, age: programme.age, mode };
  const out: Target[] = [];
  const add = (fields: Omit<Target, 'scope' | 'when' | 'source'>): string | null => {
    const t = build(ctx, line, fields);
    if (typeof t === 'string') return t;
    out.push(t);
    return null;
  };

  const named = NAMED_RE.exec(folded);
  const counted = COUNT_RE.exec(folded);
  const share = SHARE_RE.exec(folded);
  if (named) {
    // P4: "thêm nn đơn vị ‹tên› và ‹tên›", the names up to ", tổng cộng" or "đạt".
    const original = clause.normalize('NFC');
    const m = /thêm \d{1,3} đơn vị (.+?)(?:,\s*tổng cộng|\s+đạt\b|$)/iu.exec(original);
    const names = m ? namesOf(m[1]) : [];
    if (names.length !== Number(named[1])) return { unread: `Câu nêu thêm ${Number(named[1])} đơn vị nhưng đọc được ${names.length} tên.` };
    const namedText = m ? original.slice(0, (m.index ?? 0) + m[0].length).replace(/,\s*tổng cộng$/i, '').trim() : original;
    const err = add({ ...common, kind: 'named', value: null, of: null, names, text: namedText });
    if (err) return { unread: err };
  }
  if (counted) {
    // P3: "m/N đơn vị …".
    const countText = named ? clause.slice(clause.search(/tổng cộng/i) >= 0 ? clause.search(/tổng cộng/i) : 0).trim() : clause;
    const err = add({ ...common, kind: 'count', value: Number(counted[1]), of: Number(counted[2]), names: [], text: countText });
    if (err) return { unread: err };
  } else if (share) {
    // P1: "p% [trở lên] [các / số] ‹rows› …".
    const err = add({ ...common, kind: 'share', value: Number(share[1]), of: null, names: [] });
    if (err) return { unread: err };
  } else if (!named) {
    if (/\d\s*%/.test(folded)) return { unread: 'Có tỉ lệ nhưng không rõ là tỉ lệ đơn vị nào.' };
    // P5: the unit's own level; its subject, when it has one, is the plan's own kind.
    const subject = new RegExp(`^(?:(?:giu vung|duy tri|phan dau)\\s+)?(${KIND_FOLDED})\\b`).exec(folded);
    if (subject && ctx.scopeKind && !kindFoldedMatches(subject[1], ctx.scopeKind)) {
      const said = UNIT_KINDS_LIST.find((k) => fold(KINDS[k].word) === subject[1]);
      return { unread: `Chỉ tiêu nói về ${said ? KINDS[said].word.toLowerCase() : subject[1]}, không phải ${KINDS[ctx.scopeKind].word.toLowerCase()} của kế hoạch.` };
    }
    const err = add({ ...common, kind: 'unit', value: null, of: null, names: [] });
    if (err) return { unread: err };
  }
  return { targets: out, parent };
}

const KIND_FOLDED = 'tinh|thanh pho|huyen|quan|thi xa|xa|phuong|thi tran|dac khu';

function kindFoldedMatches(word: string, kind: UnitKind): boolean {
  return fold(KINDS[kind].word) === word;
}

/** "1. Xóa mù chữ và phổ cập giáo dục": numbered, one clause, no figure or level. */
function isNumberedHeading(line: string): boolean {
  const t = line.replace(/[#*_]/g, '').trim();
  return /^(?:\d+(?:\.\d+)*|[a-zđ])[.)]\s/i.test(t) && !/[.;%]\s*\S/.test(t.slice(3)) && !/mức độ|\d\s*\/\s*\d/i.test(t);
}

/** Proposes the targets of a plan's text (§10.6). Pure: the officer confirms each one. */
export function proposeTargets(text: string, opts: ProposeOptions = {}): ProposeResult {
  const lines = text.normalize('NFC').split(/\r\n|\r|\n/);
  const scope = opts.scope ?? findScope(lines);
  const scopeKind = scope ? splitKind(scope, undefined).kind : null;
  const ctx: Context = { scope, scopeKind, when: opts.when ?? planYear(lines), plan: opts.plan };
  const section = targetSection(lines);
  const result: ProposeResult = { scope, targets: [], unread: [] };
  let parent: Parent | null = null;

  for (let i = section.from; i < section.to; i++) {
    const raw = lines[i];
    const when = headingWhen(raw);
    if (when !== undefined) {
      if (when) ctx.when = when;
      parent = null;
      continue;
    }
    // A sub-heading ("- Xóa mù chữ và phổ cập giáo dục:", "1. Xóa mù chữ và phổ cập giáo dục")
    // announces targets and states none.
    if (/:\s*\**\s*$/.test(raw) || isNumberedHeading(raw)) continue;
    for (const piece of splitSentences(raw)) {
      const sentence = cleanSentence(piece);
      if (!sentence) continue;
      // "…, trong đó (có) p% …" and "Trong đó, duy trì m/N …" are targets of their own (§10.1).
      const cuts = [...sentence.matchAll(/(?:^|,\s*)trong đó(?=[\s,]|$)/giu)].map((m) => m.index ?? 0);
      const startsNested = cuts[0] === 0;
      const clauses: { text: string; nested: boolean }[] = [];
      const bounds = startsNested ? cuts : [0, ...cuts];
      bounds.forEach((from, j) => {
        const text = sentence.slice(from, bounds[j + 1] ?? sentence.length).replace(/^,\s*/, '').trim();
        clauses.push({ text, nested: startsNested || j > 0 });
      });

      // A clause inherits from its sentence's first clause; a sentence that starts with
      // "Trong đó" from the sentence before it.
      let sentenceParent: Parent | null = startsNested ? parent : null;
      for (const c of clauses) {
        const inherit = c.nested ? sentenceParent : null;
        const out = readTargets(ctx, i + 1, c.text, inherit);
        if ('unread' in out) {
          result.unread.push({ line: i + 1, sentence, reason: out.unread });
          break;
        }
        result.targets.push(...out.targets);
        if (!c.nested) sentenceParent = out.parent;
      }
      if (!startsNested) parent = sentenceParent;
    }
  }
  return result;
}

/** The tier of the scope's kind, for callers that label rows ("xã" or "huyện"). */
export function scopeTier(scope: string): ReturnType<typeof tierOf> | null {
  const k = splitKind(scope).kind;
  return k ? tierOf(k) : null;
}
