// Storing what a parsed file holds: a district workbook (many communes) or a commune's form
// (one row). Each file is planned against the stored values — its status, its changes in the
// file's own coordinates, its findings — and then stored in its own transaction, or not at all.
// A form that carries its origin is checked (form-seal.ts: signed by this database? does its name
// cell say the same commune?) and, when genuine, merged against what it went out with (mergeIssued).
// `ok` means stored: a file whose cells would land nowhere is never `ok`.
// A dry run goes through the very same steps and rolls the transaction back.
// Storing never depends on validity: a grid with errors is kept as is and its findings reported.
import { columnLabeller } from '../../shared/column-label';
import { lockedReason } from './store/store';
import { basename, extname } from 'node:path';
import type { ImportFileResult } from '../../shared/api';
import { parseOrigin, type FormOrigin } from '../../shared/form-origin';
import { columnsOf, groupsOf } from '../../shared/grid';
import { readWorkbookTargets, validateWorkbook, type Finding } from '../../shared/report';
import { guessDistrict } from '../../shared/sheet/district';
import { locate, type RecognisedSheet } from '../../shared/sheet/recognise';
import { MARK, markState } from '../../shared/text/marks';
import { cleanText, fold, unitKey } from '../../shared/text/normalize';
import { parseFile, type ParsedFile } from './batch/parse';
import { originTrust, storeSeal, type OriginTrust } from './form-seal';
import type { WorkbookRead } from './excel/read';
import { planCountSheet } from './counts-store';
import { levelFindingsAcross, storedCountCheck } from './counts-check';
import { locateCount, type RecognisedCountSheet } from '../../shared/counts/read';
import { columnOf } from '../../shared/counts/templates';
import { dayAfter, KINDS, splitKind, viDate, type UnitSnapshot } from '../../shared/units';
import type { Store } from './store/store';
import type { CellWrite, UnitRecord } from './store/types';

export type { ImportFileResult };
export type ImportStatus = ImportFileResult['status'];

export interface ImportOptions {
  dryRun?: boolean;
  /** Store files whose values were changed both in the app and in the file since the form went out. */
  force?: boolean;
}

/** What a batch remembers between files: which commune came from which file. */
export interface BatchMemory {
  communes: Map<number, string>;
  /** A district's communes by name and alias, read once per batch (communesOf). */
  districts: Map<number, Communes>;
}

export const newBatchMemory = (): BatchMemory => ({ communes: new Map(), districts: new Map() });

class RollBack extends Error {}

const rejected = (file: string, reason: string): ImportFileResult => ({ file, unit: null, status: 'rejected', changes: [], findings: [], reason });

type DistrictPick = { unit: UnitRecord; created?: true } | { unit: null; reason?: string };

/**
 * The district a workbook belongs to. A form's origin names it; otherwise the workbook's titles
 * ("TRÊN ĐỊA BÀN HUYỆN …"). A district workbook of a district the database does not have creates
 * it (under the province its titles name, if any) rather than landing in another district, where
 * none of its communes would match and nothing would be stored. A commune's file cannot found a
 * district, so it is matched among the districts there are.
 */
