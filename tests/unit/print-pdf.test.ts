// "In biểu" and "Lưu PDF" (issue 11, item 6), the parts without a browser or Electron: the
// printed table's layout from the shared header tree, and the desktop PDF's request check,
// file name and printToPDF options.
import { describe, expect, it } from 'vitest';
import { PDF_OPTIONS, pdfFileName, pdfTitle } from '../../electron/main/print-pdf';
import { menuTemplate, type MenuItemSpec } from '../../electron/main/menu-template';
import { emptyGrid } from '../../shared/grid';
import { getTemplate } from '../../shared/templates';
import { headerRows, printLayout } from '../../renderer/src/print/printLayout';
import { headerTree } from '../../shared/header';

const WORDS = { nameColumn: 'Tên đơn vị (xã/thị trấn)', totalRow: 'Tổng toàn huyện' };

describe('the printed table', () => {
  const t = getTemplate('pcgd-mn');

  it('lays the header tree out as table rows whose spans cover every column exactly once', () => {
    const rows = headerRows(headerTree(t, t.defaultLayout, WORDS));
    expect(rows.map((r) => r.map((c) => c.text))).toEqual([
      ['STT', 'Tên đơn vị (xã/thị trấn)', 'Kết quả PCGDMN cho trẻ em mẫu giáo đạt được năm 2020', 'Đề xuất đạt chuẩn theo giai đoạn'],
      ['Trẻ em 3 tuổi', 'Trẻ em 4 tuổi', 'Trẻ em 5 tuổi', '2021-2025', '2026-2030'],
      ['Đạt', 'KĐ', 'Đánh giá', 'Đạt', 'KĐ', 'Đánh giá', 'Đạt', 'KĐ', 'Đánh giá', 'Đạt', 'KĐ', 'Đạt', 'KĐ'],
    ]);
    // STT and the name stand over all three rows; the result year over two of them: each of the
    // 15 columns is covered by exactly 3 rows of cells.
    expect(rows[0].map((c) => [c.colSpan, c.rowSpan])).toEqual([[1, 3], [1, 3], [9, 1], [4, 1]]);
    const area = rows.flat().reduce((s, c) => s + c.colSpan * c.rowSpan, 0);
    expect(area).toBe(15 * 3);
  });

  it('XMC: the result year over two rows beside the two-level periods', () => {
    const x = getTemplate('xmc');
    const rows = headerRows(headerTree(x, x.defaultLayout, WORDS));
    expect(rows[0].find((c) => c.id === 'r:2020')).toMatchObject({ colSpan: 2, rowSpan: 2 });
    expect(rows.flat().reduce((s, c) => s + c.colSpan * c.rowSpan, 0)).toBe(8 * 3);
  });

  it('prints each commune numbered, its values, then the total with the counts of marks and the district’s own Đánh giá', () => {
    const g = emptyGrid(t, ['Cải Viên', 'Cần Nông']);
    g.rows[0].values = { '2020/3 tuổi|Đạt': 'x', '2020/3 tuổi|Đánh giá': 'dòng một\ndòng hai' };
    g.rows[1].values = { '2020/3 tuổi|Đạt': 'x', '2021-2025|KĐ': 'x' };
    g.totalTexts = { '2020/3 tuổi|Đánh giá': 'Huyện đạt' };
    const layout = printLayout(t, g, WORDS);
    expect(layout.columns).toHaveLength(15);
    expect(layout.columns.reduce((s, c) => s + c.width, 0)).toBeCloseTo(100, 6);
    // A Đánh giá is given more room than a mark.
    const w = (kind: string) => layout.columns.find((c) => c.kind === kind)!.width;
    expect(w('text')).toBeGreaterThan(3 * w('mark'));
    expect(layout.rows.map((r) => r.cells.slice(0, 5))).toEqual([
      ['1', 'Cải Viên', 'x', '', 'dòng một\ndòng hai'],
      ['2', 'Cần Nông', 'x', '', ''],
      ['', 'Tổng toàn huyện', '2', '0', 'Huyện đạt'],
    ]);
    const col = (key: string) => layout.columns.findIndex((c) => c.id === key);
    expect(layout.rows[2].cells[col('2021-2025|KĐ')]).toBe('1');
    expect(layout.rows[2].kind).toBe('total');
  });
});

describe('Lưu PDF in the desktop app', () => {
  it('offers an ASCII file name made from the title, with no folder in it', () => {
    expect(pdfFileName('Phụ lục 2 – Huyện Hà Quảng')).toBe('Phu_Luc_2_Huyen_Ha_Quang.pdf');
    expect(pdfFileName('../../etc/passwd')).toBe('Etc_Passwd.pdf');
    expect(pdfFileName('C:\\Windows\\x')).toBe('C_Windows_X.pdf');
    expect(pdfFileName('–·–')).toBe('Bieu.pdf');
    expect(pdfFileName('Phụ lục 2 – ' + 'Xã rất dài '.repeat(40)).length).toBeLessThanOrEqual(104);
  });

  it('takes only a request with a title from the page', () => {
    expect(pdfTitle({ title: 'Phụ lục 1 – Huyện Hà Quảng' })).toBe('Phụ lục 1 – Huyện Hà Quảng');
    for (const bad of [null, undefined, 'Phụ lục 1', { title: '' }, { title: '   ' }, { title: 42 }, { title: 'x'.repeat(301) }, {}]) expect(pdfTitle(bad)).toBeNull();
  });

  it('prints A4 landscape, as the print style asks', () => {
    expect(PDF_OPTIONS).toMatchObject({ pageSize: 'A4', landscape: true, preferCSSPageSize: true, printBackground: true });
  });

  it('is in the Tệp menu beside In biểu (Ctrl+P), both sent to the page', () => {
    const flat = (items: MenuItemSpec[]): MenuItemSpec[] => items.flatMap((i) => [i, ...flat(i.submenu ?? [])]);
    const file = flat(menuTemplate()[0].submenu!);
    expect(file.find((i) => i.command === 'print')).toMatchObject({ label: 'In biểu…', accelerator: 'CmdOrCtrl+P' });
    expect(file.find((i) => i.command === 'printPdf')).toMatchObject({ label: 'Lưu biểu thành PDF…' });
  });
});
