// The only module that speaks SQL. Plain Node (no electron), so the CLI, the browser host
// and the tests open the very same store the desktop app does.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { preparedOnFirstUse, type Prepared } from './prepared';
import type { Grid } from '../../../shared/grid';
import { getTemplate, isTemplateId, type Layout, type TemplateId } from '../../../shared/templates';
import { getCountTemplate, isCountTemplateId, type CountTemplateId } from '../../../shared/counts/templates';
import { cleanText } from '../../../shared/text/normalize';
import { UserError } from '../../../shared/errors';
import { localDay } from '../../../shared/units/days';
import { asDbFault, dbFaultError } from './db-faults';

/** Why a locked report's values are not changed, in the officer's words. */
export function lockedReason(template: TemplateId): string {
  const name = isCountTemplateId(template) ? `Biểu ${getCountTemplate(template).sheet}` : getTemplate(template).appendix;
  return `${name} đã khóa số liệu: không sửa được. Hãy mở khóa (nút “Mở khóa”) nếu cần sửa.`;
}
import { APPLICATION_ID, migrate, SCHEMA_VERSION, userVersion } from './migrations';
import { ReformStore } from './reform';
import type {
  SubmissionRecord,
  AuditEntry,
  CellChangeRecord,
  CellWrite,
  ChangeSource,
  ReportRecord,
  UnitKind,
  UnitRecord,
} from './types';

interface UnitRow { id: number; parent_id: number | null; name: string; kind: UnitKind; sort: number }
interface ReportRow { id: number; template: string; unit_id: number; layout: string; updated_at: string }
interface ValueRow { unit_id: number; key: string; value: string }
interface AuditRow {
  id: number; report_id: number; unit_id: number; unit_name: string; key: string;
  old: string; new: string; at: string; source: AuditEntry['source']; file: string | null;
}

const UNIT_COLS = 'id, parent_id, name, kind, sort';
const REPORT_COLS = 'id, template, unit_id, layout, updated_at';

function toUnit(r: UnitRow): UnitRecord {
  return { id: r.id, parentId: r.parent_id, name: r.name, kind: r.kind, sort: r.sort };
}

function toReport(r: ReportRow): ReportRecord {
  return { id: r.id, template: r.template as TemplateId, unitId: r.unit_id, layout: JSON.parse(r.layout) as Layout, updatedAt: r.updated_at };
}

/** Fixed key order and plain arrays, so the UNIQUE constraint sees equal layouts as equal text. */
function layoutJson(layout: Layout): string {
  return JSON.stringify({ results: [...layout.results], periods: [...layout.periods] });
}

function sqliteCode(e: unknown): string | undefined {
  return e instanceof Database.SqliteError ? e.code : undefined;
}

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

/**
 * SQLite takes a file shorter than one page for an empty database and overwrites it, so a
 * small file of something else must be turned away before SQLite sees it.
 */
export function isForeignFile(file: string): boolean {
  if (file === ':memory:' || !fs.existsSync(file) || fs.statSync(file).size === 0) return false;
  const head = Buffer.alloc(SQLITE_HEADER.length);
  const fd = fs.openSync(file, 'r');
  try {
    fs.readSync(fd, head, 0, head.length, 0);
  } finally {
    fs.closeSync(fd);
  }
  return !head.equals(SQLITE_HEADER);
}

export interface OpenOptions {
  /** How long a write waits for another connection's lock before "locked" (default 5 s). */
  busyTimeoutMs?: number;
}

/**
 * Why a database of ours cannot be used as it is, or undefined when it can: another program's
 * file, a newer app's schema, or a file that fails PRAGMA quick_check. Reads only.
 */
export function checkOpened(db: Database.Database, file: string): UserError | undefined {
  // The first read of the header: a file that is not SQLite fails here, before any write.
  const version = userVersion(db);
  const appId = db.pragma('application_id', { simple: true }) as number;
  const foreign = version === 0 && db.prepare("SELECT count(*) FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%'").pluck().get() !== 0;
  if ((appId !== 0 && appId !== APPLICATION_ID) || foreign) {
    return new UserError(`Tệp "${file}" là cơ sở dữ liệu của một chương trình khác, không phải của ứng dụng này.`, 'db.foreign');
  }
  if (version > SCHEMA_VERSION) {
    return new UserError(
      `Cơ sở dữ liệu "${file}" được tạo bởi phiên bản mới hơn của ứng dụng (phiên bản dữ liệu ${version}, ứng dụng này chỉ đọc được đến ${SCHEMA_VERSION}). Hãy cập nhật ứng dụng; tệp được giữ nguyên.`,
      'db.newer',
    );
  }
  // A damaged file must never be used as if it were sound: the faces offer a backup instead.
  const check = db.pragma('quick_check', { simple: true }) as string;
  if (check !== 'ok') return dbFaultError('corrupt', file);
  return undefined;
}

