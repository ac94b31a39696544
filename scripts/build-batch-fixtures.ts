// `npx tsx scripts/build-batch-fixtures.ts [--libreoffice]`: the batch-import fixtures of
// tests/fixtures/batch/ (see its README.md), checked by tests/unit/batch.test.ts and
// tests/unit/batch-kill.test.ts.
//
//   district-200.xlsx    a made-up district, "Huyện Thử Nghiệm", of 200 communes in the layout of the
//                        seed (scripts/appendix-writer.ts), four grids, deterministic marks.
//   ha-quang-forms/      the 21 forms of the Hà Quảng demo (seeds/ha-quang.xlsx) as the app writes
//                        them; 18 returned unchanged, 3 changed; 6 re-saved by LibreOffice (one of
//                        them changed). expected.json: the exact changes per file.
//   two-hundred/         200 files returned by the communes of district-200, every one re-saved by
//                        LibreOffice (a different tool than the app), with the variations of a real
//                        batch: NFD text, TCVN3 text, a missing origin, two files of one commune, a
//                        truncated file, an .xls, a commune the district does not have, matches by
//                        file name, conflicts. expected.json: status, unit and changes per file.
//
// Everything LibreOffice makes is only rebuilt with --libreoffice (and `soffice` on PATH): those
// outputs are committed, since CI has no LibreOffice. Without the flag the script rewrites the
// files it can make by itself (district-200.xlsx, the Hà Quảng forms not re-saved, both
// expected.json and the README), byte-identical from run to run.
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { parseFile } from '../electron/core/batch/parse';
import { ORIGIN_SHEET } from '../electron/core/excel/forms';
import { headerCells, SHEET_LAYOUT } from '../electron/core/excel/write';
import { gridsOf, pickDistrict } from '../electron/core/export';
import { writeForms } from '../electron/core/forms-out';
import { importBuffer, newBatchMemory, storeParsed } from '../electron/core/import';
import { Store } from '../electron/core/store/store';
import type { UnitRecord } from '../electron/core/store/types';
import type { ImportFileResult } from '../shared/api';
import { columnsOf, groupsOf, type Grid } from '../shared/grid';
import { columnLetter } from '../shared/sheet/types';
import { getTemplate, TEMPLATES, type TemplateDef, type TemplateId } from '../shared/templates';
import { asciiName, unitKey } from '../shared/text/normalize';
import { normalizeZipTimes, workbookBytes, writeAppendixWorkbook } from './appendix-writer';
import type { SeedTable } from './seed-tables';
import { prng } from '../tests/support/prng';
import { FIXTURE_FORM_SECRET } from '../tests/support/fixture-secret';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(REPO, 'tests/fixtures/batch');
const DISTRICT_FILE = join(OUT, 'district-200.xlsx');
const HQ_DIR = join(OUT, 'ha-quang-forms');
const TWO_DIR = join(OUT, 'two-hundred');
const SEED = join(REPO, 'seeds/ha-quang.xlsx');

/** The forms' issue date: fixed, so reruns give the same files. */
const ISSUED_AT = new Date('2025-09-15T08:00:00Z');
const DISTRICT = 'Thử Nghiệm';
const ROW = SHEET_LAYOUT.firstCommuneRow; // the one commune row of a form
const FIRST_DATA_COL = 3; // after STT and the name

type Status = ImportFileResult['status'];
type Values = Map<TemplateId, Record<string, string>>;

export interface Change {
  sheet: string;
  cell: string;
  old: string;
  new: string;
  template: TemplateId;
  key: string;
}

// ---------------------------------------------------------------------------------------------
// Small deterministic helpers (and prng, from tests/support).

function hash(text: string): number {
  let h = 2166136261;
  for (const ch of text) h = Math.imul(h ^ ch.codePointAt(0)!, 16777619);
  return h >>> 0;
}

const sortLikeCli = (names: string[]) => [...names].sort((x, y) => x.localeCompare(y, 'vi'));

// ---------------------------------------------------------------------------------------------
// The 200 communes of Huyện Thử Nghiệm: two syllables each, unique after tone folding.

const FIRST = [
  'An', 'Bình', 'Cẩm', 'Đại', 'Đông', 'Gia', 'Hòa', 'Hưng', 'Hương', 'Khánh', 'Kim', 'Lạc', 'Lam', 'Liên', 'Long',
  'Minh', 'Mỹ', 'Nam', 'Nghĩa', 'Ngọc', 'Nhân', 'Phú', 'Phúc', 'Quang', 'Quảng', 'Sơn', 'Tân', 'Thạch', 'Thanh',
  'Thái', 'Thịnh', 'Thuận', 'Thượng', 'Tiên', 'Trung', 'Tường', 'Vạn', 'Văn', 'Vĩnh', 'Xuân', 'Yên', 'Hồng', 'Đức',
  'Hải', 'Cát',
];
const SECOND = [
  'An', 'Bình', 'Cường', 'Đạo', 'Điền', 'Đồng', 'Hà', 'Hải', 'Hòa', 'Hợp', 'Hưng', 'Khê', 'Lâm', 'Lộc', 'Lợi',
  'Long', 'Lương', 'Mỹ', 'Nghĩa', 'Ninh', 'Phong', 'Phú', 'Phúc', 'Quang', 'Sơn', 'Tân', 'Thành', 'Thịnh', 'Thủy',
  'Tiến', 'Trung', 'Trường', 'Vinh', 'Xuân', 'Yên', 'Ốc', 'Ấp', 'Ỷ',
];

/** Names placed by hand (file-name matches) and the one commune the district does not have. */
const PLACED: Record<number, string> = { 60: 'Hòa Bình', 61: 'Tân Lập' };
const NOT_IN_DISTRICT = 'Sơn Vĩ';
/** Communes whose name carries its kind, as towns do ("Thị trấn …"). */
const TOWNS = [0, 7, 45, 90, 135];

