// `npm run fixtures [-- --libreoffice]`: writes the layout fixtures (tests/fixtures/layouts/)
// and the bad files (tests/fixtures/bad/) from the real Hà Quảng grids of seed 001.
//
// Every layout fixture holds the same data as seeds/ha-quang.xlsx, so a test can expect the same
// grids and the same findings from each and only the layout varies. Outputs are committed and
// byte-identical across runs (fixed dates, normalized zip times).
//
// With --libreoffice (and `soffice` on PATH) it also re-saves some fixtures with LibreOffice and
// makes the legacy .xls. Those outputs are committed too: CI has no LibreOffice, so without the
// flag the existing files are left alone.

import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { FIXED_DATE, workbookBytes, writeAppendixWorkbook, type LayoutOptions } from './appendix-writer';
import { REPO, loadSeedTables, seedSourcePath } from './build-seeds';

const LAYOUTS = join(REPO, 'tests/fixtures/layouts');
const BAD = join(REPO, 'tests/fixtures/bad');
const FORMATS = join(REPO, 'tests/fixtures/formats');

interface LayoutFixture {
  file: string;
  opts: LayoutOptions;
  tests: string;
}

const LAYOUT_FIXTURES: LayoutFixture[] = [
  {
    file: 'shifted.xlsx',
    opts: { startRow: 8, startCol: 4 },
    tests: 'Table not at A1: title lines in D5:D7, header starting at D8 (STT in column D, names in E). Columns A–C and rows 1–4 empty.',
  },
  {
    file: 'two-row-header.xlsx',
    opts: { headerRows: 2 },
    tests:
      'Two header rows instead of three: the group row is dropped, the upper row holds "Kết quả … năm 2020" where there is no middle label, ' +
      'else the middle label alone ("2021-2025", "Trẻ em 3 tuổi"); leaves below. Merged. Data starts one row earlier (row 6).',
  },
  {
    file: 'two-row-header-combined.xlsx',
    opts: { headerRows: 2, foldedHeader: 'combined' },
    tests:
      'Two header rows where the upper cell carries group and middle label with a line break, e.g. ' +
      '"Đề xuất đạt chuẩn XMC mức độ theo giai đoạn\\n2021-2025", "Kết quả PCGDMN … năm 2020\\nTrẻ em 3 tuổi".',
  },
  {
    file: 'no-merges.xlsx',
    opts: { merges: false },
    tests: 'The three-row header with no merged ranges: each label only in the first cell of its span, the other cells empty.',
  },
  {
    file: 'column-numbers.xlsx',
    opts: { columnNumbers: 'parens' },
    tests: 'A column-number row "(1)", "(2)", … (text) between the header and the first commune (the official look, DOMAIN.md §7).',
  },
  {
    file: 'column-numbers-plain.xlsx',
    opts: { columnNumbers: 'plain' },
    tests:
      'A column-number row of numbers 1, 2, 3, … under the header: its first cells look like STT 1 and a commune named "2"; ' +
      'it is not a commune row.',
  },
  {
    file: 'total-in-a.xlsx',
    opts: { totalLabelCol: 'A' },
    tests: 'Total label "Tổng toàn huyện" in the STT column (A), name column empty — as seed 001 prints it. Same layout as seeds/ha-quang.xlsx.',
  },
  {
    file: 'total-in-b.xlsx',
    opts: { totalLabelCol: 'B' },
    tests: 'Total label in the name column (B), STT column empty — as the samples have it. Must not become a 22nd commune.',
  },
  {
    file: 'total-merged-ab.xlsx',
    opts: { mergeTotalLabel: true },
    tests:
      'Total label merged over A:B (exceljs then reports the label in both cells). Must not become a commune named "Tổng toàn huyện".',
  },
  {
    file: 'no-title.xlsx',
    opts: { titleRows: 0 },
    tests: 'No title rows: the header starts at A1 (sheet name still "Phụ lục N").',
  },
  {
    file: 'blank-rows.xlsx',
    opts: { blankRowsInside: true },
    tests:
      'Blank (bordered) rows between commune rows where the seed text has stray blank lines: before STT 17 (Phụ lục 1), ' +
      'STT 16 (Phụ lục 2), three before STT 20 (Phụ lục 3), STT 19 (Phụ lục 4). Still 21 communes; the table does not end there.',
  },
  {
    file: 'combined-odd.xlsx',
    opts: {
      startRow: 6,
      startCol: 3,
      titleRows: 5,
      headerRows: 2,
      foldedHeader: 'combined',
      merges: false,
      columnNumbers: 'parens',
      totalLabelCol: 'B',
      blankRowsInside: true,
    },
    tests:
      'Everything at once: start at C6 after 3 title lines and 2 blank spacer rows, two-row header without merges, ' +
      'column-number row, blank rows inside, total label in the name column; group and period share the upper header cell.',
  },
];

