// huyen-mau-so-lieu.xlsx (../shared/samples/README.md, copied into tests/fixtures): the level engine
// and the count rules give exactly the levels and findings the README lists. The Phụ lục marks come
// through the app's reader; the count sheets through a small reader below that finds every column
// by the keys of its headings (DOMAIN.md §9.1), so the templates' labels are checked against the
// ministry's layout too. (The app's count reader will replace it.)
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readWorkbookFile } from '../../electron/core/excel/read';
import {
  COUNT_TEMPLATES,
  evaluateCounts,
  footerLines,
  headingKey,
  marksFromGrid,
  rateKey,
  totalRow,
  type CountRow,
  type CountSheet,
  type CountTemplateDef,
  type MarkGroup,
} from '../../shared/counts';
import { locate } from '../../shared/sheet/recognise';

const FIX = join(__dirname, '..', 'fixtures');

function text(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((r) => r.text).join('');
  if (typeof v === 'object' && 'result' in v) return String(v.result ?? '');
  return String(v);
}

const num = (v: ExcelJS.CellValue): number | null => {
  const s = text(v).trim();
  return s === '' ? null : /^\d+$/.test(s.replace(/[.\s]/g, '')) ? Number(s.replace(/[.\s]/g, '')) : null;
};
const rateNum = (v: ExcelJS.CellValue): number | null => (typeof v === 'number' ? v : null);
const letter = (c: number) => String.fromCharCode(64 + c);

interface ReadCountSheet extends CountSheet {
  colOf: Map<string, number>;
  firstRow: number;
  totalRowNumber: number;
}

function readCountSheet(ws: ExcelJS.Worksheet): ReadCountSheet | null {
  let head = 0;
  for (let r = 1; r <= ws.rowCount && !head; r++) if (['tt', 'stt'].includes(headingKey(text(ws.getCell(r, 1).value)))) head = r;
  if (!head) return null;
  const last = ws.columnCount;
  const cells = Array.from({ length: last }, (_, i) => ({ g: text(ws.getCell(head, i + 1).value), l: text(ws.getCell(head + 1, i + 1).value) }));
  const template = COUNT_TEMPLATES.find((t) =>
    t.columns.every((c) => c.kind !== 'count' || cells.some((x) => headingKey(x.g) === headingKey(c.group) && headingKey(x.l) === headingKey(c.leaf!))),
  );
  if (!template) return null;
  const colOf = new Map<string, number>();
  let lastCount: string | null = null;
  cells.forEach((x, i) => {
    const single = x.l === x.g || x.l === '';
    if (single) {
      const c = template.columns.find((c) => c.leaf === null && (headingKey(c.group) === headingKey(x.g) || (c.kind === 'flag' && headingKey(x.g).includes('dbkk'))));
      if (c) colOf.set(c.key, i + 1);
      return;
    }
    if (headingKey(x.l) === 'ti le') {
      if (lastCount) colOf.set(rateKey(lastCount), i + 1);
      lastCount = null;
      return;
    }
    const c = template.columns.find((c) => c.kind === 'count' && headingKey(c.group) === headingKey(x.g) && headingKey(c.leaf!) === headingKey(x.l));
    if (c) {
      colOf.set(c.key, i + 1);
      lastCount = c.key;
    }
  });
  let year = '';
  for (let r = 1; r < head && !year; r++) {
    const m = /\bnam (\d{4})\b/.exec(headingKey(text(ws.getCell(r, 1).value)));
    if (m && headingKey(text(ws.getCell(r, 1).value)).startsWith('thoi diem')) year = m[1];
  }
  const unitCol = colOf.get('unit')!;
  const firstRow = head + 3; // the column-number row is skipped
  const rows: CountRow[] = [];
  const printedRates: Record<string, number>[] = [];
  const counts = (r: number) => Object.fromEntries(template.columns.filter((c) => c.kind === 'count').map((c) => [c.key, num(ws.getCell(r, colOf.get(c.key)!).value)]));
  const rates = (r: number) => {
    const out: Record<string, number> = {};
    for (const c of template.columns) if (c.kind === 'rate' && colOf.has(c.key)) {
      const v = rateNum(ws.getCell(r, colOf.get(c.key)!).value);
      if (v !== null) out[c.key] = v;
    }
    return out;
  };
  let r = firstRow;
  for (; headingKey(text(ws.getCell(r, unitCol).value)) !== 'cong'; r++) {
    const flag = text(ws.getCell(r, colOf.get('dbkk')!).value).trim();
    rows.push({ unit: text(ws.getCell(r, unitCol).value).normalize('NFC'), year, counts: counts(r), dbkk: flag === 'x' });
    printedRates.push(rates(r));
  }
  return {
    sheet: ws.name,
    template,
    year,
    rows,
    printedRates,
    printedTotal: { counts: counts(r), rates: rates(r) },
    colOf,
    firstRow,
    totalRowNumber: r,
  };
}

