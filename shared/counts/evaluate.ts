// The count sheets of one workbook (or the stored count grids of a unit) evaluated together:
// levels in the order of §9.5 (XMC and TH first, then MN, then THCS with its prerequisites),
// then every rule, then the `levels` entries of `validate --json` (§9.8).
import { computeLevel, prerequisiteStatus } from './engine';
import { COUNT_RULES, levelMarks, rowIndex, rowKeys } from './rules';
import { COUNT_TEMPLATES, levelName, type CountTemplateId } from './templates';
import type { CountFinding, CountSheet, LevelResult, MarkedLevel, PrereqStatus, Prereqs } from './types';
import type { TemplateId } from '../templates';
import { unitKey } from '../text/normalize';

/** The marks of one Phụ lục result group "năm Y" (for preschool: its 5-year-olds). */
export interface MarkGroup {
  /** The Phụ lục template: 'xmc', 'pcgd-mn', 'pcgd-th', 'pcgd-thcs'. */
  template: TemplateId;
  year: string;
  /** The Phụ lục sheet's name, the `sheet` of the level.* findings. */
  sheet: string | null;
  marks: readonly MarkedLevel[];
}

/** A finding with the sheet it is anchored in (the Phụ lục for level.*, the count sheet otherwise). */
export interface SheetFinding extends CountFinding {
  sheet: string | null;
}

/** One entry of `levels` in `validate --json`. */
export interface LevelEntry {
  sheet: string;
  template: CountTemplateId;
  unit: string;
  year: string;
  level: string | null;
  decided: boolean;
  dbkk: boolean | null;
}

export interface CountEvaluation {
  /** Per sheet (input order), per row: the computed level. */
  levels: LevelResult[][];
  /** Per sheet, per row: the prerequisites a THCS row was computed with (undefined elsewhere). */
  prereqs: (Prereqs | undefined)[][];
  findings: SheetFinding[];
  entries: LevelEntry[];
}

const byUnit = new WeakMap<readonly MarkedLevel[], Map<string, MarkedLevel>>();

/** Marks by unitKey (a commune listed twice: its first row); kept while the array is the same object. */
export function marksByUnit(marks: readonly MarkedLevel[]): Map<string, MarkedLevel> {
  let out = byUnit.get(marks);
  if (out) return out;
  out = new Map<string, MarkedLevel>();
  for (const m of marks) {
    const k = unitKey(m.unit);
    if (k && !out.has(k)) out.set(k, m);
  }
  byUnit.set(marks, out);
  return out;
}

/** The `levels` entries of one sheet, in row order (§9.8), added to `out`. */
export function levelEntries(sheet: CountSheet, levels: readonly LevelResult[], out: LevelEntry[] = []): LevelEntry[] {
  const { rows, template } = sheet;
  // A loop, not map then push(...): a sheet of a whole country would overflow the argument list.
  for (let r = 0; r < rows.length; r++) {
    const { level, decided } = levels[r];
    out.push({ sheet: sheet.sheet, template: template.id, unit: rows[r].unit, year: sheet.year, level: levelName(template, level), decided, dbkk: rows[r].dbkk });
  }
  return out;
}

/** The computed levels of a sheet a prerequisite reads, and its rows' unitKeys. */
interface Computed {
  rows: CountSheet['rows'];
  keys: readonly string[];
  first: readonly boolean[];
  levels: readonly LevelResult[];
}

/**
 * The computed level of the commune `key` in `other` (its first row), or undefined. `r`: the
 * asking row's index. The sheets of one file list the same communes in the same order, so row r
 * is tried first: a Map of a whole country's names costs more than the levels it serves.
 */
function computedFor(other: Computed, key: string, r: number): LevelResult | undefined {
  if (other.keys[r] === key && other.first[r]) return other.levels[r];
  const at = rowIndex(other.rows).get(key);
  return at === undefined ? undefined : other.levels[at];
}

const ORDER: Record<CountTemplateId, number> = { 'xmc-count': 0, 'th-count': 1, 'mn-count': 2, 'thcs-count': 3 };

/**
 * Every count sheet's levels, findings and `levels` entries. `markGroups`: the Phụ lục result
 * groups of the same workbook (or of the database for that unit), for the level.* rules and the
 * marked THCS prerequisites. Findings are listed sheet by sheet in input order.
 */
export function evaluateCounts(sheets: readonly CountSheet[], markGroups: readonly MarkGroup[] = []): CountEvaluation {
  const levels: LevelResult[][] = new Array(sheets.length);
  const prereqs: (Prereqs | undefined)[][] = new Array(sheets.length);
  const marks = new Map<string, { group: MarkGroup; byUnit: Map<string, MarkedLevel> }>();
  for (const g of markGroups) {
    const key = `${g.template}|${g.year}`;
    if (!marks.has(key)) marks.set(key, { group: g, byUnit: marksByUnit(g.marks) });
  }
  // The first sheet of a template and year is the one a prerequisite reads (§9.5).
  const computed = new Map<string, Computed>();
  const order = sheets.map((_, i) => i).sort((a, b) => ORDER[sheets[a].template.id] - ORDER[sheets[b].template.id] || a - b);
  for (const i of order) {
    const s = sheets[i];
    const t = s.template;
    const needs = t.levels[0].normal.filter((c) => c.kind === 'prereq');
    const rowPrereqs: (Prereqs | undefined)[] = new Array(s.rows.length);
    const out: LevelResult[] = new Array(s.rows.length);
    const sources = needs.map((c) => {
      const other = COUNT_TEMPLATES.find((x) => x.id === c.programme)!;
      return { c, computed: computed.get(`${c.programme}|${s.year}`), marked: marks.get(`${other.marks}|${s.year}`)?.byUnit };
    });
    const keys = sources.length ? rowKeys(s.rows).keys : undefined;
    for (let r = 0; r < s.rows.length; r++) {
      let p: Prereqs | undefined;
      if (keys) {
        p = {};
        for (const src of sources) {
          const found = src.computed && computedFor(src.computed, keys[r], r);
          // The mark is read only where no count row answers (prerequisiteStatus prefers the counts).
          const status: PrereqStatus = prerequisiteStatus(found, found ? undefined : src.marked?.get(keys[r])?.level, src.c.minLevel);
          p[src.c.programme] = status;
        }
      }
      rowPrereqs[r] = p;
      out[r] = computeLevel(t, s.rows[r], p);
    }
    levels[i] = out;
    prereqs[i] = rowPrereqs;
    const key = `${t.id}|${s.year}`;
    if (!computed.has(key)) computed.set(key, { rows: s.rows, ...rowKeys(s.rows), levels: out });
  }
  const findings: SheetFinding[] = [];
  const entries: LevelEntry[] = [];
  const compared = new Set<string>();
  sheets.forEach((s, i) => {
    const m = marks.get(`${s.template.marks}|${s.year}`);
    const ctx = { levels: levels[i], prereqs: prereqs[i], marks: m?.byUnit };
    // A second sheet of the same template and year is not compared with the marks: the first is the one used (§9.5).
    const key = `${s.template.id}|${s.year}`;
    if (!compared.has(key)) {
      compared.add(key);
      for (const f of levelMarks.check(s, ctx)) findings.push(Object.assign(f, { sheet: m!.group.sheet }));
    }
    for (const rule of COUNT_RULES) for (const f of rule.check(s, ctx)) findings.push(Object.assign(f, { sheet: s.sheet }));
    levelEntries(s, levels[i], entries);
  });
  return { levels, prereqs, findings, entries };
}