function districtFor(store: Store, wb: WorkbookRead, origin: FormOrigin | null): DistrictPick {
  if (origin) {
    // A form of this database (the usual case, once per file of a batch): settled by one row.
    const d = store.getUnit(origin.districtId);
    if (d && unitKey(d.name) === unitKey(origin.district)) return { unit: d };
  }
  const existing = store.districts();
  if (origin) {
    // Issued from another database: its ids mean nothing here, the district's name does.
    const named = existing.find((x) => unitKey(x.name) === unitKey(origin.district));
    if (named) return { unit: named };
  }
  const guess = guessDistrict([...wb.sheets.flatMap((s) => s.titles), ...(wb.counts ?? []).flatMap((c) => c.titles ?? [])]);
  const named = guess.district && existing.find((d) => unitKey(d.name) === unitKey(guess.district!.name));
  if (named) return { unit: named };
  if (isCommuneFile(wb, origin)) return existing.length ? { unit: existing[0] } : { unit: null };
  if (!guess.district) {
    // No district named: the one whose communes the rows name, else (an empty database) one
    // named after the file.
    const best = districtByRows(store, existing, wb);
    if (best) return { unit: best };
    if (existing.length) {
      return { unit: null, reason: 'tệp không ghi tên huyện ở dòng tiêu đề và không xã nào trong tệp thuộc huyện nào trong cơ sở dữ liệu.' };
    }
    return { unit: store.addUnit({ parentId: null, name: basename(wb.file, extname(wb.file)), kind: 'huyen' }), created: true };
  }
  let parentId: number | null = null;
  if (guess.province) {
    const p = guess.province;
    const province = store.listUnits().find((u) => u.kind === 'tinh' && u.parentId === null && unitKey(u.name) === unitKey(p.name));
    parentId = (province ?? store.addUnit({ parentId: null, name: p.name, kind: 'tinh' })).id;
  }
  return { unit: store.addUnit({ parentId, name: guess.district.name, kind: 'huyen' }), created: true };
}

/** The existing district that has the most of the workbook's row names among its communes. */
function districtByRows(store: Store, districts: UnitRecord[], wb: WorkbookRead): UnitRecord | null {
  const rows = new Set([...wb.sheets.flatMap((s) => s.grid.rows.map((r) => unitKey(r.unit))), ...(wb.counts ?? []).flatMap((c) => c.rows.map((r) => unitKey(r.unit)))]);
  let best: UnitRecord | null = null;
  let most = 0;
  for (const d of districts) {
    const aliases = store.childAliases(d.id);
    const names = new Set(store.children(d.id).flatMap((c) => [c.name, ...(aliases.get(c.id) ?? [])].map(unitKey)));
    const hits = [...rows].filter((r) => names.has(r)).length;
    if (hits > most) [best, most] = [d, hits];
  }
  return best;
}

function isCommuneFile(wb: WorkbookRead, origin: FormOrigin | null): boolean {
  if (origin !== null) return true;
  // A file of count tables only is a district's (a commune's form always carries its Phụ lục).
  if (!wb.sheets.length) return false;
  return wb.sheets.every((s) => s.grid.rows.length <= 1 && s.totalRow === undefined) && (wb.counts ?? []).every((c) => c.rows.length <= 1 && c.totalRow === undefined);
}

/**
 * Communes by normalised name and alias, and their names as written (for unit.unknown, which
 * normalises them itself); created from the file when the district has none.
 */
interface Communes {
  units: Map<string, UnitRecord>;
  known: string[];
  /** The district's communes no longer in force (merged, retired) by name and alias: never written, said as such. */
  retired: Map<string, UnitRecord>;
}

function communesOf(store: Store, district: UnitRecord, sheets: RecognisedSheet[], memory: BatchMemory, counts: readonly RecognisedCountSheet[] = []): Communes {
  const remembered = memory.districts.get(district.id);
  if (remembered) return remembered;
  // Communes made from this file may yet be rolled back with it: those are never remembered.
  const count = store.childCount(district.id);
  const made = count === 0;
  let created: UnitRecord[] | undefined;
  if (made) {
    const names = new Map<string, string>();
    for (const row of [...sheets.flatMap((s) => s.grid.rows), ...counts.flatMap((c) => c.rows)]) if (unitKey(row.unit) && !names.has(unitKey(row.unit))) names.set(unitKey(row.unit), row.unit);
    created = store.addUnits(district.id, [...names.values()], 'xa');
  }
  // The rows of the district's grids (store.rows): a file row naming a commune merged or retired
  // is not written into it, where no grid shows it and its successor would be counted beside it.
  // Communes just made from the file are all of them, with no dates and no aliases.
  const rows = created ?? store.rows(district.id);
  const inForce = new Set(rows.map((u) => u.id));
  const aliases = created ? new Map<number, string[]>() : store.childAliases(district.id);
  const byKey = new Map<string, UnitRecord>();
  const retired = new Map<string, UnitRecord>();
  const known: string[] = [];
  for (const u of rows) {
    for (const n of [u.name, ...(aliases.get(u.id) ?? [])]) {
      byKey.set(unitKey(n), u);
      known.push(n);
    }
  }
  // The district's other units (merged, retired, not yet in force): listed only when there are
  // any (a national workbook's 10,000 communes were listed once more for none).
  const others = !created && count > rows.length ? store.children(district.id) : [];
  for (const u of others) {
    if (inForce.has(u.id)) continue;
    for (const n of [u.name, ...(aliases.get(u.id) ?? [])]) if (!byKey.has(unitKey(n))) retired.set(unitKey(n), u);
  }
  const communes = { units: byKey, known, retired };
  if (!made) memory.districts.set(district.id, communes);
  return communes;
}