async function load(name: string) {
  const file = join(FIX, name);
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  const sheets = book.worksheets.map(readCountSheet).filter((s): s is ReadCountSheet => s !== null);
  const plan = await readWorkbookFile(file);
  const markGroups: MarkGroup[] = [];
  for (const s of sheets) {
    const rs = plan.sheets.find((p) => p.template.id === s.template.marks);
    const g = rs && marksFromGrid(s.template, rs.template, rs.grid, s.year, rs.sheet);
    if (g) markGroups.push(g);
  }
  const result = evaluateCounts(sheets, markGroups);
  const cell = (f: (typeof result.findings)[number]) => {
    if (f.rule.startsWith('level.') && f.rule !== 'level.chain_gap') {
      const rs = plan.sheets.find((p) => p.sheet === f.sheet)!;
      return locate(rs, { row: f.row, col: f.col });
    }
    const s = sheets.find((x) => x.sheet === f.sheet)!;
    const row = f.row === 'total' ? s.totalRowNumber : s.firstRow + (f.row as number);
    return `${letter(s.colOf.get(f.col === 'name' ? 'unit' : f.col!)!)}${row}`;
  };
  return { sheets, result, cell };
}

const byTemplate = (t: CountTemplateDef['id']) => COUNT_TEMPLATES.find((x) => x.id === t)!;