/** Which fixtures LibreOffice re-saves (only with --libreoffice); the source is a layout file name or the default layout. */
const LIBREOFFICE_FIXTURES: { file: string; from: string | null; tests: string }[] = [
  { file: 'libreoffice-default.xlsx', from: null, tests: 'seeds/ha-quang.xlsx (default layout) re-saved by LibreOffice Calc: other shared-string, style and merge encodings.' },
  { file: 'libreoffice-shifted.xlsx', from: 'shifted.xlsx', tests: 'shifted.xlsx re-saved by LibreOffice Calc.' },
  { file: 'libreoffice-two-row-header.xlsx', from: 'two-row-header.xlsx', tests: 'two-row-header.xlsx re-saved by LibreOffice Calc.' },
  { file: 'libreoffice-blank-rows.xlsx', from: 'blank-rows.xlsx', tests: 'blank-rows.xlsx re-saved by LibreOffice Calc (it writes blank bordered rows differently).' },
];

const BAD_FIXTURES: { file: string; tests: string }[] = [
  { file: 'truncated.xlsx', tests: 'The first half of the bytes of seeds/ha-quang.xlsx: a broken zip. Must fail with a clear message, not crash.' },
  { file: 'empty.xlsx', tests: 'A valid workbook with one empty sheet "Sheet1": no grid found.' },
  {
    file: 'unrelated.xlsx',
    tests:
      'A valid workbook of unrelated tables with an STT column and a "Tổng cộng" row: a budget list (formula cells) and the seed\'s ' +
      '"Danh mục các kế hoạch thành phần". No appendix grid must be recognised.',
  },
  { file: 'not-a-workbook.xlsx', tests: 'A UTF-8 text file named .xlsx: not a zip at all.' },
];

function emptyWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;
  wb.addWorksheet('Sheet1');
  return wb;
}

/** The "Danh mục các kế hoạch thành phần" list table of seed 001, as tab-split rows. */
function planListRows(text: string): string[][] {
  const lines = text.normalize('NFC').split('\n');
  const start = lines.findIndex((l) => l.startsWith('STT\tTên Kế hoạch thành phần'));
  if (start < 0) throw new Error('seed 001: plan list table not found');
  const rows: string[][] = [];
  for (let k = start; k < lines.length && lines[k].includes('\t'); k++) rows.push(lines[k].split('\t').map((c) => c.trim()));
  return rows;
}