/**
 * Rows per call of a batched statement, largest first. The smaller sizes take the rest: a sheet
 * of a form or of a district's workbook writes 20–70 cells, which with only 64 and 1 went one
 * call per row (Hà Quảng's import: 4.3 → 3.9 ms, bench/ab-file.ts).
 */
const BATCH_SIZES = [64, 16, 4, 1] as const;

/**
 * A statement run over many rows, as few calls as BATCH_SIZES allow: a call into SQLite costs
 * more than the insert itself, so this halves the time of a 100,000-cell write.
 * `sql(n)` is the statement for n rows, each with `width` anonymous parameters; the named
 * parameters are shared by all rows.
 */
class Batched<Named extends object> {
  private readonly sized: [rows: number, statement: Database.Statement][];

  constructor(db: Database.Database, sql: (rows: number) => string, private readonly width: number) {
    this.sized = BATCH_SIZES.map((rows) => [rows, db.prepare(sql(rows))]);
  }

  run(named: Named, flat: unknown[]): void {
    let i = 0;
    for (const [rows, st] of this.sized) {
      const size = rows * this.width;
      for (; i + size <= flat.length; i += size) st.run(flat.slice(i, i + size), named);
    }
  }
}

function rowsOf(row: string, n: number): string {
  return Array(n).fill(row).join(', ');
}

export class Store {
  private readonly st;
  /** Every other statement, prepared on first use (prepared.ts). */
  private readonly q: Prepared;
  /** The form secret, once read (formSecret). */
  private secret?: Buffer;
  private reformPart?: ReformStore;

  /** Codes, validity, successor links, unit changes and targets (migration 4, reform.ts). */
  get reform(): ReformStore {
    return (this.reformPart ??= new ReformStore(this.db, this.q));
  }