describe.each(['huyen-mau-so-lieu.xlsx', 'huyen-mau-so-lieu-libreoffice.xlsx'])('%s', (name) => {
  it('reads the four count sheets of 2020 with 12 communes each, every column found', async () => {
    const { sheets } = await load(name);
    expect(sheets.map((s) => [s.sheet, s.template.id, s.year, s.rows.length])).toEqual([
      ['XMC-4', 'xmc-count', '2020', 12],
      ['PCGD MN 5 tuổi', 'mn-count', '2020', 12],
      ['PCGD TH', 'th-count', '2020', 12],
      ['PCGD THCS', 'thcs-count', '2020', 12],
    ]);
    // The app writes the columns in the template's order: the sample has them all, in that order.
    for (const s of sheets) expect([...s.colOf.entries()].sort((a, b) => a[1] - b[1]).map(([k]) => k)).toEqual(s.template.columns.map((c) => c.key));
  });

  it('gives exactly the errors and warnings the README lists, and its three info findings', async () => {
    const { result, cell } = await load(name);
    const rows = result.findings.map((f) => [f.rule, f.severity, f.sheet, cell(f), f.unit]);
    expect(rows.filter((r) => r[1] !== 'info')).toEqual(
      expect.arrayContaining([
        ['level.overstated', 'error', 'Phụ lục 1', 'D14', 'Long Phú'],
        ['level.overstated', 'error', 'Phụ lục 4', 'E17', 'Thị trấn Trung Tâm'],
        ['rate.borderline', 'warning', 'PCGD THCS', 'E20', 'Thị trấn Trung Tâm'],
        ['level.unverifiable', 'warning', 'Phụ lục 4', 'E14', 'Minh Khai'],
        ['level.understated', 'warning', 'Phụ lục 4', 'C7', 'Bình Minh'],
        ['count.nested', 'error', 'XMC-4', 'C18', 'Phú Xuân'],
        ['count.exceeds_denominator', 'error', 'PCGD TH', 'D9', 'An Bình'],
        ['count.total.mismatch', 'error', 'PCGD MN 5 tuổi', 'D21', null],
        ['rate.mismatch', 'warning', 'PCGD TH', 'M12', 'Đông Hòa'],
      ]),
    );
    expect(rows.filter((r) => r[1] !== 'info')).toHaveLength(9);
    expect(rows.filter((r) => r[1] === 'info')).toEqual([
      ['count.zero_denominator', 'info', 'PCGD MN 5 tuổi', 'I11', 'Cát Tiên'],
      ['count.zero_denominator', 'info', 'PCGD MN 5 tuổi', 'I13', 'Hòa Lạc'],
      ['count.zero_denominator', 'info', 'PCGD THCS', 'C17', 'Minh Khai'],
    ]);
  });

  it('words the findings as the README says: shortfalls in whole people, the borderline rate', async () => {
    const { result } = await load(name);
    const msg = (rule: string, unit: string) => result.findings.find((f) => f.rule === rule && f.unit === unit)!.message;
    expect(msg('level.overstated', 'Long Phú')).toBe(
      'Xã Long Phú: XMC năm 2020 đánh dấu MĐ2 nhưng số liệu chỉ đạt MĐ1. Chưa đạt MĐ2 (NĐ 20/2014, Điều 21): tỉ lệ người biết chữ mức độ 2 trong độ tuổi 15-60 là 87,50% (2.100/2.400), cần ít nhất 90%; cần thêm 60 người biết chữ mức độ 2 trong độ tuổi 15-60.',
    );
    expect(msg('level.overstated', 'Thị trấn Trung Tâm')).toBe(
      'Thị trấn Trung Tâm: PCGD THCS năm 2020 đánh dấu MĐ3 nhưng số liệu chỉ đạt MĐ2. Chưa đạt MĐ3 (NĐ 20/2014, Điều 16): tỉ lệ người 15-18 tuổi tốt nghiệp THCS là 95,00% (thực tế 94,995%, 968/1.019), cần ít nhất 95%; cần thêm 1 người 15-18 tuổi tốt nghiệp THCS.',
    );
    expect(msg('rate.borderline', 'Thị trấn Trung Tâm')).toBe(
      'Thị trấn Trung Tâm: tỉ lệ người 15-18 tuổi tốt nghiệp THCS hiển thị 95,00% nhưng thực tế 94,995% < 95%: chưa đạt; cần thêm 1 người 15-18 tuổi tốt nghiệp THCS.',
    );
    expect(msg('level.unverifiable', 'Minh Khai')).toBe(
      'Xã Minh Khai: PCGD THCS năm 2020 đánh dấu MĐ3; số liệu chưa chứng minh được mức nào: chưa xác định được tỉ lệ người 15-18 tuổi tốt nghiệp THCS (số người 15-18 tuổi phải phổ cập bằng 0).',
    );
    expect(msg('level.understated', 'Bình Minh')).toBe(
      'Xã Bình Minh: số liệu đạt PCGD THCS MĐ2 nhưng năm 2020 chỉ đánh dấu MĐ1 (có thể chưa được công nhận, hoặc chưa đạt tiêu chuẩn khác ngoài số liệu).',
    );
    expect(msg('count.nested', 'Phú Xuân')).toBe('Xã Phú Xuân: tổng số người độ tuổi 15-25 (1.250) lớn hơn tổng số người độ tuổi 15-35 (1.190).');
    expect(msg('count.exceeds_denominator', 'An Bình')).toBe('Xã An Bình: số trẻ vào lớp 1 (101) lớn hơn số trẻ 6 tuổi phải phổ cập (100).');
    expect(result.findings.find((f) => f.rule === 'count.total.mismatch')!.message).toBe(
      'Dòng Cộng, Huy động trẻ 5 tuổi ra lớp / Số trẻ đến lớp: ghi 917 nhưng tổng các xã là 927.',
    );
    expect(msg('rate.mismatch', 'Đông Hòa')).toBe('Xã Đông Hòa: tỉ lệ ghi 98,50% nhưng tính từ số liệu là 89,50% (179/200).');
  });

  it('gives the 48 `levels` entries of the README table', async () => {
    const { result } = await load(name);
    expect(result.entries).toHaveLength(48);
    const table: Record<string, string> = {};
    for (const e of result.entries) {
      const shown = `${e.level ?? '–'}${e.decided ? '' : ' (undecided)'}`;
      table[e.unit] = table[e.unit] ? `${table[e.unit]} | ${shown}` : shown;
      expect(e.year).toBe('2020');
      expect(e.dbkk).toBe(['Cát Tiên', 'Kim Sơn', 'Tân Lập'].includes(e.unit));
    }
    expect(table).toEqual({
      'An Bình': 'MĐ2 | Đạt | MĐ3 | MĐ3',
      'Bình Minh': 'MĐ2 | Đạt | MĐ3 | MĐ2',
      'Cát Tiên': 'MĐ1 | Đạt | MĐ3 | MĐ3',
      'Đông Hòa': 'MĐ2 | Đạt | MĐ3 | MĐ3',
      'Hòa Lạc': 'MĐ2 | Đạt | MĐ1 | MĐ1',
      'Hưng Thịnh': 'MĐ2 | Đạt | MĐ1 (undecided) | MĐ2',
      'Kim Sơn': 'MĐ1 | Đạt | MĐ3 | MĐ3',
      'Long Phú': 'MĐ1 | Đạt | MĐ3 | MĐ2',
      'Minh Khai': 'MĐ2 | Đạt | MĐ3 | – (undecided)',
      'Phú Xuân': 'MĐ2 | Đạt | MĐ3 | MĐ2',
      'Tân Lập': 'MĐ1 | Đạt | MĐ3 | MĐ3',
      'Thị trấn Trung Tâm': 'MĐ2 | Đạt | MĐ3 | MĐ2',
    });
    expect(result.entries[0]).toEqual({ sheet: 'XMC-4', template: 'xmc-count', unit: 'An Bình', year: '2020', level: 'MĐ2', decided: true, dbkk: false });
  });

  it('writes the README footer counts and a "Cộng" row summed from the communes', async () => {
    const { sheets, result } = await load(name);
    expect(sheets.map((s, i) => footerLines(s.template, result.levels[i]).map((l) => l.split(': ')[1]).join(' / '))).toEqual([
      '12 / 8',
      '12',
      '12 / 10 / 10',
      '11 / 10 / 5',
    ]);
    expect(footerLines(byTemplate('xmc-count'), result.levels[0])[1]).toBe('Số xã, phường đạt chuẩn XMC mức độ 2: 8');
    const mnTotal = totalRow(sheets[1].template, sheets[1].rows);
    expect(mnTotal.counts.A5).toBe(927);
    expect(mnTotal.rates['r:A5']).toBe(98.93); // 927/937, recomputed from the sums
  });
});
