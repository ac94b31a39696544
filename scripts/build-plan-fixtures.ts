// `npx tsx scripts/build-plan-fixtures.ts`: writes the fixtures of issue 10 (plan targets and the
// 2025 units) from seed 001, byte-identical across runs:
// - tests/fixtures/plans/ha-quang-muc-tieu.xlsx: seeds/ha-quang.xlsx with a "Mục tiêu" sheet
//   holding the 17 targets of the plan (seed 001, lines 44–47 and 62–67), in the layout of
//   DOMAIN.md §10.5 (Giá trị as text, as the app's writer writes it);
// - tests/fixtures/plans/ha-quang-chuyen-doi.xlsx: the change table of DOMAIN.md §11.6 (21 old
//   communes of Huyện Hà Quảng → 7 communes of Tỉnh Cao Bằng from 01/7/2025), written with the
//   official spellings ("Tổng Cọt", "Thị trấn Xuân Hoà") where the seed writes others, plus two
//   rows that must be refused: one with neither Huyện cũ nor Mã xã cũ, one of a district the
//   seed's database does not hold (a test adds two such districts to make it ambiguous).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { proposeTargets } from '../shared/targets/propose';
import { targetSheetCells } from '../shared/targets/sheet';
import { FIXED_DATE, workbookBytes } from './appendix-writer';
import { REPO } from './build-seeds';

const OUT = join(REPO, 'tests/fixtures/plans');

const bordered = (ws: ExcelJS.Worksheet, row: number, cols: number) => {
  for (let c = 1; c <= cols; c++) {
    const cell = ws.getCell(row, c);
    cell.font = { name: 'Times New Roman', bold: true };
    cell.border = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } };
  }
};

async function targetsWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(join(REPO, 'seeds/ha-quang.xlsx'));
  const plan = readFileSync(join(REPO, 'tests/fixtures/seed-texts/001_3e8956d77498b072.txt'), 'utf8');
  const { targets } = proposeTargets(plan, { scope: 'Huyện Hà Quảng' });
  if (targets.length !== 17) throw new Error(`seed 001 gives ${targets.length} targets, not 17`);
  const ws = wb.addWorksheet('Mục tiêu');
  targetSheetCells(targets).forEach((r, i) => {
    ws.getRow(i + 1).values = r;
    // Giá trị is text: "4/7" must not become a date.
    if (i >= 3) ws.getCell(i + 1, 5).numFmt = '@';
  });
  bordered(ws, 3, 9);
  wb.created = wb.modified = FIXED_DATE;
  return workbookBytes(wb);
}

/** DOMAIN.md §11.6: new commune (code) ← old communes (code), as the conversion table would write them. */
const HA_QUANG: [string, string, [string, string][]][] = [
  ['Thanh Long', '01387', [['Xã Ngọc Động', '01378'], ['Xã Yên Sơn', '01381'], ['Xã Thanh Long', '01387']]],
  ['Cần Yên', '01366', [['Xã Cần Nông', '01367'], ['Xã Lương Thông', '01372'], ['Xã Cần Yên', '01366']]],
  ['Thông Nông', '01363', [['Thị trấn Thông Nông', '01363'], ['Xã Đa Thông', '01375'], ['Xã Lương Can', '01384']]],
  ['Trường Hà', '01392', [['Thị trấn Xuân Hoà', '01392'], ['Xã Quý Quân', '01432'], ['Xã Sóc Hà', '01417'], ['Xã Trường Hà', '01399']]],
  ['Hà Quảng', '01438', [['Xã Hồng Sỹ', '01429'], ['Xã Ngọc Đào', '01438'], ['Xã Mã Ba', '01435']]],
  ['Lũng Nặm', '01393', [['Xã Thượng Thôn', '01420'], ['Xã Lũng Nặm', '01393']]],
  ['Tổng Cọt', '01414', [['Xã Nội Thôn', '01411'], ['Xã Cải Viên', '01402'], ['Xã Tổng Cọt', '01414']]],
];

async function changeTableWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Tổng hợp_không merge');
  ws.getRow(1).values = ['BẢNG CHUYỂN ĐỔI ĐƠN VỊ HÀNH CHÍNH CẤP XÃ - HUYỆN HÀ QUẢNG'];
  ws.getRow(3).values = ['Tỉnh', 'Huyện cũ', 'Xã cũ', 'Mã xã cũ', 'Xã mới', 'Mã xã mới', 'Ghi chú', 'Ngày hiệu lực'];
  bordered(ws, 3, 8);
  const rows: string[][] = [];
  for (const [name, code, olds] of HA_QUANG) {
    for (const [old] of olds) {
      // The code is left out on purpose: old communes are matched by (old district, name) here,
      // the way a table copied without its code column must be.
      const change = olds.length === 1 ? 'Giữ nguyên' : 'Nhập toàn bộ';
      rows.push(['Tỉnh Cao Bằng', 'Huyện Hà Quảng', old, '', `Xã ${name}`, code, change, '01/07/2025']);
    }
  }
  rows.push(['Tỉnh Cao Bằng', '', 'Xã Đức Hạnh', '', 'Xã Đức Hạnh', '', 'Giữ nguyên', '01/07/2025']);
  rows.push(['Tỉnh Cao Bằng', 'Huyện Châu Thành', 'Xã An Hiệp', '', 'Xã An Hiệp', '', 'Giữ nguyên', '01/07/2025']);
  rows.forEach((r, i) => {
    ws.getRow(4 + i).values = r;
    for (const c of [4, 6, 8]) ws.getCell(4 + i, c).numFmt = '@';
  });
  wb.created = wb.modified = FIXED_DATE;
  return workbookBytes(wb);
}

mkdirSync(OUT, { recursive: true });
writeFileSync(join(OUT, 'ha-quang-muc-tieu.xlsx'), await targetsWorkbook());
writeFileSync(join(OUT, 'ha-quang-chuyen-doi.xlsx'), await changeTableWorkbook());
console.log(`Đã ghi ${OUT}/ha-quang-muc-tieu.xlsx và ha-quang-chuyen-doi.xlsx`);