  private constructor(
    private readonly db: Database.Database,
    readonly file: string,
  ) {
    this.q = preparedOnFirstUse(db);
    // Prepared once: setValues and grid loads run these on every call, over up to 100,000 cells.
    this.st = {
      unitValues: db.prepare<[number, number], [string, string]>('SELECT key, value FROM cell_values WHERE report_id = ? AND unit_id = ?').raw(),
      // Several units in one call (their ids as a JSON array): a district's file writes 20–30
      // communes per sheet, and a call per unit cost more than the reading.
      unitsValues: db
        .prepare<[number, string], [number, string, string]>('SELECT unit_id, key, value FROM cell_values WHERE report_id = ? AND unit_id IN (SELECT value FROM json_each(?))')
        .raw(),
      missingUnits: db.prepare<[string], number>('SELECT value FROM json_each(?) WHERE value NOT IN (SELECT id FROM units)').pluck(),
      upsert: new Batched<{ reportId: number; at: string }>(
        db,
        (n) => `INSERT INTO cell_values (report_id, unit_id, key, value, updated_at) VALUES ${rowsOf('(@reportId, ?, ?, ?, @at)', n)}
                ON CONFLICT (report_id, unit_id, key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
        3,
      ),
      clear: new Batched<{ reportId: number }>(
        db,
        (n) => `DELETE FROM cell_values WHERE report_id = @reportId AND (unit_id, key) IN (VALUES ${rowsOf('(?, ?)', n)})`,
        2,
      ),
      audit: new Batched<{ reportId: number; at: string; source: string; file: string | null }>(
        db,
        (n) => `INSERT INTO audit (report_id, unit_id, key, old, new, at, source, file) VALUES ${rowsOf('(@reportId, ?, ?, ?, ?, @at, @source, @file)', n)}`,
        4,
      ),
      touch: db.prepare<[string, number]>('UPDATE reports SET updated_at = ? WHERE id = ?'),
      unit: db.prepare<[number], UnitRow>(`SELECT ${UNIT_COLS} FROM units WHERE id = ?`),
      children: db.prepare<[number], UnitRow>(`SELECT ${UNIT_COLS} FROM units WHERE parent_id = ? ORDER BY sort, id`),
      rows: db.prepare<[number, string, string], UnitRow>(
        `SELECT ${UNIT_COLS} FROM units WHERE parent_id = ? AND (valid_from IS NULL OR valid_from <= ?) AND (valid_to IS NULL OR valid_to >= ?) ORDER BY sort, id`,
      ),
      validity: db.prepare<[number], { valid_from: string | null; valid_to: string | null }>('SELECT valid_from, valid_to FROM units WHERE id = ?'),
      report: db.prepare<[number], ReportRow>(`SELECT ${REPORT_COLS} FROM reports WHERE id = ?`),
      values: db.prepare<[number], ValueRow>('SELECT unit_id, key, value FROM cell_values WHERE report_id = ? ORDER BY unit_id, key'),
    };
  }

  /**
   * Opens (or creates) the database file and brings its schema up to date. Every failure is a
   * UserError naming the file (db-faults.ts): a damaged file ('db.corrupt', 'db.notadb'), a newer
   * app's ('db.newer', left byte for byte as it was), a directory, a locked or read-only file.
   */
  static open(file: string, options: OpenOptions = {}): Store {
    let db: Database.Database | undefined;
    try {
      if (file !== ':memory:') {
        fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
        if (fs.existsSync(file) && fs.statSync(file).isDirectory()) throw dbFaultError('isdir', file);
        if (isForeignFile(file)) throw dbFaultError('notadb', file);
        // Created by us, private to the officer: SQLite gives the -wal and -shm the same mode.
        if (!fs.existsSync(file)) fs.closeSync(fs.openSync(file, 'a', 0o600));
      }
      db = new Database(file);
      const refused = checkOpened(db, file);
      if (refused) throw refused;
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
      db.pragma(`busy_timeout = ${Math.max(0, Math.round(options.busyTimeoutMs ?? 5000))}`);
      // Foreign keys off while the schema moves (SQLite's way to rebuild a table: migration 4
      // drops and recreates units, which with them on would cascade into every value or, as
      // better-sqlite3 turns them on by default, refuse to open a database of an earlier version).
      db.pragma('foreign_keys = OFF');
      migrate(db);
      db.pragma('foreign_keys = ON');
      return new Store(db, file);
    } catch (e) {
      db?.close();
      throw asDbFault(e, file);
    }
  }

  /**
   * A consistent copy of the whole database in `dest`, taken with SQLite's online backup while
   * this connection (and others) may go on writing: it holds every committed transaction.
   */
  async backupTo(dest: string): Promise<void> {
    await this.db.backup(dest);
  }

  /**
   * Checkpoints and leaves WAL mode (the -wal and -shm go away); returns the journal mode now in
   * force, still 'wal' when another connection holds the file. Before the file is replaced.
   */
  leaveWal(): string {
    return this.db.pragma('journal_mode = DELETE', { simple: true }) as string;
  }

  close(): void {
    this.db.close();
  }

  /** Runs fn atomically; nested calls become savepoints, so an inner failure can be caught. */
  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }

  /** "ok" when the file is sound, otherwise SQLite's list of problems, one per line. */
  integrityCheck(): string {
    return (this.q('PRAGMA integrity_check').pluck().all() as string[]).join('\n');
  }

  // ── units ──────────────────────────────────────────────────────────────────────────────

  listUnits(): UnitRecord[] {
    return this.q<[], UnitRow>(`SELECT ${UNIT_COLS} FROM units ORDER BY id`).all().map(toUnit);
  }

  getUnit(id: number): UnitRecord | undefined {
    const row = this.st.unit.get(id);
    return row && toUnit(row);
  }

  /** Every child a unit ever had, retired ones too (history, the re-based view, matching a file to a district). */
  children(unitId: number): UnitRecord[] {
    return this.st.children.all(unitId).map(toUnit);
  }

  /** How many children a unit has, in force or not (a district of 10,000 communes is not listed to count them). */
  childCount(unitId: number): number {
    return this.q<[number], number>('SELECT count(*) FROM units WHERE parent_id = ?').pluck().get(unitId)!;
  }

  /**
   * The rows of a unit's grids and count tables: its children in force on the grid's day (both
   * ends inclusive, DOMAIN.md §11.1). A commune merged or retired is no longer a row, so it is
   * neither edited nor counted beside its successor; its values stay stored, untouched (cell
   * history, `export --as-of`). The grid's day is today, or for a unit itself retired (an old
   * district) its last day: its old grid keeps the communes it had (§11: old grids are never
   * rewritten); for a unit not yet in force, its first day.
   */
  rows(unitId: number, today: string = localDay()): UnitRecord[] {
    const own = this.st.validity.get(unitId);
    let day = today;
    if (own?.valid_to && own.valid_to < day) day = own.valid_to;
    else if (own?.valid_from && own.valid_from > day) day = own.valid_from;
    return this.st.rows.all(unitId, day, day).map(toUnit);
  }

  districts(): UnitRecord[] {
    return this.q<[], UnitRow>(`SELECT ${UNIT_COLS} FROM units WHERE kind = 'huyen' ORDER BY id`).all().map(toUnit);
  }

  addUnit(unit: { parentId: number | null; name: string; kind: UnitKind; sort?: number }): UnitRecord {
    const name = this.unitName(unit.name);
    return this.transaction(() => {
      const sort = unit.sort ?? (this.q('SELECT coalesce(max(sort), 0) + 1 FROM units WHERE parent_id IS ?').pluck().get(unit.parentId) as number);
      try {
        const { lastInsertRowid } = this.q('INSERT INTO units (parent_id, name, kind, sort) VALUES (?, ?, ?, ?)')
          .run(unit.parentId, name, unit.kind, sort);
        return this.getUnit(Number(lastInsertRowid))!;
      } catch (e) {
        throw this.unitError(e, name);
      }
    });
  }

  /** Many siblings at once, in the given order (a district created from a file of 10,000 communes). */
  addUnits(parentId: number, names: readonly string[], kind: UnitKind): UnitRecord[] {
    return this.transaction(() => {
      let sort = this.q('SELECT coalesce(max(sort), 0) FROM units WHERE parent_id IS ?').pluck().get(parentId) as number;
      const insert = this.q('INSERT INTO units (parent_id, name, kind, sort) VALUES (?, ?, ?, ?)');
      for (const raw of names) {
        const name = this.unitName(raw);
        try {
          insert.run(parentId, name, kind, ++sort);
        } catch (e) {
          throw this.unitError(e, name);
        }
      }
      return this.children(parentId);
    });
  }

  /** Aliases of all children of a unit, by child id (one query, not one per commune). */
  childAliases(parentId: number): Map<number, string[]> {
    const out = new Map<number, string[]>();
    const rows = this.q<[number], { unit_id: number; alias: string }>(
        'SELECT a.unit_id, a.alias FROM unit_aliases a JOIN units u ON u.id = a.unit_id WHERE u.parent_id = ? ORDER BY a.rowid',
      )
      .all(parentId);
    for (const r of rows) out.set(r.unit_id, [...(out.get(r.unit_id) ?? []), r.alias]);
    return out;
  }

  // ── secrets ────────────────────────────────────────────────────────────────────────────

  /**
   * The 32 random bytes that sign the forms this database sends out (form-seal.ts), made on
   * first need. They never leave the database: a form carries only what is derived from them.
   */
  formSecret(): Buffer {
    // Asked once per imported form: read once, and written only the first time (an INSERT, even
    // one that is ignored, is a write transaction of its own: a batch paid one per file).
    if (this.secret) return this.secret;
    const read = () => this.q<[], Buffer>("SELECT value FROM settings WHERE key = 'form_secret'").pluck().get();
    let secret = read();
    if (!secret) {
      this.q("INSERT OR IGNORE INTO settings (key, value) VALUES ('form_secret', ?)").run(randomBytes(32));
      secret = read()!;
      // Made inside a transaction (a dry run rolls its own back): not remembered until it is
      // read outside one, or forms could be signed with a secret the database never kept.
      if (this.db.inTransaction) return secret;
    }
    return (this.secret = secret);
  }

  /**
   * Gives a database that has none yet a known secret: a database rebuilt to stand for the one
   * that issued some forms (the committed test fixtures). A secret in use is never replaced,
   * or every form already sent out would stop verifying.
   */
  adoptFormSecret(secret: Buffer): void {
    if (secret.length !== 32) throw new Error('Khóa ký biểu phải dài đúng 32 byte.');
    const { changes } = this.q("INSERT OR IGNORE INTO settings (key, value) VALUES ('form_secret', ?)").run(secret);
    if (!changes && !this.formSecret().equals(secret)) throw new Error('Cơ sở dữ liệu đã có khóa ký biểu khác.');
  }

  // ── submissions ────────────────────────────────────────────────────────────────────────

  addSubmission(s: { unitId: number; file: string; sha256: string; changes: number; errors?: number }): void {
    this.q('INSERT INTO submissions (unit_id, file, sha256, at, changes, errors) VALUES (?, ?, ?, ?, ?, ?)')
      .run(s.unitId, s.file, s.sha256, new Date().toISOString(), s.changes, s.errors ?? null);
  }

  /** The latest submission of each child of a unit (absent: the commune has sent nothing). */
  latestSubmissions(parentId: number): Map<number, SubmissionRecord> {
    const rows = this.q<[number], { unit_id: number; file: string; sha256: string; at: string; changes: number; errors: number | null }>(
        `SELECT s.unit_id, s.file, s.sha256, s.at, s.changes, s.errors FROM submissions s JOIN units u ON u.id = s.unit_id
         WHERE u.parent_id = ? ORDER BY s.id`,
      )
      .all(parentId);
    return new Map(rows.map((r) => [r.unit_id, { unitId: r.unit_id, file: r.file, sha256: r.sha256, at: r.at, changes: r.changes, errors: r.errors }]));
  }

  /** The old name becomes an alias, so files written before the rename still match. */
  renameUnit(id: number, name: string): void {
    const clean = this.unitName(name);
    this.transaction(() => {
      const old = this.getUnit(id);
      if (!old) throw new Error(`Không có đơn vị #${id}.`);
      if (old.name === clean) return;
      try {
        this.q('UPDATE units SET name = ? WHERE id = ?').run(clean, id);
      } catch (e) {
        throw this.unitError(e, clean);
      }
      this.addAlias(id, old.name);
    });
  }