/** "Xã Nội Thôn đã thôi hiệu lực từ ngày 01/07/2025 (nhập vào xã Nội Cải)": where a commune no longer in force went (DOMAIN.md §11.1). */
function retiredPhrase(snap: UnitSnapshot, unitId: number): string | null {
  const byId = new Map(snap.units.map((u) => [u.id, u]));
  const phrase = (id: number, lower: boolean) => {
    const u = byId.get(id)!;
    if (splitKind(u.name).kind) return u.name;
    const word = KINDS[u.kind].word;
    return `${lower ? word.toLowerCase() : word} ${u.name}`;
  };
  const to = byId.get(unitId)?.validTo;
  if (!to) return null;
  const successors = snap.links.filter((l) => l.from === unitId && byId.has(l.to)).map((l) => phrase(l.to, true));
  return `${phrase(unitId, false)} đã thôi hiệu lực từ ngày ${viDate(dayAfter(to))}${successors.length ? ` (nhập vào ${successors.join(', ')})` : ''}`;
}

/**
 * A unit.unknown finding on a row naming a commune merged or retired says so, with its successor.
 * The row is not written (communesOf); the officer sees why, and where its commune went.
 */
function sayRetired(store: Store, findings: Finding[], retired: Map<string, UnitRecord>): Finding[] {
  if (!retired.size || !findings.some((f) => f.rule === 'unit.unknown' && f.unit && retired.has(unitKey(f.unit)))) return findings;
  const snap = store.reform.snapshot();
  return findings.map((f) => {
    const u = f.rule === 'unit.unknown' && f.unit ? retired.get(unitKey(f.unit)) : undefined;
    const said = u && retiredPhrase(snap, u.id);
    return said ? { ...f, message: `${said}: số liệu của dòng này không được nhập.` } : f;
  });
}

/** Why a commune's own file is not stored when it is of a commune merged or retired (by its origin, else its name cell), or undefined. */
function retiredFile(store: Store, retired: Map<string, UnitRecord>, wb: WorkbookRead, origin: FormOrigin | null): string | undefined {
  const name = [origin?.commune, nameCell(wb)].find((n) => n && retired.has(unitKey(n)));
  const said = name && retiredPhrase(store.reform.snapshot(), retired.get(unitKey(name))!.id);
  return said ? `${said}: biểu của xã này không được nhập.` : undefined;
}

// What copying a file adds to its name: Windows "X - Copy", "X - Copy (2)", "X - Bản sao" (in
// Vietnamese), older Windows "Copy of X", "Copy (2) of X", macOS "X copy 2", a browser's second
// download "X (1)", "x_2". Matched on the folded name: "Bản sao" comes composed or decomposed, with
// its tone marks or without, and folded first it is always "ban sao".
const COPY_BEFORE = /^(?:copy|ban sao)(?: \(\d+\))? (?:of|cua) /;
const COPY_AFTER = / (?:\(\d+\)|\d+|copy|ban sao)$/;

/**
 * The names a file name may stand for, the file name as a last resort: "Can_Nong (1).xlsx",
 * "can-nong_2.xlsx", "Can_Nong - Bản sao.xlsx" → "can nong". The whole name comes first, for a
 * ward whose number is its name ("Phuong_3.xlsx").
 */
