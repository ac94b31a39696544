// The live re-check of one edited count row equals the full check of the sheet for that row
// (issue 9: "live check equals full check after random edits of counts and marks"): on the
// sample's four sheets, after seeded random edits of counts, ĐBKK flags and marks.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readWorkbookFile } from '../../electron/core/excel/read';
import {
  checkCountSheet,
  computeLevel,
  countColumns,
  evaluateCounts,
  marksByUnit,
  marksFromGrid,
  prerequisiteStatus,
  recheckCountRow,
  type CountFinding,
  type LevelResult,
  type Prereqs,
  type CountSheet,
  type MarkGroup,
  type MarkedLevel,
} from '../../shared/counts';
import { unitKey } from '../../shared/text/normalize';

function rng(seed: number) {
  return () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
}

const sortF = (fs: CountFinding[]) => fs.map((f) => `${f.rule}|${f.row}|${f.col}|${f.unit}|${f.message}`).sort();

describe('recheckCountRow', () => {
  it('gives for the edited row what the full check gives, after 300 random edits of counts, flags and marks', async () => {
    const wb = await readWorkbookFile(join(__dirname, '..', 'fixtures', 'huyen-mau-so-lieu.xlsx'));
    const groups: MarkGroup[] = [];
    for (const s of wb.counts) {
      const rs = wb.sheets.find((p) => p.template.id === s.template.marks)!;
      const g = marksFromGrid(s.template, rs.template, rs.grid, s.year, rs.sheet);
      if (g) groups.push(g);
    }
    const ev = evaluateCounts(wb.counts, groups);
    const random = rng(9);
    const sheets: CountSheet[] = wb.counts.map((s) => ({ ...s, rows: s.rows.map((r) => ({ ...r, counts: { ...r.counts } })) }));
    const marks = groups.map((g) => ({ ...g, marks: g.marks.map((m) => ({ ...m })) }));
    let compared = 0;
    for (let step = 0; step < 300; step++) {
      const i = Math.floor(random() * sheets.length);
      const s = sheets[i];
      const r = Math.floor(random() * s.rows.length);
      const row = { ...s.rows[r], counts: { ...s.rows[r].counts } };
      const keys = countColumns(s.template).map((c) => c.key);
      const what = random();
      if (what < 0.7) {
        const k = keys[Math.floor(random() * keys.length)];
        const old = row.counts[k] ?? 100;
        row.counts[k] = random() < 0.1 ? null : Math.max(0, Math.round(old * (0.85 + random() * 0.3)));
      } else if (what < 0.85) {
        row.dbkk = random() < 0.2 ? null : !row.dbkk;
      } else {
        const g = marks.find((m) => m.template === s.template.marks);
        if (g) {
          const m = g.marks.find((x) => x.unit === row.unit);
          if (m) m.level = random() < 0.15 ? null : Math.floor(random() * (s.template.levels.length + 1));
          g.marks = [...g.marks]; // a new array: the cached unit map is rebuilt
        }
      }
      const rows = [...s.rows];
      rows[r] = row;
      sheets[i] = { ...s, rows };
      const group = marks.find((m) => m.template === s.template.marks);
      const byUnit = group ? marksByUnit(group.marks as MarkedLevel[]) : undefined;
      const prereqs = ev.prereqs[i];
      const levels = sheets[i].rows.map((x, k) => computeLevel(s.template, x, prereqs[k]));
      const full = checkCountSheet(sheets[i], { levels, prereqs, marks: byUnit });
      const mark = byUnit?.get([...byUnit.keys()].find((k) => byUnit.get(k)!.unit === row.unit) ?? '');
      const expected = full.filter((f) => (f.rule.startsWith('level.') && f.rule !== 'level.chain_gap' ? mark !== undefined && f.row === mark.row && f.col === mark.col : f.row === r) && f.rule !== 'count.total.mismatch');
      const live = recheckCountRow(sheets[i], r, { prereqs, marks: byUnit });
      expect(live.level).toEqual(levels[r]);
      expect(sortF(live.findings)).toEqual(sortF(expected));
      compared += expected.length;
    }
    expect(compared).toBeGreaterThan(20); // the edits did make findings to compare
  });
});

