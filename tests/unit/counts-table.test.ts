// The count table the app edits (shared/counts/table.ts): what a typed count becomes, the rows the
// rules see, where their findings land on the table, the roll-up from computed levels and the
// "Căn cứ" panel's figures.
import { describe, expect, it } from 'vitest';
import { basisOf, checkTable, type TableCache, countRowOf, levelText, markedText, normaliseCount, normaliseFlag, rollupLevels, thcsCount, xmcCount, type MarkedLevel, type TableRow } from '../../shared/counts';

const YEAR = '2020';

/** An XMC row: T and B1, B2 in each band (15-25, 15-35, 15-60). */
function xmcRow(unitId: number, name: string, b: [number, number, number][], dbkk = ''): TableRow {
  const values: Record<string, string> = {};
  (['15_25', '15_35', '15_60'] as const).forEach((band, i) => {
    values[`T_${band}`] = String(b[i][0]);
    values[`B1_${band}`] = String(b[i][1]);
    values[`B2_${band}`] = String(b[i][2]);
  });
  if (dbkk) values.dbkk = dbkk;
  return { unitId, name, values };
}

const empty = (unitId: number, name: string): TableRow => ({ unitId, name, values: {} });

describe('normaliseCount', () => {
  it('takes whole numbers, with "." or a space grouping thousands', () => {
    expect(normaliseCount('1.250')).toEqual({ ok: true, value: '1250' });
    expect(normaliseCount(' 1 250 ')).toEqual({ ok: true, value: '1250' });
    expect(normaliseCount('0')).toEqual({ ok: true, value: '0' });
    expect(normaliseCount('')).toEqual({ ok: true, value: '' });
  });
  it('refuses negatives, fractions, words and a misplaced separator', () => {
    for (const bad of ['-3', '12,5', '12.5', '1.25', 'mười', '1.2500', '3x']) expect(normaliseCount(bad)).toEqual({ ok: false });
  });
});

describe('normaliseFlag', () => {
  it('reads x, X and × as ĐBKK, blank as not, "?" as unknown, anything else refused', () => {
    expect(normaliseFlag('X')).toEqual({ ok: true, value: 'x' });
    expect(normaliseFlag('×')).toEqual({ ok: true, value: 'x' });
    expect(normaliseFlag(' ')).toEqual({ ok: true, value: '' });
    expect(normaliseFlag('?')).toEqual({ ok: true, value: '?' });
    expect(normaliseFlag('có')).toEqual({ ok: false });
  });
});

describe('countRowOf', () => {
  it('is null for a commune with nothing typed, and keeps a blank count missing, never 0', () => {
    expect(countRowOf(xmcCount, YEAR, empty(1, 'Xã A'))).toBeNull();
    const r = countRowOf(xmcCount, YEAR, { unitId: 1, name: 'Xã A', values: { T_15_35: '200', dbkk: '?' } })!;
    expect(r.counts.T_15_35).toBe(200);
    expect(r.counts.B1_15_35).toBeNull();
    expect(r.dbkk).toBeNull();
  });
});

describe('checkTable', () => {
  // Xã A: 15-35 literate MĐ1 181/200 = 90,5% (passes); 15-60 MĐ2 349/390 = 89,49% (fails).
  const a = xmcRow(1, 'Xã A', [[100, 95, 92], [200, 181, 180], [390, 370, 349]]);
  const marks = (level: number | null): MarkedLevel[] => [
    { unit: 'Xã A', level, row: 0, col: '2020|MĐ2' },
    { unit: 'Xã B', level: 1, row: 1, col: '2020|MĐ1' },
  ];

  it('computes each row and puts a marked level above the counts on the commune row, in the marked-level column', () => {
    const c = checkTable(xmcCount, YEAR, [a, empty(2, 'Xã B')], [], marks(2));
    expect(c.levels[0]).toMatchObject({ level: 1, upper: 1, decided: true });
    expect(c.levels[1]).toBeNull();
    expect(c.marked).toEqual([2, 1]);
    const over = c.findings.filter((f) => f.rule === 'level.overstated');
    expect(over).toHaveLength(1);
    expect(over[0]).toMatchObject({ row: 0, col: 'marked', severity: 'error' });
    expect(over[0].message).toContain('cần thêm 2 người biết chữ mức độ 2 trong độ tuổi 15-60');
  });

  it('gives no level finding when the mark equals the computed level, nor for a commune without counts', () => {
    const c = checkTable(xmcCount, YEAR, [a, empty(2, 'Xã B')], [], marks(1));
    expect(c.findings.filter((f) => f.rule.startsWith('level.'))).toEqual([]);
  });

  it('places a count rule on the table row even when empty rows come before it', () => {
    const bad = xmcRow(3, 'Xã C', [[100, 120, 10], [200, 181, 180], [390, 370, 349]]);
    const c = checkTable(xmcCount, YEAR, [empty(1, 'Xã A'), empty(2, 'Xã B'), bad], [], undefined);
    const nested = c.findings.filter((f) => f.rule === 'count.nested');
    expect(nested.map((f) => [f.row, f.col])).toContainEqual([2, 'B1_15_25']);
  });

  it('reads a THCS prerequisite given per table row', () => {
    const row: TableRow = { unitId: 1, name: 'Xã A', values: { P: '100', G: '96', U: '85', K: '0', KT: '0', dbkk: '' } };
    const pass = { 'xmc-count': { state: 'pass' as const, source: 'marked' as const, level: 1 }, 'th-count': { state: 'pass' as const, source: 'marked' as const, level: 1 } };
    expect(checkTable(thcsCount, YEAR, [row], [pass], undefined).levels[0]).toMatchObject({ level: 3, decided: true });
    expect(checkTable(thcsCount, YEAR, [row], [undefined], undefined).levels[0]).toMatchObject({ level: 0, upper: 3, decided: false });
  });
});