function namesFromFile(file: string): string[] {
  const whole = fold(basename(file, extname(file)).replace(/[_-]+/g, ' '));
  let name = whole.replace(COPY_BEFORE, '');
  for (let was = ''; was !== name; ) {
    was = name;
    name = name.replace(COPY_AFTER, '').trim();
  }
  return name && name !== whole ? [whole, name] : [whole];
}

/** The commune's name as its sheets write it (the first row's name cell that is not blank). */
function nameCell(wb: WorkbookRead): string | undefined {
  return wb.sheets.map((s) => s.grid.rows[0]?.unit).find(Boolean);
}

/** The commune a file without a trusted origin is of: its name cell, else its file name. */
function matchByName(units: Map<string, UnitRecord>, wb: WorkbookRead): UnitRecord | undefined {
  const inside = nameCell(wb);
  return (inside ? units.get(unitKey(inside)) : undefined) ?? namesFromFile(wb.file).map((n) => units.get(unitKey(n))).find(Boolean);
}

interface CommuneMatch {
  unit: UnitRecord;
  /** Merged against what the origin says was issued (a genuine form of this database). */
  byOrigin: boolean;
  /** Why the file must not be stored unless the officer ticks it (status conflict). */
  doubt?: string;
}

const q = (name: string) => `"${name}"`;

/** "Huyện Mẫu"; a name that carries its kind ("Thành phố Cao Bằng", "Quận 3") is left as it is. */
function districtPhrase(name: string): string {
  return /^(huyện|quận|thị xã|thành phố)\s/i.test(name) ? name : `Huyện ${name}`;
}

/**
 * The commune a form belongs to, and how far its origin can be trusted (form-seal.ts).
 *
 * - A genuine origin of this database names the commune, and its issued values are the base of
 *   the merge. Still, the name cell must say the same commune: the sheet's protection keeps it
 *   from being retyped by accident, so a disagreement is someone's doing (a commune that filled
 *   in its neighbour's form after unprotecting it) and the officer decides.
 * - An origin of this database whose signature does not verify, or one sent before forms were
 *   signed, cannot be told from a forged one: conflict, with the communes it names.
 * - An origin of another database cannot be verified here and its ids mean nothing here. When
 *   its district and commune are this database's by name, and the name cell agrees, the file is
 *   worth exactly what its names are worth, the same as a commune's own file with no origin: it
 *   is matched by name and all its cells are written (no merge against the other database's
 *   issued values). When they are not: conflict, or rejected when nothing here matches.
 *
 * A file the officer ticks anyway (force) is stored as before signatures: matched by the
 * origin's commune name (else the name cell), and merged against what it says was issued.
 */