export function communeNames(): string[] {
  const reserved = new Set([...Object.values(PLACED), NOT_IN_DISTRICT].map(unitKey));
  const keys = new Set<string>();
  const generated: string[] = [];
  const rnd = prng(200);
  while (generated.length < 200 - Object.keys(PLACED).length) {
    const a = FIRST[Math.floor(rnd() * FIRST.length)];
    const b = SECOND[Math.floor(rnd() * SECOND.length)];
    const name = `${a} ${b}`;
    const key = unitKey(name);
    if (unitKey(a) === unitKey(b) || keys.has(key) || reserved.has(key)) continue;
    keys.add(key);
    generated.push(name);
  }
  const names: string[] = [];
  for (let i = 0, g = 0; i < 200; i++) names.push(PLACED[i] ?? generated[g++]);
  for (const i of TOWNS) names[i] = `Thị trấn ${names[i]}`;
  if (new Set(names.map(unitKey)).size !== 200) throw new Error('commune names are not unique after folding');
  return names;
}

/** A commune's marks: a level per group (periods never below the 2020 result), Đạt/KĐ with its Đánh giá. */
function rowValues(t: TemplateDef, i: number): Record<string, string> {
  const rnd = prng(hash(`${t.id}#${i}`));
  const values: Record<string, string> = {};
  const groups = groupsOf(t, t.defaultLayout);
  let level = 1 + Math.floor(rnd() * t.marks.length);
  for (const g of groups) {
    if (t.scale === 'level') {
      if (g.kind === 'period' && rnd() < 0.35) level = Math.min(t.marks.length, level + 1);
      // A few communes leave a period blank: a form then gets a mark where there was none.
      if (i % 41 === 17 && g.kind === 'period') continue;
      values[g.marks[level - 1]] = 'x';
    } else {
      const pass = rnd() < 0.85;
      values[g.marks[pass ? 0 : 1]] = 'x';
      if (g.assessment) values[g.assessment] = pass ? 'Đạt' : 'KĐ';
    }
  }
  return values;
}

function districtGrids(names: string[]): Grid[] {
  return TEMPLATES.map((t) => {
    const totalTexts: Record<string, string> = {};
    for (const c of columnsOf(t, t.defaultLayout)) if (c.kind === 'text') totalTexts[c.key] = 'Đạt';
    return { template: t.id, layout: t.defaultLayout, rows: names.map((unit, i) => ({ unit, values: rowValues(t, i) })), totalTexts };
  });
}

/**
 * The district's workbook in the layout of the seed (scripts/appendix-writer.ts: title lines, the
 * merged three-row header, one row per commune, the printed total row, the notes), a writer other
 * than the app's export. Not the app's own writeWorkbook: importing that into an empty database
 * names the district after its whole first row (see the report of tests/unit/batch.test.ts).
 */
function seedTable(t: TemplateDef, grid: Grid): SeedTable {
  const cols = columnsOf(t, grid.layout);
  const width = 2 + cols.length;
  const headerRows = Array.from({ length: SHEET_LAYOUT.headerDepth }, () => new Array<string>(width).fill(''));
  for (const h of headerCells(t, grid.layout)) headerRows[h.top][h.left - 1] = h.text;
  const cells = (values: Record<string, string>) => cols.map((c) => values[c.key] ?? '');
  return {
    appendix: t.appendix,
    titleLines: [
      `${t.title} TRÊN ĐỊA BÀN HUYỆN ${DISTRICT.toLocaleUpperCase('vi')}`,
      `(Kèm theo Kế hoạch số 15/KH-UBND ngày 30/6/2025 của Ủy ban nhân dân huyện ${DISTRICT})`,
    ],
    headerRows,
    communes: grid.rows.map((r, i) => ({ stt: String(i + 1), name: r.unit, cells: cells(r.values), blankLinesBefore: 0 })),
    total: {
      label: 'Tổng toàn huyện',
      cells: cols.map((c) => (c.kind === 'mark' ? String(grid.rows.filter((r) => r.values[c.key] === 'x').length) : (grid.totalTexts[c.key] ?? ''))),
    },
    note: t.notes,
    width,
  };
}

async function districtWorkbook(names: string[]): Promise<Buffer> {
  const tables = districtGrids(names).map((g) => seedTable(getTemplate(g.template), g));
  return workbookBytes(writeAppendixWorkbook(tables));
}

// ---------------------------------------------------------------------------------------------
// TCVN3 (TCVN 5712:1993, VN3, the ".VnTime" fonts), written here from the standard's table:
// per vowel, the code of the bare letter then of its tones huyền, hỏi, ngã, sắc, nặng. An .xlsx
// holds each code as the Latin-1 character of that byte.

const TONES = ['', '\u0300', '\u0309', '\u0303', '\u0301', '\u0323'];
const TCVN3_VOWELS: Record<string, number[]> = {
  a: [0x61, 0xb5, 0xb6, 0xb7, 0xb8, 0xb9],
  ă: [0xa8, 0xbb, 0xbc, 0xbd, 0xbe, 0xc6],
  â: [0xa9, 0xc7, 0xc8, 0xc9, 0xca, 0xcb],
  e: [0x65, 0xcc, 0xce, 0xcf, 0xd0, 0xd1],
  ê: [0xaa, 0xd2, 0xd3, 0xd4, 0xd5, 0xd6],
  i: [0x69, 0xd7, 0xd8, 0xdc, 0xdd, 0xde],
  o: [0x6f, 0xdf, 0xe1, 0xe2, 0xe3, 0xe4],
  ô: [0xab, 0xe5, 0xe6, 0xe7, 0xe8, 0xe9],
  ơ: [0xac, 0xea, 0xeb, 0xec, 0xed, 0xee],
  u: [0x75, 0xef, 0xf1, 0xf2, 0xf3, 0xf4],
  ư: [0xad, 0xf5, 0xf6, 0xf7, 0xf8, 0xf9],
  y: [0x79, 0xfa, 0xfb, 0xfc, 0xfd, 0xfe],
};
/** VN3's only capitals beyond ASCII, and đ. */
const TCVN3_LETTERS: Record<string, number> = { Ă: 0xa1, Â: 0xa2, Ê: 0xa3, Ô: 0xa4, Ơ: 0xa5, Ư: 0xa6, Đ: 0xa7, đ: 0xae };