function unrelatedWorkbook(seedText: string): ExcelJS.Workbook {
  const wb = emptyWorkbook();
  wb.removeWorksheet(wb.getWorksheet('Sheet1')!.id);

  // A budget list: shaped like a grid (title, STT column, a total row), but no marks and no
  // communes — an importer that keys on "STT" and "Tổng" alone would take it.
  const budget = wb.addWorksheet('Dự toán 2022');
  budget.getCell('A1').value = 'DỰ TOÁN KINH PHÍ THỰC HIỆN KẾ HOẠCH XÂY DỰNG XÃ HỘI HỌC TẬP NĂM 2022';
  budget.getCell('A1').font = { name: 'Times New Roman', bold: true, size: 12 };
  budget.addRow([]);
  budget.addRow(['STT', 'Nội dung', 'Đơn vị tính', 'Số lượng', 'Đơn giá (đồng)', 'Thành tiền (đồng)']);
  const items: [string, string, number, number][] = [
    ['Hội nghị triển khai kế hoạch', 'Hội nghị', 1, 5_000_000],
    ['In tài liệu tuyên truyền', 'Bộ', 300, 15_000],
    ['Tập huấn cán bộ phổ cập cấp xã', 'Lớp', 2, 8_500_000],
    ['Mở lớp xóa mù chữ', 'Lớp', 6, 12_000_000],
    ['Kiểm tra, công nhận đạt chuẩn', 'Đợt', 2, 3_000_000],
  ];
  items.forEach(([name, unit, qty, price], k) => {
    const r = 4 + k;
    budget.addRow([k + 1, name, unit, qty, price, { formula: `D${r}*E${r}`, result: qty * price }]);
  });
  const last = 3 + items.length;
  const sum = items.reduce((s, [, , q, p]) => s + q * p, 0);
  budget.addRow([null, 'Tổng cộng', null, null, null, { formula: `SUM(F4:F${last})`, result: sum }]);
  budget.getColumn(2).width = 36;
  budget.getColumn(5).numFmt = '#,##0';
  budget.getColumn(6).numFmt = '#,##0';

  const list = wb.addWorksheet('Danh mục');
  list.getCell('A1').value = 'DANH MỤC CÁC KẾ HOẠCH THÀNH PHẦN';
  list.addRow([]);
  for (const row of planListRows(seedText)) list.addRow(row);
  return wb;
}

function hasSoffice(): boolean {
  return spawnSync('soffice', ['--version'], { stdio: 'ignore' }).status === 0;
}