function matchCommune(
  units: Map<string, UnitRecord>,
  district: UnitRecord,
  wb: WorkbookRead,
  origin: FormOrigin | null,
  trust: OriginTrust | null,
): CommuneMatch | { unit: null; reason?: string } {
  if (!origin || !trust) {
    const unit = matchByName(units, wb);
    return unit ? { unit, byOrigin: false } : { unit: null };
  }
  const named = units.get(unitKey(origin.commune));
  const inside = nameCell(wb);
  const insideUnit = inside ? units.get(unitKey(inside)) : undefined;
  const disagrees = inside !== undefined && insideUnit?.id !== named?.id;
  const mismatch = disagrees ? `Biểu ghi là của xã ${q(origin.commune)} nhưng ô tên xã ghi ${q(inside)}` : undefined;
  if (trust === 'foreign') {
    const sameDistrict = unitKey(origin.district) === unitKey(district.name);
    if (named && sameDistrict && !disagrees) return { unit: named, byOrigin: false };
    const unit = insideUnit ?? named;
    const where = `Biểu được gửi đi từ một cơ sở dữ liệu khác, ghi là của xã ${q(origin.commune)} (huyện ${q(origin.district)})`;
    const why = !sameDistrict || !named ? `${where}, không khớp với đơn vị nào của huyện ${q(district.name)} ở đây` : where;
    const reason = [why, mismatch && `ô tên xã ghi ${q(inside!)}`].filter(Boolean).join(', nhưng ') + '.';
    return unit ? { unit, byOrigin: false, doubt: reason } : { unit: null, reason };
  }
  const unit = named ?? insideUnit;
  const doubts: string[] = [];
  if (trust === 'unsigned') {
    doubts.push(`Biểu của xã ${q(origin.commune)} được gửi đi từ phiên bản trước của ứng dụng, chưa có chữ ký: không kiểm được đây có đúng là biểu đã gửi cho xã này không`);
  } else if (trust === 'bad-signature') {
    doubts.push(`Chữ ký của biểu không khớp: phần ghi biểu này của xã ${q(origin.commune)} đã bị sửa sau khi gửi đi`);
  }
  if (mismatch) doubts.push(mismatch);
  const doubt = doubts.length ? `${doubts.join('; ')}.` : undefined;
  if (!unit) return { unit: null, reason: doubt ?? `Biểu ghi là của xã ${q(origin.commune)}, không có trong huyện ${q(district.name)}.` };
  return { unit, byOrigin: named !== undefined, doubt };
}

/** Two sheets of the workbook that are the same Phụ lục (same template and years), if any. */
function sameGridTwice(wb: WorkbookRead): [string, string] | null {
  const seen = new Map<string, string>();
  for (const s of wb.sheets) {
    const id = `${s.template.id}|${JSON.stringify(s.grid.layout)}`;
    const first = seen.get(id);
    if (first !== undefined) return [first, s.sheet];
    seen.set(id, s.sheet);
  }
  return null;
}

interface SheetPlan {
  reportId: number;
  writes: CellWrite[];
  where: Map<string, string | null>;
}

function planSheet(store: Store, district: UnitRecord, rs: RecognisedSheet, rowUnits: (UnitRecord | null)[]): SheetPlan {
  const report = store.ensureReport(rs.template.id, district.id, rs.grid.layout);
  const keys = columnsOf(rs.template, rs.grid.layout).filter((c) => rs.columns[c.key] !== undefined);
  const plan: SheetPlan = { reportId: report.id, writes: [], where: new Map() };
  const done = new Set<number>();
  rs.grid.rows.forEach((row, i) => {
    const unit = rowUnits[i];
    if (!unit || done.has(unit.id)) return; // unknown or twice in the grid: reported by the rules, not stored
    done.add(unit.id);
    for (const c of keys) {
      plan.writes.push({ unitId: unit.id, key: c.key, value: row.values[c.key] ?? '' });
      plan.where.set(`${unit.id}|${c.key}`, locate(rs, { row: i, col: c.key }));
    }
  });
  if (rs.totalRow !== undefined) {
    for (const c of keys.filter((k) => k.kind === 'text')) {
      plan.writes.push({ unitId: district.id, key: c.key, value: rs.grid.totalTexts[c.key] ?? '' });
      plan.where.set(`${district.id}|${c.key}`, locate(rs, { row: 'total', col: c.key }));
    }
  }
  return plan;
}

/** How the reader gives a value back: a mark as "x", text cleaned (what was issued was not read). */
function asRead(value: string | undefined, kind: 'mark' | 'text'): string {
  if (value === undefined) return '';
  return kind === 'mark' && markState(value) === 'mark' ? MARK : cleanText(value);
}

/**
 * A returned form against the values it went out with (its origin): a three-way merge of what was
 * issued, what the app holds now and what the file says. The commune's changes are where the file
 * differs from the form as issued, and only those are written: a value the app changed since the
 * form went out, and the commune left alone, stays as the app has it. Returns whether the commune
 * and the app changed the same thing since, to different results (a conflict).
 *
 * Marks are compared a group at a time (one result year, per age for preschool, or one period),
 * not a cell at a time: a group's marks are one answer (its level), and moving a mark changes two
 * cells. Cell by cell, a mark moved to MĐ2 in the app and to MĐ3 in the file touches different
 * cells, so it looked like no conflict, and storing the file's cells left the group with the app's
 * level cleared or with two marks. So a group the commune changed is written whole from the file,
 * and is a conflict when the app changed it too and the two results differ. A Đánh giá text is an
 * answer of its own: a conflict when both changed it to different texts.
 */
