// Which sheets are count sheets (DOMAIN.md §9.1, "Which template"): every count column of a
// template makes one; a count title without them refuses the sheet, naming the first missing
// heading; neither leaves the sheet to the Phụ lục recogniser (null). Sheets built cell by cell,
// merged ranges spread as every reader spreads them (the text in each covered cell).
import { describe, expect, it } from 'vitest';
import { recogniseCountSheet } from '../../shared/counts/read';
import { columnTitle } from '../../shared/counts/kinds';
import { countColumns, mnCount, xmcCount, type CountTemplateDef } from '../../shared/counts/templates';
import type { SheetText } from '../../shared/sheet/types';

type Line = string | string[];

/** Lines above the header (a string is one cell merged over columns A–H), then the two header rows. */
function sheet(above: Line[], t: CountTemplateDef, drop: string[] = []): SheetText {
  const rows = new Map<number, Map<number, string>>();
  above.forEach((line, i) => {
    const cells = typeof line === 'string' ? Array<string>(8).fill(line) : line;
    rows.set(i + 1, new Map(cells.map((c, k) => [k + 1, c] as [number, string]).filter(([, c]) => c !== '')));
  });
  const top = above.length + 2;
  const group = new Map<number, string>([[1, 'TT'], [2, 'Đơn vị']]);
  const leaf = new Map<number, string>([[1, 'TT'], [2, 'Đơn vị']]);
  let c = 3;
  for (const col of countColumns(t)) {
    if (drop.includes(col.key)) continue;
    group.set(c, col.group);
    leaf.set(c, col.leaf);
    c++;
  }
  rows.set(top, group);
  rows.set(top + 1, leaf);
  rows.set(top + 2, new Map([[1, '1'], [2, 'Xã A'], ...[...group.keys()].filter((k) => k > 2).map((k) => [k, '10'] as [number, string])]));
  return { name: 'Số liệu', rows, fonts: new Map(), colCount: c - 1 };
}

describe('recogniseCountSheet: which template', () => {
  it('reads a sheet with every count column of XMC, its year from the title', () => {
    const r = recogniseCountSheet(sheet(['THỐNG KÊ ĐẠT CHUẨN XÓA MÙ CHỮ NĂM 2020'], xmcCount));
    expect(r).toMatchObject({ ok: true, sheet: { template: { id: 'xmc-count' }, year: '2020' } });
  });

  it('refuses a sheet titled for XMC that lacks a count column, naming the first missing one', () => {
    const missing = countColumns(xmcCount)[1];
    const r = recogniseCountSheet(sheet(['ỦY BAN NHÂN DÂN HUYỆN MẪU', 'Thống kê đạt chuẩn xóa mù chữ năm 2020'], xmcCount, [missing.key]));
    expect(r).toEqual({ ok: false, reason: `thiếu cột "${columnTitle(missing)}"` });
  });

  it('refuses it the same when the title is merged across the row and the leaf row holds no count heading', () => {
    const s = sheet(['THỐNG KÊ ĐẠT CHUẨN XÓA MÙ CHỮ NĂM 2020'], xmcCount, countColumns(xmcCount).map((c) => c.key));
    s.rows.set(3, new Map([[1, 'TT'], [2, 'Đơn vị'], [3, 'Ghi chú']]));
    expect(recogniseCountSheet(s)).toEqual({ ok: false, reason: `thiếu cột "${columnTitle(countColumns(xmcCount)[0])}"` });
  });

  it('with two count titles above, names the template listed first (XMC before mầm non), whatever the line order', () => {
    const s = sheet(['THỐNG KÊ ĐẠT CHUẨN PHỔ CẬP GIÁO DỤC MẦM NON NĂM 2020', 'THỐNG KÊ ĐẠT CHUẨN XÓA MÙ CHỮ NĂM 2020'], mnCount, [countColumns(mnCount)[0].key]);
    const r = recogniseCountSheet(s);
    expect(r).toEqual({ ok: false, reason: `thiếu cột "${columnTitle(countColumns(xmcCount)[0])}"` });
  });

  it('leaves a sheet without a count title and without every count column to the Phụ lục recogniser', () => {
    const missing = countColumns(xmcCount)[1];
    expect(recogniseCountSheet(sheet(['Phụ lục 1', 'BIỂU KẾT QUẢ VÀ ĐỀ XUẤT MỤC TIÊU VỀ XÓA MÙ CHỮ'], xmcCount, [missing.key]))).toBeNull();
  });

  it('leaves a Phụ lục sheet alone: its title lines merged across the row, a TT / Tên đơn vị header, mark headings', () => {
    const s: SheetText = {
      name: 'Phụ lục 1',
      rows: new Map([
        [1, new Map(Array.from({ length: 8 }, (_, k) => [k + 1, 'ỦY BAN NHÂN DÂN HUYỆN THỬ NGHIỆM'] as [number, string]))],
        [5, new Map(Array.from({ length: 8 }, (_, k) => [k + 1, 'Phụ lục 1'] as [number, string]))],
        [6, new Map(Array.from({ length: 8 }, (_, k) => [k + 1, 'BIỂU KẾT QUẢ VÀ ĐỀ XUẤT MỤC TIÊU VỀ XÓA MÙ CHỮ'] as [number, string]))],
        [9, new Map([[1, 'STT'], [2, 'Tên đơn vị (xã/thị trấn)'], [3, 'Kết quả XMC đạt được năm 2020'], [4, 'Kết quả XMC đạt được năm 2020']])],
        [10, new Map([[1, 'STT'], [2, 'Tên đơn vị (xã/thị trấn)'], [3, 'MĐ1'], [4, 'MĐ2']])],
      ]),
      fonts: new Map(),
      colCount: 8,
    };
    expect(recogniseCountSheet(s)).toBeNull();
  });

  it('a count title below the header does not count (only lines above it are read)', () => {
    const missing = countColumns(xmcCount)[1];
    const s = sheet([''], xmcCount, [missing.key]);
    s.rows.set(20, new Map([[1, 'THỐNG KÊ ĐẠT CHUẨN XÓA MÙ CHỮ NĂM 2020']]));
    expect(recogniseCountSheet(s)).toBeNull();
  });
});
