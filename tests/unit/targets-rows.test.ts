// The targets page's rows (renderer/src/targets/targetRows.ts): a block pasted from Excel lands
// from the focused cell on and adds rows, columns past I are dropped; a check's answer, which
// leaves out blank rows, is laid back onto the rows it concerns.
import { describe, expect, it } from 'vitest';
import { editCell, newRow, pasteBlock, withResults } from '../../renderer/src/targets/targetRows';

describe('targets page rows', () => {
  it('a pasted block starts at the focused cell, adds the rows it needs and drops cells past column I', () => {
    const rows = [newRow(['1', 'XMC', 'MĐ2'])];
    const out = pasteBlock(rows, 0, 7, [['Duy trì', 'câu một', 'thừa'], ['Phấn đấu', 'câu hai']]);
    expect(out).toHaveLength(2);
    expect(out[0].cells).toEqual(['1', 'XMC', 'MĐ2', '', '', '', '', 'Duy trì', 'câu một']);
    expect(out[1].cells).toEqual(['', '', '', '', '', '', '', 'Phấn đấu', 'câu hai']);
    // The first row keeps its key (AG Grid's row id); the new one has its own.
    expect(out[0].key).toBe(rows[0].key);
    expect(out[1].key).not.toBe(rows[0].key);
  });

  it('a typed cell changes that cell only; the STT column is not typed into', () => {
    const rows = [newRow(['1', 'XMC']), newRow(['2', 'PCGD TH'])];
    expect(editCell(rows, 1, 2, 'MĐ3')[1].cells[2]).toBe('MĐ3');
    expect(editCell(rows, 1, 2, 'MĐ3')[0]).toBe(rows[0]);
    expect(editCell(rows, 0, 0, '9')[0].cells[0]).toBe('1');
  });

  it('results skip blank rows: the second non-blank row gets the second answer', () => {
    const rows = [newRow(['', 'XMC', 'MĐ2']), newRow(), newRow(['', 'PCGD TH', 'MĐ4'])];
    const out = withResults(rows, [
      { cells: [], status: 'met', message: 'đạt' },
      { cells: [], status: 'invalid', message: 'Mức: không rõ' },
    ]);
    expect(out.map((r) => r.status)).toEqual(['met', '', 'invalid']);
    expect(out[2].message).toBe('Mức: không rõ');
  });
});