function mergeIssued(plan: SheetPlan, rs: RecognisedSheet, issued: Record<string, string>, now: Record<string, string>, unitId: number): boolean {
  const file = new Map(plan.writes.filter((w) => w.unitId === unitId).map((w) => [w.key, w.value]));
  const write = new Set<string>();
  let conflict = false;
  for (const g of groupsOf(rs.template, rs.grid.layout)) {
    const parts: { keys: string[]; kind: 'mark' | 'text' }[] = [{ keys: g.marks.filter((k) => file.has(k)), kind: 'mark' }];
    if (g.assessment && file.has(g.assessment)) parts.push({ keys: [g.assessment], kind: 'text' });
    for (const { keys, kind } of parts) {
      const was = (k: string) => asRead(issued[k], kind);
      const mine = (k: string) => asRead(now[k], kind);
      if (keys.every((k) => file.get(k) === was(k))) continue; // as issued: the commune changed nothing here
      for (const k of keys) write.add(k);
      if (keys.some((k) => mine(k) !== was(k)) && keys.some((k) => mine(k) !== file.get(k))) conflict = true;
    }
  }
  plan.writes = plan.writes.filter((w) => w.unitId !== unitId || write.has(w.key));
  return conflict;
}

/** Plans and (unless a dry run, or a status that forbids it) stores one parsed file. */
export function storeParsed(store: Store, p: ParsedFile, memory: BatchMemory = newBatchMemory(), opts: ImportOptions = {}): ImportFileResult {
  if (!p.ok) return rejected(p.name, p.reason);
  const { wb } = p;
  const origin = p.originText ? parseOrigin(p.originText) : null;
  if (!wb.sheets.length && !wb.counts?.length) {
    return rejected(p.name, wb.unrecognized.length ? `tệp không có trang nào là biểu phụ lục (Phụ lục 1–4) hay biểu số liệu: ${wb.unrecognized[0].reason}.` : 'sổ làm việc không có trang nào.');
  }
  // Both sheets would be stored into the same cells, the second over the first (marks of both
  // left together where they differ): which one is meant is the officer's to say, by deleting
  // the other. Refused outright rather than a conflict: ticking the file could not say which.
  const twice = sameGridTwice(wb);
  if (twice) {
    return rejected(p.name, `tệp có hai trang cùng là một biểu (${q(twice[0])} và ${q(twice[1])}): không rõ trang nào đúng nên không nhập trang nào. Hãy xóa trang thừa rồi nhập lại.`);
  }
  const trust = origin ? originTrust(storeSeal(store), origin) : null;
  let result: ImportFileResult | undefined;
  try {
    store.transaction(() => {
      const pick = districtFor(store, wb, origin);
      const district = pick.unit;
      if (!district) {
        const findings = validateWorkbook(p.name, wb).findings;
        result = pick.reason ? { ...rejected(p.name, pick.reason), findings } : { file: p.name, unit: null, status: 'unknown-unit', changes: [], findings };
        throw new RollBack();
      }
      const { units, known, retired } = communesOf(store, district, wb.sheets, memory, wb.counts ?? []);
      const note = 'created' in pick && pick.created ? `Tạo huyện mới: ${districtPhrase(district.name)}, ${store.childCount(district.id)} xã` : undefined;
      const findings = sayRetired(store, validateWorkbook(p.name, wb, known).findings, retired);
      const communeFile = isCommuneFile(wb, origin);
      let match = communeFile ? matchCommune(units, district, wb, origin, trust) : null;
      // The hidden origin is there but is not one (cut, or edited into something else): no
      // better than a forged one, so matched by name but stored only when ticked.
      if (match?.unit && p.originText !== null && origin === null) {
        match = { ...match, doubt: `Phần ghi nguồn gốc của biểu (trang ẩn) bị hỏng hoặc đã bị sửa: không kiểm được đây có đúng là biểu đã gửi cho xã ${q(match.unit.name)} không.` };
      }
      const commune = match?.unit ?? null;
      if (communeFile && !commune) {
        const reason = retiredFile(store, retired, wb, origin) ?? (match && 'reason' in match ? match.reason : undefined);
        result = reason ? { ...rejected(p.name, reason), findings } : { file: p.name, unit: null, status: 'unknown-unit', changes: [], findings };
        throw new RollBack();
      }
      const doubt = match && 'doubt' in match ? match.doubt : undefined;
      // Forced past a doubt, a form is stored as before forms were signed (see matchCommune).
      const mergeWithOrigin = Boolean(match && 'byOrigin' in match && match.byOrigin) || (doubt !== undefined && origin !== null && units.get(unitKey(origin.commune))?.id === commune?.id);
      // Each sheet's row units, worked out once (plans, the changes' names, the checks below).
      const unitsBySheet = new Map<RecognisedSheet, (UnitRecord | null)[]>();
      const rowUnits = (rs: RecognisedSheet) => {
        let out = unitsBySheet.get(rs);
        if (!out) unitsBySheet.set(rs, (out = rs.grid.rows.map((row) => commune ?? units.get(unitKey(row.unit)) ?? null)));
        return out;
      };
      const plans = wb.sheets.map((rs) => planSheet(store, district, rs, rowUnits(rs)));
      // Only the rows the file writes: a commune's form among 200 must not read the district's grid.
      const stored = plans.map((plan) => store.getValuesOf(plan.reportId, plan.writes.map((w) => w.unitId)));
      // A form matched by its origin: only what the commune changed since it went out is written.
      let conflict = false;
      if (commune && origin && mergeWithOrigin) {
        plans.forEach((plan, i) => {
          const rs = wb.sheets[i];
          const issued = origin.grids.find((g) => g.template === rs.template.id && JSON.stringify(g.layout) === JSON.stringify(rs.grid.layout));
          if (issued && mergeIssued(plan, rs, issued.values, stored[i].get(commune.id) ?? {}, commune.id)) conflict = true;
        });
      }
      const changes = plans.flatMap((plan, i) => {
        const now = stored[i];
        // Only real changes go on to be stored: the rest are no-ops setValues would skip anyway.
        plan.writes = plan.writes.filter((w) => (now.get(w.unitId)?.[w.key] ?? '') !== w.value);
        // In the officer's words beside the file's address: the commune (or the district's total row) and the column.
        const rs = wb.sheets[i];
        const names = new Map<number, string>([[district.id, `Tổng ${district.name}`]]);
        for (const u of rowUnits(rs)) if (u) names.set(u.id, u.name);
        const columnOfKey = columnLabeller(rs.template, rs.grid.layout);
        return plan.writes.map((w) => ({
          sheet: rs.sheet,
          cell: plan.where.get(`${w.unitId}|${w.key}`) ?? null,
          unitName: names.get(w.unitId) ?? '',
          column: columnOfKey(w.key),
          old: now.get(w.unitId)?.[w.key] ?? '',
          new: w.value,
        }));
      });
      // Count tables (DOMAIN.md §9): stored as reports of their template and year, row by commune.
      const countPlans = (wb.counts ?? []).map((cs) =>
        planCountSheet(store, district, cs, (row) => commune ?? units.get(unitKey(row.unit)) ?? null, (row, key) => locateCount(cs, { row, col: key })),
      );
      countPlans.forEach((plan, i) => {
        const now = store.getValuesOf(plan.reportId, plan.writes.map((w) => w.unitId));
        plan.writes = plan.writes.filter((w) => (now.get(w.unitId)?.[w.key] ?? '') !== w.value);
        const cs = wb.counts[i];
        const names = new Map(store.children(district.id).map((u) => [u.id, u.name] as const));
        for (const w of plan.writes) {
          const col = columnOf(cs.template, w.key);
          const column = col ? (col.leaf ? `${col.group} · ${col.leaf}` : col.group) : w.key === 'dbkk' ? 'ĐBKK' : w.key;
          changes.push({ sheet: cs.sheet, cell: plan.where.get(`${w.unitId}|${w.key}`) ?? null, unitName: names.get(w.unitId) ?? '', column, old: now.get(w.unitId)?.[w.key] ?? '', new: w.value });
        }
      });
      const unit = commune ? commune.name : district.name;
      // A district workbook none of whose rows is a commune of its district stores nothing:
      // never `ok` (the commune names would be reported by unit.unknown).
      if (!communeFile && wb.sheets.some((rs) => rs.grid.rows.length) && wb.sheets.every((rs) => rowUnits(rs).every((u) => u === null))) {
        result = { ...rejected(p.name, `không xã nào trong tệp thuộc huyện ${q(district.name)}: không có gì để nhập.`), unit, findings };
        throw new RollBack();
      }
      const first = commune ? memory.communes.get(commune.id) : undefined;
      if (commune && first !== undefined) {
        result = { file: p.name, unit, status: 'duplicate', changes, findings };
        throw new RollBack();
      }
      // A locked report is never overwritten, not even with force: it is unlocked first, knowingly.
      const locked = plans.find((plan) => plan.writes.length > 0 && store.isLocked(plan.reportId));
      if (locked) {
        const template = store.getReport(locked.reportId)!.template;
        result = { ...rejected(p.name, `${lockedReason(template)} Tệp không được nhập.`), unit, changes, findings };
        throw new RollBack();
      }
      if (commune) memory.communes.set(commune.id, p.name);
      if (doubt !== undefined && !opts.force) {
        result = { file: p.name, unit, status: 'conflict', changes, findings, reason: doubt };
        throw new RollBack();
      }
      if (conflict && !opts.force) {
        result = { file: p.name, unit, status: 'conflict', changes, findings };
        throw new RollBack();
      }
      for (const plan of [...plans, ...countPlans]) store.setValues(plan.reportId, plan.writes, { kind: 'file', file: basename(p.name) });
      // Counts against marks across the database (§9.6): this file's counts and the marks stored
      // before, or its marks and the counts stored before, whichever order they came in.
      if (store.hasCountReports(district.id)) {
        const touched = new Set<number>();
        for (const rs of wb.sheets) for (const u of rowUnits(rs)) if (u) touched.add(u.id);
        for (const cs of wb.counts ?? []) for (const row of cs.rows) {
          const u = commune ?? units.get(unitKey(row.unit));
          if (u) touched.add(u.id);
        }
        findings.push(...levelFindingsAcross(storedCountCheck(store, district), wb, (rs, i) => rowUnits(rs)[i]?.id ?? null, touched));
      }
      // A district workbook's "Mục tiêu" sheet: the plan's targets, kept with the district.
      if (!communeFile && wb.targetSheets?.length) store.reform.setTargets(district.id, readWorkbookTargets(wb).targets, { kind: 'file', file: basename(p.name) });
      if (commune) store.addSubmission({ unitId: commune.id, file: basename(p.name), sha256: p.sha256, changes: changes.length, errors: findings.filter((f) => f.severity === 'error').length });
      result = { file: p.name, unit, status: 'ok', changes, findings, ...(note ? { note } : {}), ...(doubt ? { reason: doubt } : {}) };
      if (opts.dryRun) throw new RollBack();
    });
  } catch (e) {
    if (!(e instanceof RollBack)) throw e;
  }
  return result!;
}

/** One file from bytes (a dialog, a drop, the demo seed). */
export async function importBuffer(store: Store, name: string, buf: Buffer, opts: ImportOptions = {}): Promise<ImportFileResult> {
  return storeParsed(store, await parseFile(name, buf), newBatchMemory(), opts);
}