  /** The detailed kind (shared/units UNIT_KINDS: 'phuong', 'dac-khu'…) within the unit's tier. */
  setKindWord(unitId: number, kind: string): void {
    this.q('UPDATE units SET kind_word = ? WHERE id = ?').run(kind, unitId);
  }

  addAlias(unitId: number, alias: string): void {
    const clean = cleanText(alias);
    if (clean === '') return;
    this.q('INSERT OR IGNORE INTO unit_aliases (unit_id, alias) VALUES (?, ?)').run(unitId, clean);
  }

  aliases(unitId: number): string[] {
    return this.q<[number], string>('SELECT alias FROM unit_aliases WHERE unit_id = ? ORDER BY rowid').pluck().all(unitId);
  }

  private unitName(name: string): string {
    const clean = cleanText(name);
    if (clean === '') throw new Error('Tên đơn vị không được để trống.');
    return clean;
  }

  private unitError(e: unknown, name: string): unknown {
    const code = sqliteCode(e);
    if (code === 'SQLITE_CONSTRAINT_UNIQUE') return new Error(`Đã có đơn vị "${name}" trong cùng cấp.`, { cause: e });
    if (code === 'SQLITE_CONSTRAINT_FOREIGNKEY') return new Error(`Không có đơn vị cấp trên của "${name}".`, { cause: e });
    return e;
  }

