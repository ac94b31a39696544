// The renderer's pure pieces (no browser): TSV parsing, mark normalisation, edits and their undo.
import type { Grid } from '../../shared/grid';
import { applyChanges, changesOf, normaliseMark, writesOf } from '../../renderer/src/grid/gridEdits';
import { formatTsv, parseTsv } from '../../renderer/src/platform/tsv';
import { expect, test } from 'vitest';

test('parseTsv: rows by \\n or \\r\\n, cells by tabs, trailing line ignored, Excel quoting', () => {
  expect(parseTsv('a\tb\r\nc\td\r\n')).toEqual([
    ['a', 'b'],
    ['c', 'd'],
  ]);
  expect(parseTsv('a\tb\nc\td')).toEqual([
    ['a', 'b'],
    ['c', 'd'],
  ]);
  expect(parseTsv('x\t\t\n')).toEqual([['x', '', '']]);
  expect(parseTsv('"Đạt\nKĐ"\t"a ""b"""\n')).toEqual([['Đạt\nKĐ', 'a "b"']]);
  expect(parseTsv('')).toEqual([]);
  expect(parseTsv('\n')).toEqual([['']]);
  expect(parseTsv(formatTsv([['a\tb', 'c'], ['"', '']]))).toEqual([
    ['a\tb', 'c'],
    ['"', ''],
  ]);
});

test('normaliseMark: x, X, × are the mark; blank clears; other text is kept', () => {
  expect(['x', 'X', '×', ' x ', 'x\u00a0'].map(normaliseMark)).toEqual(['x', 'x', 'x', 'x', 'x']);
  expect(normaliseMark('  ')).toBe('');
  expect(normaliseMark('2')).toBe('2');
  expect(normaliseMark('Đạt')).toBe('Đạt');
});

test('changes drop no-ops, keep the first old value, and undo restores identity of untouched rows', () => {
  const grid: Grid = {
    template: 'xmc',
    layout: { results: ['2020'], periods: [] },
    rows: [
      { unit: 'A', unitId: 10, values: { '2020|MĐ1': 'x' } },
      { unit: 'B', unitId: 11, values: {} },
    ],
    totalTexts: {},
  };
  const changes = changesOf(grid, 1, [
    { unitId: 10, key: '2020|MĐ1', value: 'x' }, // no-op
    { unitId: 11, key: '2020|MĐ2', value: 'y' },
    { unitId: 11, key: '2020|MĐ2', value: 'x' }, // same cell: last wins
    { unitId: 1, key: '2020|Đánh giá', value: 'KĐ' }, // the aggregate's own text
    { unitId: 99, key: '2020|MĐ1', value: 'x' }, // not in this grid
  ]);
  expect(changes).toEqual([
    { unitId: 11, key: '2020|MĐ2', old: '', value: 'x' },
    { unitId: 1, key: '2020|Đánh giá', old: '', value: 'KĐ' },
  ]);
  const after = applyChanges(grid, 1, changes, 'forward');
  expect(after.rows[0]).toBe(grid.rows[0]);
  expect(after.rows[1].values).toEqual({ '2020|MĐ2': 'x' });
  expect(after.totalTexts).toEqual({ '2020|Đánh giá': 'KĐ' });
  const back = applyChanges(after, 1, changes, 'back');
  expect(back.rows[1].values).toEqual({});
  expect(back.totalTexts).toEqual({});
  expect(grid.rows[1].values).toEqual({}); // the original is never mutated
  expect(writesOf(changes, 'back')).toEqual([
    { unitId: 11, key: '2020|MĐ2', value: '' },
    { unitId: 1, key: '2020|Đánh giá', value: '' },
  ]);
});
