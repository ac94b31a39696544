// A column the template does not know is ignored with an info finding, never a refused sheet
// (issue 9 item 1): the app's own export with a "Ghi chú" column added beside the grid re-imports
// with every mark, and the added column is named where it is.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { SHEET_LAYOUT, writeWorkbook } from '../../electron/core/excel/write';
import { readWorkbookBuffer } from '../../electron/core/excel/read';
import { emptyGrid, columnsOf } from '../../shared/grid';
import { validateWorkbook } from '../../shared/report';
import { getTemplate } from '../../shared/templates';
import { MARK } from '../../shared/text/marks';

async function exported() {
  const t = getTemplate('xmc');
  const grid = emptyGrid(t, ['An Bình', 'Bình Minh', 'Cát Tiên'], { results: ['2020'], periods: ['2021-2025'] });
  const marks = columnsOf(t, grid.layout).filter((c) => c.kind === 'mark');
  grid.rows[0].values[marks[1].key] = MARK;
  grid.rows[1].values[marks[0].key] = MARK;
  grid.rows[2].values[marks[2].key] = MARK;
  const buf = await writeWorkbook({ unit: { name: 'Mẫu', kind: 'huyen' }, parent: null, date: new Date(2022, 0, 5), grids: [grid] });
  return { buf, grid };
}

describe('column.unrecognized', () => {
  it('the app export re-imports with an added "Ghi chú" column: same rows and marks, one info finding at its header cell', async () => {
    const { buf, grid } = await exported();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ExcelJS.Buffer);
    const ws = wb.worksheets[0];
    const col = ws.columnCount + 1;
    // Merged over the three header rows, as an officer adds a column beside the grid.
    ws.getCell(SHEET_LAYOUT.headerTop, col).value = 'Ghi chú';
    ws.mergeCells(SHEET_LAYOUT.headerTop, col, SHEET_LAYOUT.headerTop + SHEET_LAYOUT.headerDepth - 1, col);
    ws.getCell(SHEET_LAYOUT.columnNumberRow, col).value = `(${col})`;
    for (let r = SHEET_LAYOUT.firstCommuneRow; r < SHEET_LAYOUT.firstCommuneRow + 3; r++) ws.getCell(r, col).value = 'đã kiểm tra';
    const changed = Buffer.from(await wb.xlsx.writeBuffer());

    const read = await readWorkbookBuffer(changed, 'ghi-chu.xlsx');
    expect(read.unrecognized).toEqual([]);
    expect(read.sheets).toHaveLength(1);
    expect(read.sheets[0].grid.rows).toEqual(grid.rows);
    const report = validateWorkbook('ghi-chu.xlsx', read);
    const letter = String.fromCharCode(64 + col);
    expect(report.findings.filter((f) => f.rule === 'column.unrecognized')).toEqual([
      expect.objectContaining({ severity: 'info', sheet: ws.name, cell: `${letter}${SHEET_LAYOUT.headerTop}`, unit: null }),
    ]);
  });

  it('the export as written has no unknown column', async () => {
    const { buf } = await exported();
    const report = validateWorkbook('x.xlsx', await readWorkbookBuffer(buf, 'x.xlsx'));
    expect(report.findings.filter((f) => f.rule === 'column.unrecognized')).toEqual([]);
  });
});
