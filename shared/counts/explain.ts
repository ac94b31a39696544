// The clause that decided a level (§9.5), in the words of §9.7: each criterion with its article,
// its displayed rate, n/d, the threshold and the shortfall in whole people. Built only where it is
// shown (the "Căn cứ" panel, a level.* message), never on the engine's hot path.
import { formatCount, formatRate, formatRate3, formatThreshold, isBorderline, shortfall } from './arith';
import { criterionState, levelUnder, PASS, TRI, UNDECIDED, FAIL, type State } from './engine';
import { columnOf, getCountTemplate, levelName, type Criterion, type CountTemplateDef } from './templates';
import type { CountColumn } from './kinds';
import type { CountRow, LevelResult, PrereqStatus, Prereqs, Tri } from './types';

export interface CriterionReport {
  /** The level (1-based) whose condition holds this criterion. */
  level: number;
  /** The rule it was judged under: the row's own, or each of the two when the flag is unknown. */
  rule: 'normal' | 'dbkk';
  criterion: Criterion;
  state: Tri;
  /** Numerator and denominator (rate: n/d; rest: done + rest / cohort); null when missing. */
  n: number | null;
  d: number | null;
  /** The displayed rate ("89,80%"), blank when it does not exist. */
  rate: string;
  borderline: boolean;
  /** Whole people still needed, for a failed criterion (rest: the 11-year-olds unaccounted). */
  shortfall: number | null;
  /** The criterion in Vietnamese, without its article. */
  text: string;
  /** The same, with the article beside its name. */
  textWithArticle: string;
}

export interface Clause {
  /** top: L is the top level; failed: decided below the top; undecided: L < U. */
  kind: 'top' | 'failed' | 'undecided';
  criteria: CriterionReport[];
  text: string;
}

export interface LevelExplanation extends LevelResult {
  /** Per rule judged (one, or two when the flag is unknown): its own L and U. */
  rules: { rule: 'normal' | 'dbkk'; level: number; upper: number }[];
  clause: Clause;
}

function noun(t: CountTemplateDef, key: string): string {
  const c = columnOf(t, key);
  return c && c.kind === 'count' ? (c as CountColumn).noun : key;
}

function prereqDetail(status: PrereqStatus | undefined, other: CountTemplateDef, year: string): string {
  if (!status || status.source === 'none') return `không có số liệu và không có đúng một dấu x năm ${year}`;
  if (status.source === 'marked') return `${other.programme} đánh dấu: ${levelName(other, status.level ?? 0) ?? 'không đạt'}`;
  const reached = levelName(other, status.level ?? 0) ?? 'chưa đạt mức nào';
  const open = (status.upper ?? 0) > (status.level ?? 0) ? `, chưa đủ số liệu để xác định mức cao hơn` : '';
  return `${other.programme} tính được: ${reached}${open}`;
}

/** One criterion on a row, stated in Vietnamese. */
export function reportCriterion(
  t: CountTemplateDef,
  c: Criterion,
  level: number,
  rule: 'normal' | 'dbkk',
  row: Pick<CountRow, 'counts' | 'year'>,
  prereqs: Prereqs | undefined,
): CriterionReport {
  const st: State = criterionState(c, row.counts, prereqs);
  const state = TRI[st];
  const base = { level, rule, criterion: c, state };
  if (c.kind === 'prereq') {
    const other = getCountTemplate(c.programme);
    const what = `điều kiện ${other.programme} đạt ít nhất ${levelName(other, c.minLevel)}`;
    const detail = prereqDetail(prereqs?.[c.programme], other, row.year);
    const verdict = (name: string) =>
      st === PASS ? `${name} đã đạt (${detail})` : st === FAIL ? `${name} chưa đạt (${detail})` : `chưa xác định được ${name} (${detail})`;
    return { ...base, n: null, d: null, rate: '', borderline: false, shortfall: null, text: verdict(what), textWithArticle: verdict(`${what} (${c.article})`) };
  }
  if (c.kind === 'rest') {
    const p = row.counts[c.cohort] ?? null;
    const h = row.counts[c.done] ?? null;
    const r = row.counts[c.rest] ?? null;
    const sum = h != null && r != null ? h + r : null;
    const name = 'các trẻ 11 tuổi còn lại đều đang học tiểu học';
    const figures = st === UNDECIDED ? '' : `${formatCount(h!)} + ${formatCount(r!)} = ${formatCount(sum!)} trên ${formatCount(p!)}`;
    const say = (article: string) => {
      if (st === UNDECIDED) {
        const why = p === 0 ? `${noun(t, c.cohort)} bằng 0` : 'thiếu số liệu';
        return `chưa xác định được số trẻ 11 tuổi còn lại đang học tiểu học${article} (${why})`;
      }
      return st === PASS
        ? `${name}${article} (${figures})`
        : `chưa đạt điều kiện ${name}${article}: còn ${formatCount(p! - sum!)} trẻ 11 tuổi chưa hoàn thành và không đang học tiểu học (${figures})`;
    };
    return {
      ...base,
      n: sum,
      d: p,
      rate: '',
      borderline: false,
      shortfall: st === FAIL ? p! - sum! : null,
      text: say(''),
      textWithArticle: say(` (${c.article})`),
    };
  }
  const n = row.counts[c.num] ?? null;
  const d = row.counts[c.den] ?? null;
  const rate = formatRate(n, d);
  const borderline = st === FAIL && isBorderline(n!, d!, c.threshold);
  const short = st === FAIL ? shortfall(n!, d!, c.threshold) : null;
  // The figures are written once; the two texts (with and without the article) share them.
  const figures = st === UNDECIDED || d === 0 ? '' : borderline ? `${rate} (thực tế ${formatRate3(n!, d!)}, ${formatCount(n!)}/${formatCount(d!)})` : `${rate} (${formatCount(n!)}/${formatCount(d!)})`;
  const say = (article: string) => {
    const name = `tỉ lệ ${c.phrase}${article}`;
    if (st === UNDECIDED) return `chưa xác định được ${name} (${d === 0 ? `${noun(t, c.den)} bằng 0` : 'thiếu số liệu'})`;
    if (d === 0) return `${name}: ${noun(t, c.den)} bằng 0, không có người cần tiếp cận, coi là đạt`;
    return st === PASS
      ? `${name} là ${figures}, đạt mức ${formatThreshold(c.threshold)}`
      : `${name} là ${figures}, cần ít nhất ${formatThreshold(c.threshold)}; cần thêm ${formatCount(short!)} ${c.phrase}`;
  };
  return { ...base, n, d, rate, borderline, shortfall: short, text: say(''), textWithArticle: say(` (${c.article})`) };
}