  // ── reports ────────────────────────────────────────────────────────────────────────────

  listReports(unitId?: number): ReportRecord[] {
    // The Phụ lục grids only: count tables are reports too (listCountReports), kept out of the
    // lists that show, export and check the grids.
    return this.q<[{ unitId: number | null }], ReportRow>(`SELECT ${REPORT_COLS} FROM reports WHERE (@unitId IS NULL OR unit_id = @unitId) AND template NOT LIKE '%-count' ORDER BY id`)
      .all({ unitId: unitId ?? null })
      .map(toReport);
  }

  /** A unit's count tables (DOMAIN.md §9): template a count id, layout {results: [year]}. */
  listCountReports(unitId: number): { id: number; template: CountTemplateId; year: string; updatedAt: string }[] {
    return this.q<[number], ReportRow>(`SELECT ${REPORT_COLS} FROM reports WHERE unit_id = ? AND template LIKE '%-count' ORDER BY id`)
      .all(unitId)
      .filter((r) => isCountTemplateId(r.template))
      .map((r) => ({ id: r.id, template: r.template as CountTemplateId, year: (JSON.parse(r.layout) as Layout).results[0] ?? '', updatedAt: r.updated_at }));
  }

  /** Whether a unit has any count table: asked once per imported file, so one indexed row at most. */
  hasCountReports(unitId: number): boolean {
    return this.q<[number], number>(`SELECT 1 FROM reports WHERE unit_id = ? AND template LIKE '%-count' LIMIT 1`).pluck().get(unitId) !== undefined;
  }

  /** The report holding a unit's count table of one template and year, made when missing. */
  ensureCountReport(template: CountTemplateId, unitId: number, year: string): number {
    return this.ensureReport(template as unknown as TemplateId, unitId, { results: [year], periods: [] }).id;
  }