describe('live state of a whole workbook', () => {
  it('equals evaluateCounts of every sheet after 300 random edits, an XMC or TH edit re-checking the THCS row of its commune', async () => {
    const wb = await readWorkbookFile(join(__dirname, '..', 'fixtures', 'huyen-mau-so-lieu.xlsx'));
    const marks: MarkGroup[] = [];
    for (const s of wb.counts) {
      const rs = wb.sheets.find((p) => p.template.id === s.template.marks)!;
      const g = marksFromGrid(s.template, rs.template, rs.grid, s.year, rs.sheet);
      if (g) marks.push({ ...g, marks: g.marks.map((m) => ({ ...m })) });
    }
    const sheets: CountSheet[] = wb.counts.map((s) => ({ sheet: s.sheet, template: s.template, year: s.year, rows: s.rows.map((r) => ({ ...r, counts: { ...r.counts } })) }));
    const thcs = sheets.findIndex((s) => s.template.id === 'thcs-count');
    const sheetOf = (id: string) => sheets.findIndex((s) => s.template.id === id);
    const groupOf = (i: number) => marks.find((m) => m.template === sheets[i].template.marks);
    const byUnitOf = (i: number) => {
      const g = groupOf(i);
      return g ? marksByUnit(g.marks as MarkedLevel[]) : undefined;
    };
    // The live state: each row's level, prerequisites and findings, as a screen would hold them.
    const start = evaluateCounts(sheets, marks);
    const levels: LevelResult[][] = start.levels.map((l) => [...l]);
    const prereqs: (Prereqs | undefined)[][] = start.prereqs.map((p) => [...p]);
    const found: CountFinding[][][] = sheets.map((s, i) => s.rows.map((_, r) => recheckCountRow(s, r, { prereqs: prereqs[i], marks: byUnitOf(i) }).findings));
    const recheck = (i: number, r: number) => {
      const live = recheckCountRow(sheets[i], r, { prereqs: prereqs[i], marks: byUnitOf(i) });
      levels[i][r] = live.level;
      found[i][r] = live.findings;
    };
    const random = rng(90);
    let changedThcs = 0;
    for (let step = 0; step < 300; step++) {
      const i = Math.floor(random() * sheets.length);
      const s = sheets[i];
      const r = Math.floor(random() * s.rows.length);
      const row = { ...s.rows[r], counts: { ...s.rows[r].counts } };
      const what = random();
      if (what < 0.7) {
        const keys = countColumns(s.template).map((c) => c.key);
        const k = keys[Math.floor(random() * keys.length)];
        const old = row.counts[k] ?? 100;
        row.counts[k] = random() < 0.1 ? null : Math.max(0, Math.round(old * (0.8 + random() * 0.3)));
      } else if (what < 0.85) {
        row.dbkk = random() < 0.2 ? null : !row.dbkk;
      } else {
        const g = groupOf(i);
        const m = g?.marks.find((x) => x.unit === row.unit);
        if (g && m) {
          g.marks = g.marks.map((x) => (x === m ? { ...m, level: random() < 0.15 ? null : Math.floor(random() * (s.template.levels.length + 1)) } : x));
        }
      }
      sheets[i] = { ...s, rows: s.rows.map((x, k) => (k === r ? row : x)) };
      recheck(i, r);
      // A THCS row's prerequisites are the XMC and TH levels of its commune: re-checked with them.
      if (s.template.id === 'xmc-count' || s.template.id === 'th-count') {
        const q = sheets[thcs].rows.findIndex((x) => unitKey(x.unit) === unitKey(row.unit));
        const before = levels[thcs][q];
        const p: Prereqs = {};
        for (const c of sheets[thcs].template.levels[0].normal) {
          if (c.kind !== 'prereq') continue;
          const j = sheetOf(c.programme);
          const at = sheets[j].rows.findIndex((x) => unitKey(x.unit) === unitKey(row.unit));
          p[c.programme] = prerequisiteStatus(at >= 0 ? levels[j][at] : undefined, undefined, c.minLevel);
        }
        prereqs[thcs][q] = p;
        recheck(thcs, q);
        if (levels[thcs][q].level !== before.level || levels[thcs][q].upper !== before.upper) changedThcs++;
      }
      const full = evaluateCounts(sheets, marks);
      expect(levels).toEqual(full.levels);
      const key = (f: CountFinding) => `${f.rule}|${f.row}|${f.col}|${f.unit}|${f.message}`;
      const live = found.flat(2).filter((f) => f.rule !== 'count.total.mismatch').map(key).sort();
      const whole = full.findings.filter((f) => f.rule !== 'count.total.mismatch').map(key).sort();
      expect(live).toEqual(whole);
    }
    // The edits did move THCS levels through their prerequisites.
    expect(changedThcs).toBeGreaterThan(0);
  });
});
