// The header of every grid is one tree (shared/header.ts): the Excel writer prints it and the
// screen's AG Grid column defs show it. Both renderings are read back here and compared with the
// tree, for every template and several layouts, so they cannot drift apart again.
import ExcelJS from 'exceljs';
import type { ColDef, ColGroupDef } from 'ag-grid-community';
import { describe, expect, it } from 'vitest';
import { buildWorkbook, SHEET_LAYOUT } from '../../electron/core/excel/write';
import { buildColumns } from '../../renderer/src/grid/gridColumns';
import type { RowData } from '../../renderer/src/grid/gridRows';
import { aggregateWords, totalLabel } from '../../renderer/src/platform/format';
import { columnsOf, emptyGrid } from '../../shared/grid';
import { depthOf, headerTree, leavesOf, type HeaderNode } from '../../shared/header';
import { TEMPLATES, type Layout, type TemplateDef } from '../../shared/templates';

type Def = ColDef<RowData> | ColGroupDef<RowData>;
const hooks = { issueAt: () => undefined, inRange: () => false };

const LAYOUTS: Layout[] = [
  { results: ['2020'], periods: ['2021-2025', '2026-2030'] },
  { results: [], periods: ['2021-2025', '2026-2030'] },
  { results: ['2020', '2021'], periods: [] },
  { results: ['2022'], periods: ['2026-2030'] },
];

/** The tree as nested [text, children] pairs, the shape both renderings are read back into. */
type Shape = [string, Shape[]];
const shapeOfTree = (n: HeaderNode): Shape => [n.text, n.children.map(shapeOfTree)];
const shapeOfDef = (d: Def): Shape => [d.headerName ?? '', 'children' in d ? d.children.map(shapeOfDef) : []];

/** The sheet's header rows read back as a tree: a merged cell is a node over the cells below it. */
function shapeOfSheet(ws: ExcelJS.Worksheet, lastCol: number): Shape[] {
  const top = SHEET_LAYOUT.headerTop;
  const rows = SHEET_LAYOUT.headerDepth;
  // The master cell of each merge (or single cell) in the header, with its extent.
  const read = (row: number, from: number, to: number): Shape[] => {
    const out: Shape[] = [];
    let c = from;
    while (c <= to) {
      const cell = ws.getCell(top + row, c);
      let right = c;
      while (right < to && ws.getCell(top + row, right + 1).isMerged && ws.getCell(top + row, right + 1).master.address === cell.address) right++;
      let bottom = row;
      while (bottom < rows - 1 && ws.getCell(top + bottom + 1, c).isMerged && ws.getCell(top + bottom + 1, c).master.address === cell.address) bottom++;
      out.push([String(cell.value), bottom === rows - 1 ? [] : read(bottom + 1, c, right)]);
      c = right + 1;
    }
    return out;
  };
  return read(0, 1, lastCol);
}

function treeCases(): { t: TemplateDef; layout: Layout }[] {
  return TEMPLATES.flatMap((t) => LAYOUTS.map((layout) => ({ t, layout })));
}

