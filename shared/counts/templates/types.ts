// A count template is data (DOMAIN.md §9.2, §9.4): its columns by kind, its levels as lists of
// criteria under the normal and the ĐBKK rule, the denominators, the order checks between counts,
// and the texts of its official sheet. Years are not part of it: each sheet says its own.
import type { TemplateId } from '../../templates';
import type { ColumnSpec } from '../kinds';

export type CountTemplateId = 'xmc-count' | 'mn-count' | 'th-count' | 'thcs-count';

/** "rate ≥ T%": 100·num ≥ T·den. */
export interface RateCriterion {
  kind: 'rate';
  num: string;
  den: string;
  /** Whole percentage. */
  threshold: number;
  /** Who the numerator counts, for "tỉ lệ {phrase}" and "cần thêm {k} {phrase}". */
  phrase: string;
  /** "NĐ 20/2014, Điều 21". */
  article: string;
  /**
   * Disabled access (Thông tư 07/2016 Điều 2): den = 0 means nobody to reach and the criterion is
   * met; den > 0 with num missing is undecided.
   */
  zeroMeets?: boolean;
}

/** "Các trẻ em 11 tuổi còn lại đều đang học các lớp tiểu học": done + rest ≥ cohort. */
export interface RestCriterion {
  kind: 'rest';
  done: string;
  rest: string;
  cohort: string;
  article: string;
}

/** Another programme at least at `minLevel` for the same commune and year (THCS, NĐ 20 Điều 14). */
export interface PrereqCriterion {
  kind: 'prereq';
  programme: 'xmc-count' | 'th-count';
  minLevel: number;
  article: string;
}

export type Criterion = RateCriterion | RestCriterion | PrereqCriterion;

export interface LevelDef {
  /** "MĐ1", or "Đạt" for the one level of preschool. */
  name: string;
  /** The article that sets this level: "NĐ 20/2014, Điều 21". */
  article: string;
  /** The level's own criteria (the lower levels are the chain's business). */
  normal: Criterion[];
  dbkk: Criterion[];
}

/** A denominator whose 0 gives the info finding `count.zero_denominator`. */
export interface DenominatorSpec {
  key: string;
  /** What a 0 there means: "không tính được tỉ lệ hoàn thành CTTH 11 tuổi". */
  zero: string;
}

/** left ≤ right between counts of one row (`count.nested`, `count.exceeds_denominator`). */
export interface OrderCheck {
  rule: 'count.nested' | 'count.exceeds_denominator';
  /** One count, or the sum of several (the finding is at the last of them). */
  left: string[];
  right: string;
  /** Words for the left side when the column nouns would not read well ("số người biết chữ mức độ 2 độ tuổi 15-25"). */
  leftNoun?: string;
  rightNoun?: string;
  /** Checked only when these hold (each pair a ≤ b): H11 + D11 ≤ P11 only where H11 ≤ P11. */
  onlyIf?: [string, string][];
}

export interface CountTemplateDef {
  id: CountTemplateId;
  /** The programme in messages: "XMC", "PCGD tiểu học". */
  programme: string;
  /** The Phụ lục template whose result group "năm Y" the counts check (§9.6). */
  marks: TemplateId;
  /** The age group of that result group the counts speak for (preschool: "5 tuổi"). */
  markAge?: string;
  /** Sheet name, form code (top right), title (bold capitals) and its key (§9.1). */
  sheet: string;
  formCode: string;
  title: string;
  titleKey: string;
  /** The time line under the title; {year} is replaced. */
  yearLine: string;
  /** Columns in the order the app writes them (it reads them in any order). */
  columns: ColumnSpec[];
  /** Lowest first. */
  levels: LevelDef[];
  denominators: DenominatorSpec[];
  orders: OrderCheck[];
  /**
   * `level.chain_gap` (info) when a level's own condition passes while a lower one fails: XMC,
   * whose MĐ2 article (NĐ 20 Điều 21) does not repeat "bảo đảm MĐ1" (§9.5).
   */
  chainGap?: boolean;
  /** One footer line per level; {k} (level number) and {n} (communes at least at it) are replaced. */
  footer: string;
}