  getReport(id: number): ReportRecord | undefined {
    const row = this.st.report.get(id);
    return row && toReport(row);
  }

  findReport(template: TemplateId, unitId: number, layout: Layout): ReportRecord | undefined {
    const row = this.q<[string, number, string], ReportRow>(`SELECT ${REPORT_COLS} FROM reports WHERE template = ? AND unit_id = ? AND layout = ?`)
      .get(template, unitId, layoutJson(layout));
    return row && toReport(row);
  }

  createReport(template: TemplateId, unitId: number, layout: Layout): ReportRecord {
    if (!isTemplateId(template) && !isCountTemplateId(template)) throw new Error(`Không có biểu mẫu "${template}".`);
    const now = new Date().toISOString();
    try {
      const { lastInsertRowid } = this.q('INSERT INTO reports (template, unit_id, layout, created_at, updated_at) VALUES (?, ?, ?, ?, ?)')
        .run(template, unitId, layoutJson(layout), now, now);
      return this.getReport(Number(lastInsertRowid))!;
    } catch (e) {
      const code = sqliteCode(e);
      if (code === 'SQLITE_CONSTRAINT_UNIQUE') throw new Error('Báo cáo này (cùng biểu mẫu, đơn vị và năm) đã có.', { cause: e });
      if (code === 'SQLITE_CONSTRAINT_FOREIGNKEY') throw new Error(`Không có đơn vị #${unitId}.`, { cause: e });
      throw e;
    }
  }

  ensureReport(template: TemplateId, unitId: number, layout: Layout): ReportRecord {
    return this.transaction(() => this.findReport(template, unitId, layout) ?? this.createReport(template, unitId, layout));
  }

  private requireReport(id: number): ReportRecord {
    const report = this.getReport(id);
    if (!report) throw new Error(`Không có báo cáo #${id}.`);
    return report;
  }

  // ── values ─────────────────────────────────────────────────────────────────────────────

  /** Unit id → key → value; a blank cell has no entry. */
  getValues(reportId: number): Map<number, Record<string, string>> {
    const out = new Map<number, Record<string, string>>();
    for (const r of this.st.values.iterate(reportId)) {
      let unit = out.get(r.unit_id);
      if (!unit) out.set(r.unit_id, (unit = {}));
      unit[r.key] = r.value;
    }
    return out;
  }

  /** The values of some units of a report: a commune's form reads its own row, not the district's. */
  getValuesOf(reportId: number, unitIds: Iterable<number>): Map<number, Record<string, string>> {
    const ids = [...new Set(unitIds)];
    if (ids.length > 50) {
      const all = this.getValues(reportId);
      return new Map(ids.map((id) => [id, all.get(id) ?? {}]));
    }
    if (ids.length === 1) return new Map([[ids[0], Object.fromEntries(this.st.unitValues.all(reportId, ids[0]) as [string, string][])]]);
    const out = new Map<number, Record<string, string>>(ids.map((id) => [id, {}]));
    for (const [unitId, key, value] of this.st.unitsValues.all(reportId, JSON.stringify(ids))) out.get(unitId)![key] = value;
    return out;
  }

