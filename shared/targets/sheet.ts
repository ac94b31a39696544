// The "Mục tiêu" sheet (DOMAIN.md §10.5), pure: cells → targets, each unreadable cell a
// `value.invalid` (error) at that cell (§10.4); targets → the cells the writer prints. The reader
// takes any sheet whose header row is this one, so the sheet is never `sheet.unrecognized`.
import { fold } from '../text/normalize';
import type { Cell } from '../units/change-table';
import type { TargetFinding } from './check';
import { COLUMNS, targetHeaderRow, text, TARGET_HEADINGS, TARGET_TITLE } from './sheet-header';
import { LEVELS_OF, normaliseWhen, programmeLabel, targetSchema, type MnAge, type Programme, type Target, type TargetKind, type TargetLevel } from './model';

export { targetHeaderRow, TARGET_HEADINGS, TARGET_TITLE };

/** "XMC", "Xóa mù chữ", "PCGD MN 5 tuổi", "PCGDTH", "PCGD trung học cơ sở" … (case and tones ignored). */
export function parseProgramme(raw: string): { programme: Programme; age: MnAge | null } | null {
  const f = fold(raw)
    .replace(/pho cap giao duc/g, 'pcgd')
    .replace(/xoa mu chu/g, 'xmc')
    .replace(/pcgd(?=mn|thcs|th\b)/g, 'pcgd ')
    .replace(/mam non/g, 'mn')
    .replace(/trung hoc co so/g, 'thcs')
    .replace(/tieu hoc/g, 'th')
    .replace(/(?:cho )?tre(?: em)? mau giao/g, '')
    .replace(/cho tre(?: em)?/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  const m = /^(xmc|pcgd (mn|th|thcs))(?: ([345]) tuoi)?$/.exec(f);
  if (!m) return null;
  const programme = (m[1] === 'xmc' ? 'xmc' : `pcgd-${m[2]}`) as Programme;
  if (m[3] && programme !== 'pcgd-mn') return null;
  return { programme, age: m[3] ? (`${m[3]} tuổi` as MnAge) : null };
}

/** "MĐ2", "Mức độ 2", "MD2", "Đạt". */
export function parseLevel(raw: string): TargetLevel | null {
  const f = fold(raw).replace(/\s+/g, '');
  if (f === 'dat') return 'Đạt';
  const m = /^(?:md|mucdo)([123])$/.exec(f);
  return m ? (`MĐ${m[1]}` as TargetLevel) : null;
}

export function parseKind(raw: string): TargetKind | null {
  const f = fold(raw).replace(/\s+/g, ' ').trim();
  if (/^t[iy] le (xa|don vi|huyen)$/.test(f)) return 'share';
  if (/^so (xa|don vi|huyen)$/.test(f)) return 'count';
  if (f === 'muc cua don vi') return 'unit';
  if (f === 'don vi duoc neu') return 'named';
  return null;
}

export interface TargetSheetRead {
  headerRow: number;
  targets: Target[];
  findings: TargetFinding[];
}

export interface TargetSheetOptions {
  /** The workbook's own unit, for rows whose Đơn vị is empty ("Huyện Hà Quảng"). */
  scope?: string;
}

/** Reads the targets of a "Mục tiêu" sheet; null when its cells hold no targets header. */
export function readTargetSheet(sheet: string, cells: readonly (readonly Cell[])[], opts: TargetSheetOptions = {}): TargetSheetRead | null {
  const header = targetHeaderRow(cells);
  if (header < 0) return null;
  const out: TargetSheetRead = { headerRow: header + 1, targets: [], findings: [] };
  for (let i = header + 1; i < cells.length; i++) {
    const r = cells[i] ?? [];
    if (text(r[1]) === '' && text(r[2]) === '') break;
    const row = i + 1;
    const bad: { col: number; message: string }[] = [];
    const invalid = (col: number, message: string) => bad.push({ col, message });

    const programme = parseProgramme(text(r[1]));
    if (!programme) invalid(1, `chương trình "${text(r[1])}" không rõ (ghi XMC, PCGD MN, PCGD MN 5 tuổi, PCGD TH hoặc PCGD THCS)`);
    const level = parseLevel(text(r[2]));
    if (!level) invalid(2, `mức "${text(r[2])}" không rõ (ghi MĐ1, MĐ2, MĐ3 hoặc Đạt)`);
    else if (programme && !LEVELS_OF[programme.programme].includes(level)) invalid(2, `${programmeLabel(programme.programme)} không có mức ${level}`);
    const kind = parseKind(text(r[3]));
    if (!kind) invalid(3, `loại chỉ tiêu "${text(r[3])}" không rõ (ghi Tỉ lệ xã, Số xã, Mức của đơn vị hoặc Đơn vị được nêu)`);

    let value: number | null = null;
    let of: number | null = null;
    let names: string[] = [];
    const v = r[4];
    if (kind === 'share') {
      value = shareValue(v);
      if (value === null) invalid(4, `tỉ lệ "${text(v)}" không hợp lệ (cần một số nguyên phần trăm từ 1 đến 100, ví dụ 85%)`);
    } else if (kind === 'count') {
      const c = countValue(v);
      if (v instanceof Date) invalid(4, `số xã là một ngày (${text(v)}): Excel đã đổi "m/N" thành ngày, hãy ghi dưới dạng văn bản, ví dụ '4/7`);
      else if (!c) invalid(4, `số xã "${text(v)}" không hợp lệ (ghi m/N, ví dụ 4/7, hoặc một số nguyên)`);
      else [value, of] = c;
    } else if (kind === 'named') {
      names = text(v).split(';').map((s) => s.trim()).filter(Boolean);
      if (names.length === 0) invalid(4, 'chưa nêu đơn vị nào (ghi các tên, cách nhau bởi dấu ";")');
    }
    const when = normaliseWhen(typeof r[5] === 'number' ? r[5] : text(r[5]));
    if (!when) invalid(5, `năm/giai đoạn "${text(r[5])}" không rõ (ghi một năm như 2024 hoặc một giai đoạn như 2021-2025)`);
    const scope = text(r[6]) || opts.scope || '';
    if (!scope) invalid(6, 'không ghi đơn vị, và không rõ đơn vị của bảng');
    const modeText = fold(text(r[7]));
    const mode = modeText === '' || modeText === 'phan dau' ? 'strive' : modeText === 'duy tri' ? 'maintain' : null;
    if (!mode) invalid(7, `"${text(r[7])}" không rõ (ghi Duy trì hoặc Phấn đấu)`);

    if (bad.length === 0) {
      const parsed = targetSchema.safeParse({
        scope, programme: programme!.programme, age: programme!.age, level, kind, value, of, names, when, mode,
        text: text(r[8]), source: { kind: 'sheet', sheet, row },
      });
      if (parsed.success) out.targets.push(parsed.data);
      else invalid(4, parsed.error.issues[0]?.message ?? 'chỉ tiêu không hợp lệ');
    }
    for (const b of bad) {
      const cell = `${COLUMNS[b.col]}${row}`;
      out.findings.push({ rule: 'value.invalid', severity: 'error', sheet, cell, unit: null, message: `Trang "${sheet}", ô ${cell}: ${b.message}.` });
    }
  }
  return out;
}

/** "85%", or a number: 0,85 as Excel stores a typed 85% (format 0%), or 85. */
function shareValue(v: Cell): number | null {
  let p: number;
  if (typeof v === 'number') p = v > 0 && v <= 1 ? Math.round(v * 10_000) / 100 : v;
  else {
    const m = /^(\d{1,3}(?:[.,]\d+)?)\s*%?$/.exec(text(v));
    if (!m) return null;
    p = Number(m[1].replace(',', '.'));
  }
  return Number.isInteger(p) && p >= 1 && p <= 100 ? p : null;
}

/** "4/7", "04/07" → [4, 7]; a whole number m → [m, null]. */
function countValue(v: Cell): [number, number | null] | null {
  if (v instanceof Date) return null;
  if (typeof v === 'number') return Number.isInteger(v) && v >= 1 ? [v, null] : null;
  const s = text(v).replace(/^'/, '');
  const m = /^(\d{1,4})\s*(?:\/\s*(\d{1,4}))?$/.exec(s);
  if (!m) return null;
  const [a, b] = [Number(m[1]), m[2] ? Number(m[2]) : null];
  return a >= 1 && (b === null || (b >= 1 && a <= b)) ? [a, b] : null;
}

/** The kind as the sheet writes it; "đơn vị" instead of "xã" where the rows are districts. */
export function kindLabel(kind: TargetKind, rowsAreDistricts = false): string {
  const rows = rowsAreDistricts ? 'đơn vị' : 'xã';
  return { share: `Tỉ lệ ${rows}`, count: `Số ${rows}`, unit: 'Mức của đơn vị', named: 'Đơn vị được nêu' }[kind];
}

/** The nine cells of a target's row, as text (Giá trị always text: "4/7" must not become a date). */
export function targetSheetRow(t: Target, stt: number | string, rowsAreDistricts = false): string[] {
  const value =
    t.kind === 'share' ? `${t.value}%` : t.kind === 'count' ? (t.of !== null ? `${t.value}/${t.of}` : `${t.value}`) : t.kind === 'named' ? t.names.join('; ') : '';
  return [
    String(stt),
    programmeLabel(t.programme, t.age),
    t.level,
    kindLabel(t.kind, rowsAreDistricts),
    value,
    t.when,
    t.scope,
    t.mode === 'maintain' ? 'Duy trì' : 'Phấn đấu',
    t.text,
  ];
}

/** The sheet's cells: title, header, one row per target. */
export function targetSheetCells(targets: readonly Target[], rowsAreDistricts = false): string[][] {
  return [[TARGET_TITLE], [], [...TARGET_HEADINGS], ...targets.map((t, i) => targetSheetRow(t, i + 1, rowsAreDistricts))];
}
