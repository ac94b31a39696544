// import: read workbook files and store their grids, each file in its own transaction.
// Storing never depends on validity: a grid with errors is kept as is and its findings reported.
// A dry run goes through the very same steps and rolls the transaction back.
import { basename, extname } from 'node:path';
import { columnsOf } from '../../shared/grid';
import { validateWorkbook, type Finding } from '../../shared/report';
import { guessUnit } from '../../shared/sheet/district';
import { locate, type RecognisedSheet } from '../../shared/sheet/recognise';
import { unitKey } from '../../shared/text/normalize';
import { readWorkbookBuffer, readWorkbookFile, ReadError, type WorkbookRead } from './excel/read';
import type { Store } from './store/store';
import type { CellWrite, UnitRecord } from './store/types';
import { NoGridError } from './validate';

export type ImportStatus = 'ok' | 'conflict' | 'duplicate' | 'unknown-unit' | 'rejected';

export interface ImportChange {
  sheet: string;
  cell: string | null;
  old: string;
  new: string;
}

export interface ImportFileResult {
  file: string;
  unit: string | null;
  status: ImportStatus;
  changes: ImportChange[];
  findings: Finding[];
  reason?: string;
}

export interface ImportOptions {
  dryRun?: boolean;
}

class RollBack extends Error {}

function rejected(file: string, reason: string): ImportFileResult {
  return { file, unit: null, status: 'rejected', changes: [], findings: [], reason };
}

/** The district a workbook belongs to: created from the file when the database has none. */
function districtFor(store: Store, wb: WorkbookRead): UnitRecord {
  const guess = guessUnit(wb.sheets[0].titles);
  const existing = store.districts();
  if (existing.length) {
    return (guess && existing.find((d) => unitKey(d.name) === unitKey(guess.name))) ?? existing[0];
  }
  const name = guess?.name ?? basename(wb.file, extname(wb.file));
  return store.addUnit({ parentId: null, name, kind: 'huyen' });
}

/** Commune lookup by normalised name and aliases; communes are created when the district has none. */
function communesOf(store: Store, district: UnitRecord, sheets: RecognisedSheet[]): Map<string, UnitRecord> {
  let children = store.children(district.id);
  if (!children.length) {
    const seen = new Set<string>();
    for (const s of sheets)
      for (const row of s.grid.rows) {
        const key = unitKey(row.unit);
        if (!key || seen.has(key)) continue;
        seen.add(key);
        store.addUnit({ parentId: district.id, name: row.unit, kind: 'xa' });
      }
    children = store.children(district.id);
  }
  const byKey = new Map<string, UnitRecord>();
  for (const u of children) {
    byKey.set(unitKey(u.name), u);
    for (const a of store.aliases(u.id)) byKey.set(unitKey(a), u);
  }
  return byKey;
}

function storeSheet(store: Store, district: UnitRecord, units: Map<string, UnitRecord>, rs: RecognisedSheet, file: string): ImportChange[] {
  const report = store.ensureReport(rs.template.id, district.id, rs.grid.layout);
  const keys = columnsOf(rs.template, rs.grid.layout).filter((c) => rs.columns[c.key] !== undefined);
  const writes: CellWrite[] = [];
  const where = new Map<string, string | null>();
  const done = new Set<number>();
  rs.grid.rows.forEach((row, i) => {
    const unit = units.get(unitKey(row.unit));
    if (!unit || done.has(unit.id)) return; // unknown or duplicate: reported by the rules, not stored
    done.add(unit.id);
    for (const c of keys) {
      writes.push({ unitId: unit.id, key: c.key, value: row.values[c.key] ?? '' });
      where.set(`${unit.id}|${c.key}`, locate(rs, { row: i, col: c.key }));
    }
  });
  if (rs.totalRow !== undefined) {
    for (const c of keys.filter((k) => k.kind === 'text')) {
      writes.push({ unitId: district.id, key: c.key, value: rs.grid.totalTexts[c.key] ?? '' });
      where.set(`${district.id}|${c.key}`, locate(rs, { row: 'total', col: c.key }));
    }
  }
  return store
    .setValues(report.id, writes, { kind: 'file', file: basename(file) })
    .map((ch) => ({ sheet: rs.sheet, cell: where.get(`${ch.unitId}|${ch.key}`) ?? null, old: ch.old, new: ch.new }));
}

export async function importFile(store: Store, file: string, opts: ImportOptions = {}): Promise<ImportFileResult> {
  return importRead(store, file, () => readWorkbookFile(file), opts);
}

/** The same for bytes that arrived from the renderer (a dialog, a drop). */
export async function importBuffer(store: Store, name: string, buf: Buffer, opts: ImportOptions = {}): Promise<ImportFileResult> {
  return importRead(store, name, () => readWorkbookBuffer(buf, name), opts);
}

async function importRead(store: Store, file: string, read: () => Promise<WorkbookRead>, opts: ImportOptions): Promise<ImportFileResult> {
  let wb: WorkbookRead;
  try {
    wb = await read();
    if (!wb.sheets.length) throw new NoGridError('tệp không có trang nào là biểu phụ lục (Phụ lục 1–4).');
  } catch (e) {
    if (e instanceof ReadError) return rejected(file, e.message);
    throw e;
  }
  let result: ImportFileResult | undefined;
  try {
    store.transaction(() => {
      const district = districtFor(store, wb);
      const units = communesOf(store, district, wb.sheets);
      const known = store.children(district.id).flatMap((u) => [u.name, ...store.aliases(u.id)]);
      const report = validateWorkbook(file, wb, known);
      const changes = wb.sheets.flatMap((rs) => storeSheet(store, district, units, rs, file));
      result = { file, unit: district.name, status: 'ok', changes, findings: report.findings };
      if (opts.dryRun) throw new RollBack();
    });
  } catch (e) {
    if (!(e instanceof RollBack)) throw e;
  }
  return result!;
}

export async function importFiles(store: Store, files: string[], opts: ImportOptions = {}): Promise<{ files: ImportFileResult[] }> {
  const out: ImportFileResult[] = [];
  for (const f of files) out.push(await importFile(store, f, opts));
  return { files: out };
}