describe('checkTable with a cache (the live path)', () => {
  it('gives what the full check gives after random edits of counts, flags and blank rows', () => {
    let seed = 11;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const names = Array.from({ length: 30 }, (_, i) => `Xã ${i}`);
    let rows: TableRow[] = names.map((n, i) => (i % 4 === 3 ? empty(i + 1, n) : xmcRow(i + 1, n, [[100, 95, 92], [200, 181, 180], [390, 370, 360]])));
    const marks: MarkedLevel[] = names.map((unit, i) => ({ unit, level: i % 3, row: i, col: `2020|MĐ${(i % 2) + 1}` }));
    const cache: TableCache = new WeakMap();
    const keys = ['T_15_25', 'B1_15_25', 'B2_15_25', 'T_15_35', 'B1_15_35', 'B2_15_35', 'T_15_60', 'B1_15_60', 'B2_15_60', 'dbkk'];
    const sorted = (c: ReturnType<typeof checkTable>) => c.findings.map((f) => `${f.rule}|${f.row}|${f.col}|${f.message}`).sort();
    let findings = 0;
    for (let step = 0; step < 200; step++) {
      const i = Math.floor(random() * rows.length);
      const k = keys[Math.floor(random() * keys.length)];
      const values = { ...rows[i].values };
      const what = random();
      if (k === 'dbkk') values.dbkk = what < 0.3 ? '' : what < 0.6 ? 'x' : '?';
      else if (what < 0.1) delete values[k];
      else values[k] = String(Math.floor(random() * 420));
      rows = rows.slice();
      rows[i] = { ...rows[i], values };
      const live = checkTable(xmcCount, YEAR, rows, [], marks, cache);
      const full = checkTable(xmcCount, YEAR, rows, [], marks);
      expect(live.levels).toEqual(full.levels);
      expect(sorted(live)).toEqual(sorted(full));
      findings += full.findings.length;
    }
    expect(findings).toBeGreaterThan(200); // the edits did make findings to compare
  });
});

describe('levelText and markedText', () => {
  it('says the level and how far it may go when undecided', () => {
    expect(levelText(xmcCount, { level: 1, upper: 1, decided: true, dbkk: false })).toBe('MĐ1');
    expect(levelText(xmcCount, { level: 0, upper: 2, decided: false, dbkk: null })).toBe('Chưa đạt (có thể đến MĐ2)');
    expect(markedText(xmcCount, 0)).toBe('KĐ');
    expect(markedText(xmcCount, null)).toBe('');
  });
});

describe('rollupLevels', () => {
  it('reaches a level exactly at its threshold of all communes, and not one commune below it', () => {
    const nine = [1, 1, 1, 1, 1, 1, 1, 1, 1, null];
    expect(rollupLevels(nine, 10, [90, 90], 2)).toEqual({ atLeast: [9, 0], reached: 1 });
    expect(rollupLevels(nine.slice(1), 10, [90, 90], 2)).toEqual({ atLeast: [8, 0], reached: 0 });
    // A higher level needs the lower one: 9 of 10 at MĐ2 count for MĐ1 too.
    expect(rollupLevels([2, 2, 2, 2, 2, 2, 2, 2, 2, 0], 10, [90, 90], 2).reached).toBe(2);
  });
});

describe('basisOf', () => {
  it('lists the counts, every criterion with its rate and threshold, and the shortfall in the clause', () => {
    const row = countRowOf(xmcCount, YEAR, xmcRow(1, 'Xã A', [[100, 95, 92], [200, 181, 180], [390, 370, 349]]))!;
    const b = basisOf(xmcCount, row, undefined);
    expect(b.explanation).toMatchObject({ level: 1, decided: true });
    expect(b.explanation.clause.text).toContain('89,49% (349/390), cần ít nhất 90%; cần thêm 2 người biết chữ mức độ 2 trong độ tuổi 15-60');
    expect(b.counts[0]).toEqual({ title: 'Độ tuổi 15-25 / Tổng số', value: '100' });
    expect(b.criteria.map((c) => [c.level, c.state])).toEqual([
      [1, 'pass'],
      [2, 'fail'],
    ]);
    expect(b.criteria[1].shortfall).toBe(2);
  });
});