/**
 * Unicode → TCVN3 as an .xlsx holds it ("Cải Viên" → "C¶i Viªn"). VN3 has no toned capitals: as
 * converters of the time do, "Ả" is written as the capital base letter and the toned small one
 * ("A¶"), "Ệ" as "£Ö".
 */
export function toTcvn3(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFC')) {
    if (ch.charCodeAt(0) < 0x80) out += ch;
    else if (ch in TCVN3_LETTERS) out += String.fromCharCode(TCVN3_LETTERS[ch]);
    else {
      const nfd = ch.normalize('NFD');
      const mark = [...nfd].find((c) => TONES.indexOf(c) > 0);
      const tone = mark ? TONES.indexOf(mark) : 0;
      const base = (mark ? nfd.replace(mark, '') : nfd).normalize('NFC');
      const codes = TCVN3_VOWELS[base.toLowerCase()];
      if (!codes) throw new Error(`no TCVN3 code for "${ch}" in "${text}"`);
      if (base === base.toLowerCase()) out += String.fromCharCode(codes[tone]);
      else out += toTcvn3(base) + String.fromCharCode(codes[tone]);
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// What a commune does to its form before sending it back.

interface Edit {
  template: TemplateId;
  key: string;
  /** The value the file holds: "x", "" (cleared) or a Đánh giá text. */
  value: string;
}

interface Mods {
  edits?: Edit[];
  /** The commune name cell of every sheet in NFD; 'all': every text cell of every grid sheet. */
  nfd?: 'name' | 'all';
  /** Every text cell of the grid sheets in TCVN3 under the font ".VnTime". */
  tcvn3?: boolean;
  /** The hidden origin sheet deleted (a commune that copied its values into an older file …). */
  dropOrigin?: boolean;
  /** The commune name cell of every sheet (and the "Biểu dành cho …" line) retyped. */
  nameInside?: string;
}

function columnOf(template: TemplateId, key: string): number {
  const t = getTemplate(template);
  const j = columnsOf(t, t.defaultLayout).findIndex((c) => c.key === key);
  if (j < 0) throw new Error(`no column ${key} in ${template}`);
  return FIRST_DATA_COL + j;
}

async function loadWorkbook(buf: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ExcelJS.Buffer);
  return wb;
}

function gridSheets(wb: ExcelJS.Workbook): ExcelJS.Worksheet[] {
  return wb.worksheets.filter((ws) => ws.name !== ORIGIN_SHEET);
}

/** Every cell of a sheet that holds a value of its own or is part of a merged range. */
function eachCell(ws: ExcelJS.Worksheet, fn: (cell: ExcelJS.Cell) => void): void {
  ws.eachRow({ includeEmpty: true }, (row) => row.eachCell({ includeEmpty: true }, fn));
}

async function modifyForm(buf: Buffer, mods: Mods): Promise<Buffer> {
  const wb = await loadWorkbook(buf);
  for (const e of mods.edits ?? []) {
    const ws = wb.getWorksheet(getTemplate(e.template).appendix)!;
    ws.getCell(ROW, columnOf(e.template, e.key)).value = e.value === '' ? null : e.value;
  }
  for (const ws of gridSheets(wb)) {
    if (mods.nameInside !== undefined) {
      ws.getCell(ROW, 2).value = mods.nameInside === '' ? null : mods.nameInside;
      ws.getCell(SHEET_LAYOUT.planRefRow, 1).value = `Biểu dành cho ${mods.nameInside}`;
    }
    if (mods.nfd === 'name') ws.getCell(ROW, 2).value = String(ws.getCell(ROW, 2).value).normalize('NFD');
    if (mods.nfd === 'all') {
      eachCell(ws, (cell) => {
        if (cell.type === ExcelJS.ValueType.String) cell.value = (cell.value as string).normalize('NFD');
      });
    }
    if (mods.tcvn3) {
      eachCell(ws, (cell) => {
        // A merged range's other cells give back the master's text: only the master is encoded,
        // but every cell of the range takes the font, as a legacy office PC's file has it.
        if (cell.type === ExcelJS.ValueType.String) cell.value = toTcvn3(cell.value as string);
        if (cell.type === ExcelJS.ValueType.String || cell.type === ExcelJS.ValueType.Merge || cell.type === ExcelJS.ValueType.Null) {
          cell.style = { ...cell.style, font: { ...(cell.style.font ?? {}), name: '.VnTime' } };
        }
      });
    }
  }
  if (mods.dropOrigin) wb.removeWorksheet(wb.getWorksheet(ORIGIN_SHEET)!.id);
  return normalizeZipTimes(Buffer.from(await wb.xlsx.writeBuffer()));
}

/** Edits moving a marked level one step (down, or up from the lowest) in a group; Đạt ↔ KĐ with its Đánh giá. */
function moveMark(values: Values, template: TemplateId, group: string): Edit[] {
  const t = getTemplate(template);
  const g = groupsOf(t, t.defaultLayout).find((x) => x.id === group)!;
  const row = values.get(template) ?? {};
  const at = g.marks.findIndex((k) => row[k] === 'x');
  const to = at < 0 ? 0 : t.scale === 'pass' ? 1 - at : at > 0 ? at - 1 : at + 1;
  const edits: Edit[] = g.marks.map((k, i) => ({ template, key: k, value: i === to ? 'x' : '' })).filter((e) => (row[e.key] ?? '') !== e.value);
  if (g.assessment) edits.push({ template, key: g.assessment, value: to === 0 ? 'Đạt' : 'KĐ' });
  return edits.filter((e) => (row[e.key] ?? '') !== e.value);
}

function applyEdits(values: Values, edits: Edit[]): Values {
  const out: Values = new Map([...values].map(([t, v]) => [t, { ...v }]));
  for (const e of edits) {
    const row = out.get(e.template) ?? {};
    if (e.value === '') delete row[e.key];
    else row[e.key] = e.value;
    out.set(e.template, row);
  }
  return out;
}

/** What an import reports for a form holding `file` over a database holding `stored`: sheet and column order. */
function changesBetween(stored: Values, file: Values): Change[] {
  const out: Change[] = [];
  for (const t of TEMPLATES) {
    const a = stored.get(t.id) ?? {};
    const b = file.get(t.id) ?? {};
    for (const c of columnsOf(t, t.defaultLayout)) {
      const old = a[c.key] ?? '';
      const now = b[c.key] ?? '';
      if (old !== now) out.push({ sheet: t.appendix, cell: `${columnLetter(columnOf(t.id, c.key))}${ROW}`, old, new: now, template: t.id, key: c.key });
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// LibreOffice.

function haveLibreOffice(): boolean {
  return spawnSync('soffice', ['--version'], { stdio: 'ignore' }).status === 0;
}

/** Re-saves every file of `inDir` into `outDir` in one soffice call (its start-up is most of the time). */
function libreOffice(inDir: string, outDir: string, files: string[], filter: string, profile: string): void {
  mkdirSync(outDir, { recursive: true });
  execFileSync(
    'soffice',
    ['--headless', `-env:UserInstallation=file://${profile}`, '--convert-to', filter, '--outdir', outDir, ...files.map((f) => join(inDir, f))],
    { stdio: 'pipe', maxBuffer: 64 * 1024 * 1024 },
  );
  for (const f of files) {
    const out = f.replace(/\.xlsx$/, filter.startsWith('xls:') ? '.xls' : '.xlsx');
    if (!existsSync(join(outDir, out))) throw new Error(`LibreOffice did not write ${out}`);
  }
}

/** Whether the shared strings of an .xlsx hold `text` byte for byte (LibreOffice keeping NFD, say). */
async function holdsString(buf: Buffer, text: string): Promise<boolean> {
  const zip = await JSZip.loadAsync(buf);
  const sst = zip.file('xl/sharedStrings.xml');
  const xml = sst ? await sst.async('string') : '';
  return xml.includes(`>${text}<`);
}

// ---------------------------------------------------------------------------------------------
// Stores: the database each set of forms is issued from.

interface Issued {
  store: Store;
  district: UnitRecord;
  communes: UnitRecord[];
  /** Commune id → template → values, as issued. */
  values: Map<number, Values>;
  /** Form file names, parallel to communes. */
  files: string[];
}

async function issue(work: string, name: string, districtName: string, workbook: Buffer, formsDir: string): Promise<Issued> {
  const store = Store.open(join(work, `${name}.db`));
  // Signed as the fixture database: the tests rebuild it with the same secret.
  store.adoptFormSecret(FIXTURE_FORM_SECRET);
  const r = await importBuffer(store, `${name}.xlsx`, workbook);
  if (r.status !== 'ok') throw new Error(`importing ${name}: ${r.status} ${r.reason ?? ''}`);
  const district = pickDistrict(store);
  if (district.name !== districtName) throw new Error(`importing ${name} named the district "${district.name}"`);
  const communes = store.children(district.id);
  const values = new Map<number, Values>();
  for (const g of gridsOf(store, district)) {
    for (const row of g.rows) {
      const v = values.get(row.unitId!) ?? new Map();
      v.set(g.template, { ...row.values });
      values.set(row.unitId!, v);
    }
  }
  const { files } = await writeForms(store, formsDir, { issuedAt: ISSUED_AT });
  return { store, district, communes, values, files: files.map((f) => f.file.slice(formsDir.length + 1)) };
}

// ---------------------------------------------------------------------------------------------
// The Hà Quảng forms.

interface HqSpec {
  commune: string;
  libreoffice: boolean;
  edits: (v: Values) => Edit[];
  why: string;
}

const HQ_CHANGED: HqSpec[] = [
  {
    commune: 'Cải Viên',
    libreoffice: false,
    edits: () => [
      { template: 'xmc', key: '2026-2030|MĐ1', value: 'x' },
      { template: 'xmc', key: '2026-2030|MĐ2', value: '' },
    ],
    why: 'Phụ lục 1, 2026-2030: the mark moved from MĐ2 (H13) to MĐ1 (G13).',
  },
  {
    commune: 'Lương Thông',
    libreoffice: false,
    edits: () => [{ template: 'pcgd-mn', key: '2020/3 tuổi|KĐ', value: '' }],
    why: 'Phụ lục 2: the seed’s double mark for 3-year-olds in 2020 corrected, KĐ (D13) cleared, Đạt kept.',
  },
  {
    commune: 'Cần Nông',
    libreoffice: true,
    edits: () => [
      { template: 'pcgd-mn', key: '2020/3 tuổi|Đạt', value: 'x' },
      { template: 'pcgd-mn', key: '2020/3 tuổi|KĐ', value: '' },
      { template: 'pcgd-mn', key: '2020/3 tuổi|Đánh giá', value: 'Đạt' },
      { template: 'pcgd-thcs', key: '2026-2030|MĐ3', value: 'x' },
      { template: 'pcgd-thcs', key: '2026-2030|MĐ2', value: '' },
    ],
    why: 'Phụ lục 2, 3-year-olds 2020: KĐ → Đạt with its Đánh giá; Phụ lục 4, 2026-2030: MĐ2 → MĐ3. Then re-saved by LibreOffice.',
  },
];
/** Returned unchanged but re-saved by LibreOffice. */
const HQ_LIBREOFFICE = ['Ngọc Đào', 'Quý Quân', 'Sóc Hà', 'Thị trấn Thông Nông', 'Yên Sơn'];

async function buildHaQuang(work: string, lo: boolean): Promise<void> {
  const formsDir = join(work, 'hq-forms');
  const hq = await issue(work, 'ha-quang', 'Hà Quảng', readFileSync(SEED), formsDir);
  const stage = join(work, 'hq-stage');
  mkdirSync(stage, { recursive: true });
  mkdirSync(HQ_DIR, { recursive: true });
  const expected: Record<string, { commune: string; libreoffice: boolean; why: string; changes: Omit<Change, 'template' | 'key'>[] }> = {};
  const toLo: string[] = [];
  for (let i = 0; i < hq.communes.length; i++) {
    const c = hq.communes[i];
    const file = hq.files[i];
    const spec = HQ_CHANGED.find((s) => s.commune === c.name);
    const viaLo = spec?.libreoffice ?? HQ_LIBREOFFICE.includes(c.name);
    const issued = hq.values.get(c.id)!;
    const edits = spec?.edits(issued) ?? [];
    const raw = readFileSync(join(formsDir, file));
    const bytes = edits.length ? await modifyForm(raw, { edits }) : normalizeZipTimes(raw);
    const changes = changesBetween(issued, applyEdits(issued, edits)).map(({ sheet, cell, old, new: now }) => ({ sheet, cell, old, new: now }));
    expected[file] = {
      commune: c.name,
      libreoffice: viaLo,
      why: spec?.why ?? (viaLo ? 'Returned unchanged, re-saved by LibreOffice.' : 'Returned unchanged, as the app wrote it.'),
      changes,
    };
    if (viaLo) {
      writeFileSync(join(stage, file), bytes);
      toLo.push(file);
    } else writeFileSync(join(HQ_DIR, file), bytes);
  }
  if (lo) {
    const out = join(work, 'hq-lo');
    libreOffice(stage, out, toLo, 'xlsx:Calc MS Excel 2007 XML', join(work, 'lo-profile'));
    for (const f of toLo) copyFileSync(join(out, f), join(HQ_DIR, f));
  }
  for (const f of toLo) if (!existsSync(join(HQ_DIR, f))) throw new Error(`${f} missing: run with --libreoffice`);
  writeFileSync(join(HQ_DIR, 'expected.json'), JSON.stringify({ district: 'Hà Quảng', issuedAt: ISSUED_AT.toISOString(), files: expected }, null, 2) + '\n');
  hq.store.close();
}

// ---------------------------------------------------------------------------------------------
// The 200-file batch.

interface DbEdit {
  commune: string;
  template: TemplateId;
  key: string;
  issued: string;
  value: string;
  why: string;
}

interface BatchFile {
  file: string;
  /** Index of the commune whose form the file was made from. */
  from: number;
  status: Status;
  unit: string | null;
  kind: string;
  why: string;
  mods: Mods;
  truncate?: boolean;
  xls?: boolean;
  /** The staged name, when the final one is not plain ASCII (LibreOffice is given ASCII names). */
  finalName?: string;
}

/** Communes with a role; every other one sends its form back unchanged or with a few marks moved. */
const ROLE = {
  nfdName: 2,
  nfdAll: 3,
  nfdNoOrigin: 4,
  tcvn3: [5, 6, 7],
  tcvn3NoOrigin: 8,
  duplicate: 9,
  truncated: 10,
  xls: 11,
  /** Sends nothing: its form became the file of a commune the district does not have. */
  unknownSource: 12,
  conflicts: [13, 14],
  agreeing: 15,
  changed: Array.from({ length: 20 }, (_, k) => 16 + k),
  byFileName: [60, 61, 62],
  /** Sends nothing at all. */
  silent: 199,
};

function batchPlan(iss: Issued, names: string[]): { files: BatchFile[]; dbEdits: DbEdit[] } {
  const files: BatchFile[] = [];
  const dbEdits: DbEdit[] = [];
  const v = (i: number) => iss.values.get(iss.communes[i].id)!;
  const name = (i: number) => iss.communes[i].name;
  const formFile = (i: number) => iss.files[i];
  const moves = (i: number, n: number, seed = `edit#${i}`): Edit[] => {
    const rnd = prng(hash(seed));
    const edits: Edit[] = [];
    const used = new Set<string>();
    while (used.size < n) {
      const t = TEMPLATES[Math.floor(rnd() * TEMPLATES.length)];
      const groups = groupsOf(t, t.defaultLayout);
      const g = groups[Math.floor(rnd() * groups.length)];
      if (used.has(`${t.id}|${g.id}`)) continue;
      used.add(`${t.id}|${g.id}`);
      edits.push(...moveMark(v(i), t.id, g.id));
    }
    return edits;
  };
  const ok = (i: number, kind: string, why: string, mods: Mods = {}, file = formFile(i)): BatchFile => ({ file, from: i, status: 'ok', unit: name(i), kind, why, mods });

  for (let i = 0; i < names.length; i++) {
    if (i === ROLE.silent || i === ROLE.unknownSource) continue;
    if (i === ROLE.nfdName) files.push(ok(i, 'nfd-name', 'Commune name cell in NFD (decomposed) Unicode; origin present; a mark moved.', { nfd: 'name', edits: moves(i, 1) }));
    else if (i === ROLE.nfdAll) files.push(ok(i, 'nfd-all', 'Every text cell of the grid sheets in NFD, Đánh giá included; origin present; no value changed, so no change.', { nfd: 'all' }));
    else if (i === ROLE.nfdNoOrigin) {
      files.push(ok(i, 'nfd-no-origin', 'Origin sheet deleted and the name cell in NFD: matched by the name inside after NFC; a mark moved.', { nfd: 'name', dropOrigin: true, edits: moves(i, 1) }));
    } else if (ROLE.tcvn3.includes(i)) {
      const edits = i === ROLE.tcvn3[1] ? moves(i, 2) : [];
      files.push(ok(i, 'tcvn3', `Every text cell of the grid sheets in TCVN3 under ".VnTime"; origin present; ${edits.length ? 'marks moved' : 'no value changed'}.`, { tcvn3: true, edits }));
    } else if (i === ROLE.tcvn3NoOrigin) {
      files.push(ok(i, 'tcvn3-no-origin', 'TCVN3 under ".VnTime" and no origin sheet: matched by the decoded name inside; a mark moved.', { tcvn3: true, dropOrigin: true, edits: moves(i, 1) }));
    } else if (i === ROLE.duplicate) {
      const base = formFile(i).replace(/\.xlsx$/, '');
      files.push(ok(i, 'duplicate-first', `First of two files of ${name(i)} (in the order files are imported): stored.`, { edits: moves(i, 1) }, `${base} (1).xlsx`));
      files.push({
        file: `${base} (2).xlsx`,
        from: i,
        status: 'duplicate',
        unit: name(i),
        kind: 'duplicate-second',
        why: `Second file of ${name(i)} in the same batch, with other changes: skipped, nothing stored.`,
        mods: { edits: moves(i, 2, `edit#${i}#again`) },
      });
    } else if (i === ROLE.truncated) {
      files.push({ file: formFile(i), from: i, status: 'rejected', unit: null, kind: 'truncated', why: 'The re-saved file cut to half its bytes (a download that did not finish): not a readable .xlsx.', mods: { edits: moves(i, 1) }, truncate: true });
    } else if (i === ROLE.xls) {
      files.push({ file: formFile(i).replace(/\.xlsx$/, '.xls'), from: i, status: 'ok', unit: name(i), kind: 'xls', why: 'Saved by LibreOffice as Excel 97–2003 (.xls) and returned unchanged: read through SheetJS like the .xlsx, stored.', mods: {}, xls: true });
    } else if (ROLE.conflicts.includes(i)) {
      const age = i === ROLE.conflicts[0] ? '3 tuổi' : '5 tuổi';
      const key = `2020/${age}|Đánh giá`;
      const issued = v(i).get('pcgd-mn')![key];
      dbEdits.push({ commune: name(i), template: 'pcgd-mn', key, issued, value: `${issued} (phòng GD sửa lại)`, why: 'changed in the app after the forms went out' });
      files.push({
        file: formFile(i),
        from: i,
        status: 'conflict',
        unit: name(i),
        kind: 'conflict',
        why: `Phụ lục 2 ${key}: issued "${issued}", changed in the database (pre-import edit) and changed differently in the file: conflict, nothing stored (stored with --force).`,
        mods: { edits: [...moves(i, 1), { template: 'pcgd-mn', key, value: `${issued} - xã tự đánh giá lại` }] },
      });
    } else if (i === ROLE.agreeing) {
      const key = '2020/4 tuổi|Đánh giá';
      const issued = v(i).get('pcgd-mn')![key];
      const value = `${issued} (đã thống nhất)`;
      dbEdits.push({ commune: name(i), template: 'pcgd-mn', key, issued, value, why: 'changed in the app after the forms went out, to the value the commune also writes' });
      files.push(ok(i, 'agreeing', `Phụ lục 2 ${key} changed in the database and in the file to the same text: no conflict, and that cell is no change.`, { edits: [...moves(i, 1), { template: 'pcgd-mn', key, value }] }));
    } else if (ROLE.changed.includes(i)) {
      files.push(ok(i, 'changed', 'Marks moved by the commune.', { edits: moves(i, 1 + (i % 3)) }));
    } else if (i === ROLE.byFileName[0]) {
      files.push(ok(i, 'file-name', 'No origin sheet, name cell "Xã ……" (left as the blank to fill): matched by the file name "Xa_Hoa_Binh (1)" → Hòa Bình; a mark moved.', { dropOrigin: true, nameInside: 'Xã ……', edits: moves(i, 1) }, 'Xa_Hoa_Binh (1).xlsx'));
    } else if (i === ROLE.byFileName[1]) {
      const file = 'Xã Tân Lập.xlsx'.normalize('NFD');
      files.push({ ...ok(i, 'file-name', 'No origin sheet, name cell "UBND xã": matched by the file name, itself in NFD (as a Mac writes names) → Tân Lập.', { dropOrigin: true, nameInside: 'UBND xã' }, file), finalName: file });
    } else if (i === ROLE.byFileName[2]) {
      const file = `${asciiName(names[i]).toLowerCase().replace(/_/g, '-')}_2.xlsx`;
      files.push(ok(i, 'file-name', `No origin sheet, name cell just "Xã": matched by the file name "${file}" → ${names[i]}; a mark moved.`, { dropOrigin: true, nameInside: 'Xã', edits: moves(i, 1) }, file));
    } else files.push(ok(i, 'plain', 'Returned unchanged.'));
  }
  files.push({
    file: `${asciiName(NOT_IN_DISTRICT)}.xlsx`,
    from: ROLE.unknownSource,
    status: 'unknown-unit',
    unit: null,
    kind: 'unknown-unit',
    why: `A commune the district does not have ("${NOT_IN_DISTRICT}"): no origin sheet, the name inside and the file name match no commune.`,
    mods: { dropOrigin: true, nameInside: NOT_IN_DISTRICT, edits: moves(ROLE.unknownSource, 1) },
  });
  if (files.length !== 200) throw new Error(`the batch has ${files.length} files, not 200`);
  if (new Set(files.map((f) => f.file)).size !== 200) throw new Error('two batch files share a name');
  return { files, dbEdits };
}

interface BatchExpected {
  district: string;
  issuedAt: string;
  /** Set in the database after the district import and before the batch (the test does it). */
  dbEdits: DbEdit[];
  counts: Record<Status, number>;
  /** {file: status} for all 200 files. */
  statuses: Record<string, Status>;
  /** {file: the commune the import names, or null}. */
  units: Record<string, string | null>;
  /** Per file: what it is, why its status, its changes against the database before the batch. */
  files: Record<string, { kind: string; why: string; legacy: boolean; origin: boolean; changes: Change[] }>;
  /** Communes of the district that send no readable file of their own. */
  silent: string[];
}

async function buildTwoHundred(work: string, lo: boolean): Promise<{ names: string[]; expected: BatchExpected }> {
  const names = communeNames();
  const district = await districtWorkbook(names);
  mkdirSync(OUT, { recursive: true });
  writeFileSync(DISTRICT_FILE, district);
  const formsDir = join(work, 'forms-200');
  const iss = await issue(work, 'district-200', DISTRICT, district, formsDir);
  if (iss.communes.map((c) => c.name).join('|') !== names.join('|')) throw new Error('the district import did not keep the communes and their order');
  const { files, dbEdits } = batchPlan(iss, names);

  const stored = (i: number): Values => {
    const c = iss.communes[i];
    const edits = dbEdits.filter((e) => e.commune === c.name).map((e) => ({ template: e.template, key: e.key, value: e.value }));
    return applyEdits(iss.values.get(c.id)!, edits);
  };
  const expected: BatchExpected = {
    district: DISTRICT,
    issuedAt: ISSUED_AT.toISOString(),
    dbEdits,
    counts: { ok: 0, conflict: 0, duplicate: 0, 'unknown-unit': 0, rejected: 0 },
    statuses: {},
    units: {},
    files: {},
    silent: [],
  };
  const order = sortLikeCli(files.map((f) => f.file));
  for (const name of order) {
    const f = files.find((x) => x.file === name)!;
    expected.counts[f.status]++;
    expected.statuses[f.file] = f.status;
    expected.units[f.file] = f.unit;
    const readable = f.status !== 'rejected' && f.status !== 'unknown-unit';
    const fileValues = applyEdits(iss.values.get(iss.communes[f.from].id)!, f.mods.edits ?? []);
    expected.files[f.file] = {
      kind: f.kind,
      why: f.why,
      legacy: !!f.mods.tcvn3,
      origin: !f.mods.dropOrigin && !f.xls,
      changes: readable ? changesBetween(stored(f.from), fileValues) : [],
    };
  }
  const sending = new Set(files.filter((f) => f.status !== 'rejected' && f.status !== 'unknown-unit').map((f) => f.from));
  expected.silent = names.filter((_, i) => !sending.has(i));

  if (lo) {
    const stage = join(work, 'stage-200');
    const staged = join(work, 'lo-200');
    mkdirSync(stage, { recursive: true });
    const stageName = (f: BatchFile) => (f.finalName ? `staged-${f.from}.xlsx` : f.file.replace(/\.xls$/, '.xlsx'));
    for (const f of files) {
      const raw = readFileSync(join(formsDir, iss.files[f.from]));
      writeFileSync(join(stage, stageName(f)), await modifyForm(raw, f.mods));
    }
    const profile = join(work, 'lo-profile');
    libreOffice(stage, staged, files.filter((f) => !f.xls).map(stageName), 'xlsx:Calc MS Excel 2007 XML', profile);
    libreOffice(stage, join(work, 'lo-xls'), files.filter((f) => f.xls).map(stageName), 'xls:MS Excel 97', profile);
    rmSync(TWO_DIR, { recursive: true, force: true });
    mkdirSync(TWO_DIR, { recursive: true });
    for (const f of files) {
      let bytes = f.xls ? readFileSync(join(work, 'lo-xls', stageName(f).replace(/\.xlsx$/, '.xls'))) : readFileSync(join(staged, stageName(f)));
      if (f.mods.nfd) {
        const nfd = names[f.from].normalize('NFD');
        if (!(await holdsString(bytes, nfd))) throw new Error(`LibreOffice did not keep the NFD name of ${f.file}`);
      }
      if (f.truncate) bytes = bytes.subarray(0, Math.floor(bytes.length / 2));
      writeFileSync(join(TWO_DIR, f.file), bytes);
    }
  }
  const present = existsSync(TWO_DIR) ? readdirSync(TWO_DIR) : [];
  const missing = files.filter((f) => !present.includes(f.file));
  if (missing.length) throw new Error(`${missing.length} batch files missing (${missing[0].file} …): run with --libreoffice`);
  writeFileSync(join(OUT, 'expected.json'), JSON.stringify(expected, null, 2) + '\n');
  iss.store.close();
  return { names, expected };
}

// ---------------------------------------------------------------------------------------------
// README and a self-check through the app's own import.

function readme(names: string[], exp: BatchExpected, hq: { files: Record<string, { commune: string; libreoffice: boolean; why: string; changes: unknown[] }> }): string {
  const esc = (s: string) => s.replace(/\|/g, '\\|');
  const lines = [
    '# Batch import fixtures',
    '',
    'Made by `npx tsx scripts/build-batch-fixtures.ts [--libreoffice]`; checked by `tests/unit/batch.test.ts` and',
    '`tests/unit/batch-kill.test.ts`. Everything LibreOffice wrote is committed (CI has no LibreOffice): rerun with',
    '`--libreoffice` after changing the script. Forms are issued on ' + ISSUED_AT.toISOString() + ', and signed with the',
    'fixture database’s secret (`tests/support/fixture-secret.ts`): a test that rebuilds that database gives it this secret',
    '(`Store.adoptFormSecret`) first. Forms made before signing were signed in place by `scripts/resign-form-fixtures.ts`.',
    '',
    '## district-200.xlsx',
    '',
    `"Huyện ${DISTRICT}" (tỉnh "Tỉnh Mẫu"), made up: ${names.length} communes (two syllables each, unique after tone folding;`,
    `${TOWNS.length} of them "Thị trấn …"), the four appendix grids with deterministic marks, in the layout of the seed`,
    '(`scripts/appendix-writer.ts`: title lines, merged three-row header, printed total row). Not the app’s own',
    '`writeWorkbook`: imported into an empty database, that one names the district after its whole first row',
    '("Thử Nghiệm Cộng Hòa Xã Hội Chủ Nghĩa Việt Nam …", a bug that `batch.test.ts` shows with `it.fails`).',
    'Importing it into an empty database creates the district (id 1) and its communes (ids 2–201,',
    'in the order of the rows), which is what the forms of `two-hundred/` carry in their origin.',
    '',
    '## ha-quang-forms/',
    '',
    'The 21 forms of the Hà Quảng demo (`seeds/ha-quang.xlsx` imported into an empty database, then `writeForms`).',
    'Imported (or previewed) over that same database, every file is `ok`, each matched to its own commune, and its',
    'changes are exactly those of `ha-quang-forms/expected.json` (none for an unchanged form, LibreOffice or not).',
    '',
    '| File | Commune | LibreOffice | Changes | Why |',
    '|---|---|---|---|---|',
    ...Object.entries(hq.files).map(([f, x]) => `| ${f} | ${x.commune} | ${x.libreoffice ? 'yes' : 'no'} | ${x.changes.length} | ${esc(x.why)} |`),
    '',
    '## two-hundred/',
    '',
    `200 files returned by the communes of district-200, every readable one re-saved by LibreOffice Calc (so the app`,
    'reads another writer’s shared strings, styles and hidden sheets). `expected.json` (beside this README) gives each file’s',
    'status and unit, and its changes against the database before the batch (in import order: `localeCompare(…, "vi")`',
    'of the file names, as `import DIR` sorts them).',
    '',
    `Counts: ${Object.entries(exp.counts).map(([s, n]) => `${s} ${n}`).join(', ')}.`,
    '',
    'Before importing, the test makes these edits in the database (a value changed in the app after the forms went',
    'out):',
    '',
    ...exp.dbEdits.map((e) => `- ${e.commune}, ${getTemplate(e.template).appendix} \`${e.key}\`: "${e.issued}" → "${e.value}" (${e.why}).`),
    '',
    `Communes that send no readable file of their own (their cells must stay as they are): ${exp.silent.join(', ')}.`,
    '',
    '| File | Status | Unit | Changes | Why |',
    '|---|---|---|---|---|',
    ...Object.entries(exp.statuses).map(([f, s]) => `| ${esc(f)} | ${s} | ${exp.units[f] ?? '–'} | ${exp.files[f].changes.length} | ${esc(exp.files[f].why)} |`),
    '',
  ];
  return lines.join('\n');
}

/** Imports every file the way `import DIR --dry-run` does and reports where the app and expected.json differ. */
async function selfCheck(work: string, exp: BatchExpected): Promise<string[]> {
  const store = Store.open(join(work, 'check.db'));
  store.adoptFormSecret(FIXTURE_FORM_SECRET);
  const problems: string[] = [];
  try {
    await importBuffer(store, 'district-200.xlsx', readFileSync(DISTRICT_FILE));
    const district = pickDistrict(store);
    const byName = new Map(store.children(district.id).map((c) => [c.name, c]));
    for (const e of exp.dbEdits) {
      const report = store.listReports(district.id).find((r) => r.template === e.template)!;
      store.setValues(report.id, [{ unitId: byName.get(e.commune)!.id, key: e.key, value: e.value }], { kind: 'typed' });
    }
    const memory = newBatchMemory();
    for (const file of Object.keys(exp.statuses)) {
      const r = storeParsed(store, await parseFile(join(TWO_DIR, file), readFileSync(join(TWO_DIR, file))), memory, { dryRun: true });
      const want = exp.files[file].changes.map(({ sheet, cell, old, new: now }) => ({ sheet, cell, old, new: now }));
      if (r.status !== exp.statuses[file]) problems.push(`${file}: status ${r.status}, expected ${exp.statuses[file]} ${r.reason ?? ''}`);
      else if (r.unit !== exp.units[file] && r.status !== 'rejected') problems.push(`${file}: unit ${r.unit}, expected ${exp.units[file]}`);
      else if (JSON.stringify(r.changes) !== JSON.stringify(want)) problems.push(`${file}: changes ${JSON.stringify(r.changes)}, expected ${JSON.stringify(want)}`);
    }
  } finally {
    store.close();
  }
  return problems;
}

async function main(): Promise<void> {
  const lo = process.argv.includes('--libreoffice');
  if (lo && !haveLibreOffice()) throw new Error('soffice (LibreOffice) is not on PATH');
  const work = mkdtempSync(join(tmpdir(), 'batch-fixtures-'));
  try {
    await buildHaQuang(work, lo);
    const { names, expected } = await buildTwoHundred(work, lo);
    const hq = JSON.parse(readFileSync(join(HQ_DIR, 'expected.json'), 'utf8'));
    writeFileSync(join(OUT, 'README.md'), readme(names, expected, hq));
    const problems = await selfCheck(work, expected);
    for (const p of problems) console.error(`self-check: ${p}`);
    console.log(`batch fixtures: ${OUT} (${Object.entries(expected.counts).map(([s, n]) => `${s} ${n}`).join(', ')}); self-check: ${problems.length} problem(s)`);
    if (problems.length) process.exitCode = 1;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