describe('one header tree, two renderings', () => {
  it.each(treeCases().map((c) => [c.t.id, JSON.stringify(c.layout), c] as const))('%s %s: the grid shows the tree', (_id, _l, { t, layout }) => {
    const tree = headerTree(t, layout);
    const defs = buildColumns(t, layout, hooks);
    expect(defs.map(shapeOfDef)).toEqual(tree.map(shapeOfTree));
    // The data leaves are the grid's columns, in order, keyed as the store keys them.
    const ids = (d: Def): string[] => ('children' in d ? d.children.flatMap(ids) : [d.colId!]);
    expect(defs.flatMap(ids)).toEqual(leavesOf(tree).map((n) => n.id));
    expect(leavesOf(tree).slice(2).map((n) => n.column!.key)).toEqual(columnsOf(t, layout).map((c) => c.key));
  });

  it.each(treeCases().map((c) => [c.t.id, JSON.stringify(c.layout), c] as const))('%s %s: the sheet prints the tree', (_id, _l, { t, layout }) => {
    const tree = headerTree(t, layout);
    expect(depthOf(tree)).toBeLessThanOrEqual(SHEET_LAYOUT.headerDepth);
    const wb = buildWorkbook({
      unit: { name: 'Hà Quảng', kind: 'huyen' },
      parent: null,
      date: new Date(2022, 0, 5),
      grids: [emptyGrid(t, ['Cần Nông'], layout)],
    });
    const ws = wb.worksheets[0];
    expect(shapeOfSheet(ws, leavesOf(tree).length)).toEqual(tree.map(shapeOfTree));
  });

  it('a period wording of the template reaches both renderings (the screen used to ignore it)', () => {
    const base = TEMPLATES.find((t) => t.id === 'xmc')!;
    const t: TemplateDef = { ...base, header: { ...base.header, period: 'Giai đoạn {period}' } };
    const layout = base.defaultLayout;
    const periodTexts = (s: Shape[]) => s.find(([text]) => text === t.header.periods)![1].map(([text]) => text);
    expect(periodTexts(buildColumns(t, layout, hooks).map(shapeOfDef))).toEqual(['Giai đoạn 2021-2025', 'Giai đoạn 2026-2030']);
    expect(periodTexts(headerTree(t, layout).map(shapeOfTree))).toEqual(['Giai đoạn 2021-2025', 'Giai đoạn 2026-2030']);
  });

  it('the XMC result year covers the rows beside the two-level periods in both', () => {
    const t = TEMPLATES.find((x) => x.id === 'xmc')!;
    const defs = buildColumns(t, t.defaultLayout, hooks);
    const year = defs.find((d) => 'groupId' in d && d.groupId === 'r:2020') as ColGroupDef<RowData>;
    expect(year.headerClass).toContain('hdr-span-2');
    const wb = buildWorkbook({ unit: { name: 'Hà Quảng', kind: 'huyen' }, parent: null, date: new Date(2022, 0, 5), grids: [emptyGrid(t, ['Cần Nông'])] });
    const ws = wb.worksheets[0];
    // C9:D10 merged: the year's text stands over two rows, its MĐ1/MĐ2 on the third.
    expect(ws.getCell(SHEET_LAYOUT.headerTop + 1, 3).master.address).toBe(`C${SHEET_LAYOUT.headerTop}`);
    expect(ws.getCell(SHEET_LAYOUT.headerTop + 2, 3).value).toBe('MĐ1');
  });
});

describe('unit words: one source (shared/units) for the sheet and the screen', () => {
  it.each(['huyen', 'tinh', 'xa'] as const)('%s: name column and total row read the same on both', (kind) => {
    const unit = { name: 'Cao Bằng', kind };
    const t = TEMPLATES[0];
    const ws = buildWorkbook({ unit, parent: null, date: new Date(2022, 0, 5), grids: [emptyGrid(t, ['Cần Nông'])] }).worksheets[0];
    const defs = buildColumns(t, t.defaultLayout, hooks, { nameColumn: aggregateWords(unit).nameColumn });
    expect(defs[1].headerName).toBe(ws.getCell(SHEET_LAYOUT.headerTop, 2).value);
    expect(totalLabel(kind)).toBe(ws.getCell(SHEET_LAYOUT.firstCommuneRow + 1, 2).value);
  });

  it('a district report keeps its words', () => {
    expect(aggregateWords({ kind: 'huyen', name: 'Hà Quảng' })).toMatchObject({
      nameColumn: 'Tên đơn vị (xã/thị trấn)',
      totalRow: 'Tổng toàn huyện',
      governing: 'ỦY BAN NHÂN DÂN HUYỆN HÀ QUẢNG',
      issuing: 'PHÒNG GIÁO DỤC VÀ ĐÀO TẠO',
    });
  });
});
