// Storing what a parsed file holds: a district workbook (many communes) or a commune's form
// (one row). Each file is planned against the stored values — its status, its changes in the
// file's own coordinates, its findings — and then stored in its own transaction, or not at all.
// A form that carries its origin is also merged against what it went out with (mergeIssued).
// A dry run goes through the very same steps and rolls the transaction back.
// Storing never depends on validity: a grid with errors is kept as is and its findings reported.
import { basename, extname } from 'node:path';
import type { ImportFileResult } from '../../shared/api';
import { parseOrigin, type FormOrigin } from '../../shared/form-origin';
import { columnsOf, groupsOf } from '../../shared/grid';
import { validateWorkbook } from '../../shared/report';
import { guessUnit } from '../../shared/sheet/district';
import { locate, type RecognisedSheet } from '../../shared/sheet/recognise';
import { MARK, markState } from '../../shared/text/marks';
import { cleanText, fold, unitKey } from '../../shared/text/normalize';
import { parseFile, type ParsedFile } from './batch/parse';
import type { WorkbookRead } from './excel/read';
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

/** The district a workbook belongs to: created from the file when the database has none. */
function districtFor(store: Store, wb: WorkbookRead, origin: FormOrigin | null): UnitRecord | null {
  const existing = store.districts();
  if (origin) {
    const d = store.getUnit(origin.districtId);
    if (d && unitKey(d.name) === unitKey(origin.district)) return d;
    // Issued from another database: its ids mean nothing here, the district's name does.
    const named = existing.find((x) => unitKey(x.name) === unitKey(origin.district));
    if (named) return named;
  }
  const guess = guessUnit(wb.sheets[0].titles);
  if (existing.length) return (guess && existing.find((d) => unitKey(d.name) === unitKey(guess.name))) ?? existing[0];
  if (isCommuneFile(wb, origin)) return null; // a lone commune's form cannot found a district
  return store.addUnit({ parentId: null, name: guess?.name ?? basename(wb.file, extname(wb.file)), kind: 'huyen' });
}

function isCommuneFile(wb: WorkbookRead, origin: FormOrigin | null): boolean {
  return origin !== null || wb.sheets.every((s) => s.grid.rows.length <= 1 && s.totalRow === undefined);
}

/**
 * Communes by normalised name and alias, and their names as written (for unit.unknown, which
 * normalises them itself); created from the file when the district has none.
 */
interface Communes {
  units: Map<string, UnitRecord>;
  known: string[];
}

function communesOf(store: Store, district: UnitRecord, sheets: RecognisedSheet[], memory: BatchMemory): Communes {
  const remembered = memory.districts.get(district.id);
  if (remembered) return remembered;
  let children = store.children(district.id);
  // Communes made from this file may yet be rolled back with it: those are never remembered.
  const made = !children.length;
  if (made) {
    const names = new Map<string, string>();
    for (const s of sheets) for (const row of s.grid.rows) if (unitKey(row.unit) && !names.has(unitKey(row.unit))) names.set(unitKey(row.unit), row.unit);
    children = store.addUnits(district.id, [...names.values()], 'xa');
  }
  const aliases = store.childAliases(district.id);
  const byKey = new Map<string, UnitRecord>();
  const known: string[] = [];
  for (const u of children) {
    for (const n of [u.name, ...(aliases.get(u.id) ?? [])]) {
      byKey.set(unitKey(n), u);
      known.push(n);
    }
  }
  const communes = { units: byKey, known };
  if (!made) memory.districts.set(district.id, communes);
  return communes;
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

/**
 * The commune a form belongs to, and whether its origin named it. An origin's unit id is only
 * meaningful in the database that issued the form: forms issued from another database (another
 * PC, or before the data was reloaded) carry ids that name other communes here. So the origin's
 * commune name decides (a renamed commune keeps its old name as an alias), then the name inside
 * the sheet, then the file name.
 */
function matchCommune(units: Map<string, UnitRecord>, wb: WorkbookRead, origin: FormOrigin | null): { unit: UnitRecord; byOrigin: boolean } | null {
  if (origin) {
    const named = units.get(unitKey(origin.commune));
    if (named) return { unit: named, byOrigin: true };
  }
  const inside = wb.sheets.map((s) => s.grid.rows[0]?.unit).find(Boolean);
  const byName = (inside ? units.get(unitKey(inside)) : undefined) ?? namesFromFile(wb.file).map((n) => units.get(unitKey(n))).find(Boolean);
  return byName ? { unit: byName, byOrigin: false } : null;
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
  if (!wb.sheets.length) {
    return rejected(p.name, wb.unrecognized.length ? `tệp không có trang nào là biểu phụ lục (Phụ lục 1–4): ${wb.unrecognized[0].reason}.` : 'sổ làm việc không có trang nào.');
  }
  let result: ImportFileResult | undefined;
  try {
    store.transaction(() => {
      const district = districtFor(store, wb, origin);
      if (!district) {
        result = { file: p.name, unit: null, status: 'unknown-unit', changes: [], findings: validateWorkbook(p.name, wb).findings };
        throw new RollBack();
      }
      const { units, known } = communesOf(store, district, wb.sheets, memory);
      const findings = validateWorkbook(p.name, wb, known).findings;
      const communeFile = isCommuneFile(wb, origin);
      const match = communeFile ? matchCommune(units, wb, origin) : null;
      const commune = match?.unit ?? null;
      if (communeFile && !commune) {
        result = { file: p.name, unit: null, status: 'unknown-unit', changes: [], findings };
        throw new RollBack();
      }
      const rowUnits = (rs: RecognisedSheet) => rs.grid.rows.map((row) => commune ?? units.get(unitKey(row.unit)) ?? null);
      const plans = wb.sheets.map((rs) => planSheet(store, district, rs, rowUnits(rs)));
      // Only the rows the file writes: a commune's form among 200 must not read the district's grid.
      const stored = plans.map((plan) => store.getValuesOf(plan.reportId, plan.writes.map((w) => w.unitId)));
      // A form matched by its origin: only what the commune changed since it went out is written.
      let conflict = false;
      if (commune && origin && match?.byOrigin) {
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
        return plan.writes.map((w) => ({ sheet: wb.sheets[i].sheet, cell: plan.where.get(`${w.unitId}|${w.key}`) ?? null, old: now.get(w.unitId)?.[w.key] ?? '', new: w.value }));
      });
      const unit = commune ? commune.name : district.name;
      const first = commune ? memory.communes.get(commune.id) : undefined;
      if (commune && first !== undefined) {
        result = { file: p.name, unit, status: 'duplicate', changes, findings };
        throw new RollBack();
      }
      if (commune) memory.communes.set(commune.id, p.name);
      if (conflict && !opts.force) {
        result = { file: p.name, unit, status: 'conflict', changes, findings };
        throw new RollBack();
      }
      for (const plan of plans) store.setValues(plan.reportId, plan.writes, { kind: 'file', file: basename(p.name) });
      if (commune) store.addSubmission({ unitId: commune.id, file: basename(p.name), sha256: p.sha256, changes: changes.length });
      result = { file: p.name, unit, status: 'ok', changes, findings };
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