/** Converts `input` with LibreOffice into `output` (filter e.g. 'xlsx:"Calc MS Excel 2007 XML"' or 'xls'). */
function soffice(input: string, output: string, filter: string, profile: string): void {
  const outDir = mkdtempSync(join(tmpdir(), 'lo-out-'));
  try {
    execFileSync(
      'soffice',
      ['--headless', `-env:UserInstallation=file://${profile}`, '--convert-to', filter, '--outdir', outDir, input],
      { stdio: 'pipe' },
    );
    const ext = filter.startsWith('xlsx') ? '.xlsx' : `.${filter.split(':')[0]}`;
    const base = input.split('/').pop()!.replace(/\.[^.]+$/u, '');
    copyFileSync(join(outDir, base + ext), output);
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

function readme(): string {
  const rows = (list: { file: string; tests: string }[], dir = ''): string =>
    list.map((f) => `| \`${dir}${f.file}\` | ${f.tests.replace(/\|/gu, '\\|')} |`).join('\n');
  return `# Layout fixtures

Generated by \`npm run fixtures\` (scripts/build-fixtures.ts) from the real Hà Quảng grids of seed
001 — do not edit by hand. Every file in this folder holds the same four grids as
\`seeds/ha-quang.xlsx\` (sheets "Phụ lục 1" … "Phụ lục 4", 21 communes each, values exactly as the
seed prints them: \`X\` and \`x\` marks, the printed totals), only the layout differs. So every
file must read as the same grids with the same findings, among them:

- Phụ lục 2, Lương Thông (STT 7), Trẻ em 3 tuổi: both Đạt and KĐ marked (\`mark.exclusive\`).
- Phụ lục 2, total row, Trẻ em 3 tuổi Đạt: printed 18, the column holds 19 marks
  (\`total.mismatch\`); KĐ printed 3 (matches); Đánh giá printed "KĐ" (free text, not counted).
- STT 17 "Tổng Cột" is a commune, not the total row.

Unless a row says otherwise the layout is the default: titles in rows 1–3 ("Phụ lục N", the bold
title, the italic "(Kèm theo …)" line), a three-row merged header in rows 4–6, communes in rows
7–27, the total row (label in column A) in row 28, a blank row, the "Ghi chú" line.

| File | What it tests |
|---|---|
${rows(LAYOUT_FIXTURES)}
${rows(LIBREOFFICE_FIXTURES)}

The \`libreoffice-*.xlsx\` files are LibreOffice Calc re-saves, produced only by
\`npm run fixtures -- --libreoffice\` on a machine with \`soffice\`, and committed (CI has none).

## Bad files (\`../bad/\`)

Files the importer must reject with a clear message (and not crash on):

| File | What it tests |
|---|---|
${rows(BAD_FIXTURES, '../bad/')}

\`../formats/*.xls\` and \`*.ods\` are also made only with \`--libreoffice\`.
`;
}

async function main(): Promise<void> {
  const withLibreOffice = process.argv.includes('--libreoffice');
  const tables = loadSeedTables();
  mkdirSync(LAYOUTS, { recursive: true });
  mkdirSync(BAD, { recursive: true });

  for (const f of LAYOUT_FIXTURES) {
    writeFileSync(join(LAYOUTS, f.file), await workbookBytes(writeAppendixWorkbook(tables, f.opts)));
  }

  const defaultBytes = await workbookBytes(writeAppendixWorkbook(tables, {}));
  writeFileSync(join(BAD, 'truncated.xlsx'), defaultBytes.subarray(0, Math.floor(defaultBytes.length / 2)));
  writeFileSync(join(BAD, 'empty.xlsx'), await workbookBytes(emptyWorkbook()));
  writeFileSync(join(BAD, 'unrelated.xlsx'), await workbookBytes(unrelatedWorkbook(readFileSync(seedSourcePath(), 'utf8'))));
  writeFileSync(
    join(BAD, 'not-a-workbook.xlsx'),
    'Đây không phải là tệp Excel.\nBáo cáo phổ cập giáo dục, xóa mù chữ — bản nháp, dạng văn bản.\n',
  );
  writeFileSync(join(LAYOUTS, 'README.md'), readme());
  console.log(`fixtures: ${LAYOUT_FIXTURES.length} layouts, 4 bad files, README.md`);

  if (!withLibreOffice) {
    console.log('  LibreOffice step skipped (pass --libreoffice); committed libreoffice-*.xlsx and formats/*.xls|ods kept');
    return;
  }
  if (!hasSoffice()) throw new Error('--libreoffice given but soffice is not on PATH');

  const work = mkdtempSync(join(tmpdir(), 'fixtures-lo-'));
  // A private profile: a shared one can be locked by another running LibreOffice.
  const profile = join(work, 'profile');
  try {
    const defaultPath = join(work, 'ha-quang.xlsx');
    writeFileSync(defaultPath, defaultBytes);
    for (const f of LIBREOFFICE_FIXTURES) {
      const input = f.from ? join(LAYOUTS, f.from) : defaultPath;
      soffice(input, join(LAYOUTS, f.file), 'xlsx:Calc MS Excel 2007 XML', profile);
    }
    // The older formats communes still send, of the default workbook and of the faulty sample.
    const sample = join(REPO, 'tests/fixtures/huyen-mau-phu-luc.xlsx');
    for (const ext of ['xls', 'ods']) {
      soffice(defaultPath, join(FORMATS, `ha-quang.${ext}`), ext, profile);
      soffice(sample, join(FORMATS, `huyen-mau-phu-luc.${ext}`), ext, profile);
    }
    console.log(`  LibreOffice: ${LIBREOFFICE_FIXTURES.map((f) => f.file).join(', ')}, ../formats/*.xls|ods`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  if (!existsSync(join(FORMATS, 'ha-quang.ods'))) throw new Error('formats/ha-quang.ods was not written');
}

await main();
