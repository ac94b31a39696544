// The pure parts of the grid's Excel gestures: where Ctrl+arrow lands, and a Đánh giá typed
// with Alt+Enter keeping its line breaks.
import { describe, expect, it } from 'vitest';
import { edgeIndex } from '../../renderer/src/grid/cellRange';
import { normaliseText } from '../../renderer/src/grid/gridEdits';

const line = (s: string) => [...s].map((c) => c === 'x');

describe('Ctrl+arrow (edgeIndex)', () => {
  it('from a filled cell in a block: to the block\'s last filled cell', () => {
    expect(edgeIndex(line('xxx..x'), 0, 1)).toBe(2);
    expect(edgeIndex(line('.xxx..'), 3, -1)).toBe(1);
  });
  it('from the end of a block or an empty cell: to the next filled cell', () => {
    expect(edgeIndex(line('xxx..x.'), 2, 1)).toBe(5);
    expect(edgeIndex(line('...x..'), 0, 1)).toBe(3);
    expect(edgeIndex(line('x..x..'), 3, -1)).toBe(0);
  });
  it('with nothing filled ahead: to the line\'s end; at the end: stays', () => {
    expect(edgeIndex(line('x.....'), 0, 1)).toBe(5);
    expect(edgeIndex(line('....x.'), 3, -1)).toBe(0);
    expect(edgeIndex(line('xx'), 1, 1)).toBe(1);
    expect(edgeIndex(line('xx'), 0, -1)).toBe(0);
  });
});

describe('Đánh giá text with line breaks', () => {
  it('keeps inner line breaks, cleans each line, drops blank lines at the ends', () => {
    expect(normaliseText('  Dòng   một \r\nDòng hai\n\n')).toBe('Dòng một\nDòng hai');
    expect(normaliseText('\nĐạt\n')).toBe('Đạt');
  });
  it('a single line is cleaned as before (spaces collapsed, NFC)', () => {
    expect(normaliseText('  Đạt   chuẩn ')).toBe('Đạt chuẩn');
    expect(normaliseText('Đa\u0323t')).toBe('Đạt');
  });
});