  /**
   * Writes cells in one transaction and returns the real changes, each audited with its
   * source. Writing a cell's current value is a no-op; writing '' clears it.
   */
  setValues(reportId: number, writes: readonly CellWrite[], source: ChangeSource): CellChangeRecord[] {
    const at = new Date().toISOString();
    const st = this.st;
    return this.transaction(() => {
      const report = this.requireReport(reportId);
      // The last guard of a locked report, whoever writes (typed, a put-back, an import).
      if (this.isLocked(reportId)) throw new UserError(lockedReason(report.template));
      const changes: CellChangeRecord[] = [];
      // Each unit's cells are read once and then kept current, so a cell written twice in one
      // call sees its own first write; `dirty` names the cells whose final value is written.
      const cells = new Map<number, Map<string, string>>();
      // A large write (a file of thousands of communes) reads the report once, not once per unit.
      if (writes.length > 2000) {
        for (const [unitId, values] of this.getValues(reportId)) cells.set(unitId, new Map(Object.entries(values)));
        for (const w of writes) if (!cells.has(w.unitId)) cells.set(w.unitId, new Map());
      } else if (writes.length > 1) {
        // The units written, read in one call (a typed cell reads its unit below).
        const ids = [...new Set(writes.map((w) => w.unitId))];
        if (ids.length > 1) {
          for (const id of ids) cells.set(id, new Map());
          for (const [unitId, key, value] of st.unitsValues.all(reportId, JSON.stringify(ids))) cells.get(unitId)!.set(key, value);
        }
      }
      const dirty = new Map<number, Set<string>>();
      for (const w of writes) {
        // NFC: the same text typed with another input method must not count as a change.
        const key = w.key.normalize('NFC');
        const value = w.value.normalize('NFC');
        let unit = cells.get(w.unitId);
        if (!unit) cells.set(w.unitId, (unit = new Map(st.unitValues.all(reportId, w.unitId))));
        const old = unit.get(key) ?? '';
        if (old === value) continue;
        unit.set(key, value);
        let keys = dirty.get(w.unitId);
        if (!keys) dirty.set(w.unitId, (keys = new Set()));
        keys.add(key);
        changes.push({ unitId: w.unitId, key, old, new: value });
      }
      if (changes.length === 0) return changes;
      const upserts: unknown[] = [];
      const clears: unknown[] = [];
      // Every unit written exists (one call for all of them).
      const ids = [...dirty.keys()];
      const missing = ids.length === 1 ? (st.unit.get(ids[0]) ? undefined : ids[0]) : st.missingUnits.get(JSON.stringify(ids));
      if (missing !== undefined) throw new Error(`Không có đơn vị #${missing}.`);
      for (const [unitId, keys] of dirty) {
        const unit = cells.get(unitId)!;
        for (const key of keys) {
          const value = unit.get(key)!;
          if (value === '') clears.push(unitId, key);
          else upserts.push(unitId, key, value);
        }
      }
      st.clear.run({ reportId }, clears);
      st.upsert.run({ reportId, at }, upserts);
      st.audit.run(
        { reportId, at, source: source.kind, file: source.kind === 'file' ? source.file : null },
        changes.flatMap((c) => [c.unitId, c.key, c.old, c.new]),
      );
      st.touch.run(at, reportId);
      return changes;
    });
  }

  /**
   * The report's grid: one row per row unit of its unit (rows(): in force on the grid's day), in
   * sort order; `allRows` gives every child ever, for the re-based view that reads the merged
   * communes' marks. Totals are not stored.
   */
  loadGrid(reportId: number, opts: { allRows?: boolean } = {}): Grid {
    const report = this.requireReport(reportId);
    const values = this.getValues(reportId);
    const units = opts.allRows ? this.children(report.unitId) : this.rows(report.unitId);
    return {
      template: report.template,
      layout: report.layout,
      rows: units.map((u) => ({ unit: u.name, unitId: u.id, values: values.get(u.id) ?? {} })),
      totalTexts: values.get(report.unitId) ?? {},
    };
  }

  // ── history ────────────────────────────────────────────────────────────────────────────

  /** Newest first. */
  audit(reportId: number, opts: { unitId?: number; key?: string; limit?: number } = {}): AuditEntry[] {
    const rows = this.q<[{ reportId: number; unitId: number | null; key: string | null; limit: number }], AuditRow>(
        `SELECT a.id, a.report_id, a.unit_id, coalesce(u.name, '') AS unit_name, a.key, a.old, a.new, a.at, a.source, a.file
         FROM audit a LEFT JOIN units u ON u.id = a.unit_id
         WHERE a.report_id = @reportId AND (@unitId IS NULL OR a.unit_id = @unitId) AND (@key IS NULL OR a.key = @key)
         ORDER BY a.id DESC LIMIT @limit`,
      )
      .all({ reportId, unitId: opts.unitId ?? null, key: opts.key?.normalize('NFC') ?? null, limit: opts.limit ?? -1 });
    return rows.map((r) => ({
      id: r.id, reportId: r.report_id, unitId: r.unit_id, unitName: r.unit_name, key: r.key,
      old: r.old, new: r.new, at: r.at, source: r.source, file: r.file,
    }));
  }

  /** Puts back the value a change replaced; the put-back is itself audited. */
  /** A finished report is locked: no value of it changes until it is unlocked (both audited). */
  isLocked(reportId: number): boolean {
    return !!this.q<[number]>('SELECT 1 FROM report_locks WHERE report_id = ?').get(reportId);
  }

  setLocked(reportId: number, locked: boolean): void {
    this.transaction(() => {
      this.requireReport(reportId);
      const was = this.isLocked(reportId);
      if (was === locked) return;
      const at = new Date().toISOString();
      if (locked) this.q('INSERT INTO report_locks (report_id, at) VALUES (?, ?)').run(reportId, at);
      else this.q('DELETE FROM report_locks WHERE report_id = ?').run(reportId);
      this.event(reportId, null, null, locked ? 'lock' : 'unlock', was ? 'khóa' : 'mở', locked ? 'khóa' : 'mở', at);
    });
  }