/** The criteria of level k (1-based) under one rule; `only`: just those in that state (the others are never worded). */
export function reportLevel(t: CountTemplateDef, k: number, rule: 'normal' | 'dbkk', row: Pick<CountRow, 'counts' | 'year'>, prereqs?: Prereqs, only?: Tri): CriterionReport[] {
  const def = t.levels[k - 1];
  const out: CriterionReport[] = [];
  for (const c of rule === 'dbkk' ? def.dbkk : def.normal) {
    if (only === undefined || TRI[criterionState(c, row.counts, prereqs)] === only) out.push(reportCriterion(t, c, k, rule, row, prereqs));
  }
  return out;
}

/** Criteria in a sentence: the level's own article is said once before them, others beside each. */
export function criteriaText(t: CountTemplateDef, criteria: readonly CriterionReport[], levelArticleSaid: boolean): string {
  return criteria
    .map((r) => (levelArticleSaid && r.criterion.article === t.levels[r.level - 1].article ? r.text : r.textWithArticle))
    .join('; ');
}

/** The full explanation of a row's level: L, U, decided and the clause that decided it. */
export function explainLevel(t: CountTemplateDef, row: CountRow, prereqs: Prereqs | undefined, result: LevelResult): LevelExplanation {
  const rules: ('normal' | 'dbkk')[] = row.dbkk === null ? ['normal', 'dbkk'] : [row.dbkk ? 'dbkk' : 'normal'];
  const top = t.levels.length;
  const perRule = rules.map((rule) => ({ rule, ...levelUnder(t, row, rule === 'dbkk', prereqs) }));
  const criteria: CriterionReport[] = [];
  let kind: Clause['kind'];
  if (result.level === top) kind = 'top';
  else kind = result.decided ? 'failed' : 'undecided';
  for (const r of perRule) {
    if (r.level === top) continue;
    if (r.level === r.upper) criteria.push(...reportLevel(t, r.level + 1, r.rule, row, prereqs, 'fail'));
    else {
      criteria.push(...reportLevel(t, r.level + 1, r.rule, row, prereqs, 'undecided'));
      if (r.upper < top) criteria.push(...reportLevel(t, r.upper + 1, r.rule, row, prereqs, 'fail'));
    }
  }
  return { ...result, rules: perRule, clause: { kind, criteria, text: clauseText(t, kind, criteria, rules.length > 1) } };
}

const RULE_NAME = { normal: 'xã thường', dbkk: 'xã ĐBKK' } as const;

function clauseText(t: CountTemplateDef, kind: Clause['kind'], criteria: readonly CriterionReport[], both: boolean): string {
  if (kind === 'top') return 'đạt tất cả tiêu chí';
  const say = (list: readonly CriterionReport[]) => criteriaText(t, list, false);
  if (!both) return say(criteria);
  const parts: string[] = [];
  for (const rule of ['normal', 'dbkk'] as const) {
    const own = criteria.filter((c) => c.rule === rule);
    if (own.length) parts.push(`${RULE_NAME[rule]}: ${say(own)}`);
  }
  return parts.join('; ');
}