  /** A cell's note and follow-up flag; an empty note without the flag removes it. Audited. */
  setNote(reportId: number, unitId: number, key: string, note: string, followUp: boolean): void {
    this.transaction(() => {
      this.requireReport(reportId);
      const at = new Date().toISOString();
      const before = this.q<[number, number, string], { note: string; follow_up: number }>('SELECT note, follow_up FROM cell_notes WHERE report_id = ? AND unit_id = ? AND key = ?').get(reportId, unitId, key);
      const clean = note.normalize('NFC').trim();
      if (!clean && !followUp) this.q('DELETE FROM cell_notes WHERE report_id = ? AND unit_id = ? AND key = ?').run(reportId, unitId, key);
      else
        this.q(
          `INSERT INTO cell_notes (report_id, unit_id, key, note, follow_up, updated_at) VALUES (?, ?, ?, ?, ?, ?)
           ON CONFLICT (report_id, unit_id, key) DO UPDATE SET note = excluded.note, follow_up = excluded.follow_up, updated_at = excluded.updated_at`,
        ).run(reportId, unitId, key, clean, followUp ? 1 : 0, at);
      if ((before?.note ?? '') !== clean) this.event(reportId, unitId, key, 'note', before?.note ?? '', clean, at);
      if (!!before?.follow_up !== followUp) this.event(reportId, unitId, key, 'follow-up', before?.follow_up ? 'có' : 'không', followUp ? 'có' : 'không', at);
    });
  }

  notes(reportId: number): { unitId: number; key: string; note: string; followUp: boolean; at: string }[] {
    return this.q<[number], { unit_id: number; key: string; note: string; follow_up: number; updated_at: string }>(
      'SELECT unit_id, key, note, follow_up, updated_at FROM cell_notes WHERE report_id = ? ORDER BY unit_id, key',
    )
      .all(reportId)
      .map((r) => ({ unitId: r.unit_id, key: r.key, note: r.note, followUp: r.follow_up === 1, at: r.updated_at }));
  }

  /** The audit of notes, flags and locks of a report, oldest first. */
  reportEvents(reportId: number): { unitId: number | null; key: string | null; kind: string; old: string; new: string; at: string }[] {
    return this.q<[number], { unit_id: number | null; key: string | null; kind: string; old: string; new: string; at: string }>(
      'SELECT unit_id, key, kind, old, new, at FROM report_events WHERE report_id = ? ORDER BY id',
    )
      .all(reportId)
      .map((r) => ({ unitId: r.unit_id, key: r.key, kind: r.kind, old: r.old, new: r.new, at: r.at }));
  }

  /** The audit of one cell's note and follow-up flag, newest first. */
  noteEvents(reportId: number, unitId: number, key: string): { kind: 'note' | 'follow-up'; old: string; new: string; at: string }[] {
    return this.q<[number, number, string], { kind: 'note' | 'follow-up'; old: string; new: string; at: string }>(
      `SELECT kind, old, new, at FROM report_events WHERE report_id = ? AND unit_id = ? AND key = ? AND kind IN ('note', 'follow-up') ORDER BY id DESC`,
    ).all(reportId, unitId, key);
  }

  private event(reportId: number, unitId: number | null, key: string | null, kind: string, old: string, now: string, at: string): void {
    this.q('INSERT INTO report_events (report_id, unit_id, key, kind, old, new, at) VALUES (?, ?, ?, ?, ?, ?, ?)').run(reportId, unitId, key, kind, old, now, at);
  }

  /** The report and unit a history entry is of, or undefined when there is no such entry. */
  auditTarget(auditId: number): { reportId: number; unitId: number | null } | undefined {
    const row = this.q<[number], { report_id: number; unit_id: number | null }>('SELECT report_id, unit_id FROM audit WHERE id = ?').get(auditId);
    return row && { reportId: row.report_id, unitId: row.unit_id };
  }

  restore(auditId: number): CellChangeRecord[] {
    const row = this.q<[number], { report_id: number; unit_id: number; key: string; old: string }>('SELECT report_id, unit_id, key, old FROM audit WHERE id = ?')
      .get(auditId);
    if (!row) throw new Error(`Không có mục lịch sử #${auditId}.`);
    return this.setValues(row.report_id, [{ unitId: row.unit_id, key: row.key, value: row.old }], { kind: 'restore', auditId });
  }
}
