// The one API contract between the renderer and the main process. The preload, the IPC
// handlers and the loopback browser host are all derived from this table, over the same
// handler functions, so a method cannot exist in one face and not in another.
import { z } from 'zod';
import { ACCESS } from './api-access';
import { UserError } from './errors';
import type { Grid } from './grid';
import type { Finding, ValidationReport } from './report';
import type { Target } from './targets/model';
import type { UnitKind as DetailedUnitKind } from './units/kinds';
import type { Rollup } from './rules/rollup';
import { TEMPLATE_IDS, type Layout, type TemplateId } from './templates';
import type { CountTemplateId } from './counts/templates';
import type { MarkedLevel, Prereqs } from './counts/types';
import { UNIT_KINDS } from './units/kinds';
import type { ChangeRowResult, UnitSnapshot } from './units';

const id = z.number().int().positive();
const templateId = z.enum(TEMPLATE_IDS);
/** A file's bytes travel as base64 so that IPC and HTTP carry the same payload. */
const countTemplateId = z.enum(['xmc-count', 'mn-count', 'th-count', 'thcs-count'] as const satisfies readonly CountTemplateId[]);
const year = z.string().regex(/^\d{4}$/);
const fileData = z.object({ name: z.string().min(1).max(260), data: z.string().max(80_000_000) });
const unitName = z.string().trim().min(1).max(200);
const unitCode = z.string().trim().min(1).max(40);
const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const contract = {
  /** What the database holds: the unit tree and each unit's grids; empty on first run. */
  overview: z.object({}).strict(),
  /** First run: load the Hà Quảng demo from seeds/. */
  loadDemo: z.object({}).strict(),
  /** First run: an empty district with its communes and the four empty grids. */
  createDistrict: z
    .object({ name: z.string().trim().min(1).max(100), communes: z.array(z.string().trim().min(1).max(100)).max(20_000) })
    .strict(),
  /** A report's grid, to show at once (what its rules look across comes with openContext). */
  openGrid: z.object({ reportId: id.optional(), template: templateId.optional(), unitId: id.optional() }).strict(),
  /**
   * What a report's rules look across: the district's other grids and its communes' names.
   * Apart from openGrid because it is twice the grid's size at 3,321 communes, and the rows can
   * be on screen while it travels.
   */
  openContext: z.object({ reportId: id }).strict(),
  /** Store edits at once; one call is one undo step in the renderer. */
  setCells: z
    .object({
      reportId: id,
      writes: z.array(z.object({ unitId: id, key: z.string().min(1).max(100), value: z.string().max(500) })).max(200_000),
    })
    .strict(),
  /** Start reading (and, unless dryRun, storing) a batch off the UI thread; poll importStatus. */
  startImport: z
    .object({
      files: z.array(fileData).min(1).max(2000),
      dryRun: z.boolean(),
      force: z.boolean().optional(),
      /** Indexes into files: only these are processed (the user's choice after a preview). */
      accept: z.array(z.number().int().nonnegative()).optional(),
      /** Indexes into files whose conflicts the user chose to override, file by file (force for those only). */
      forceFiles: z.array(z.number().int().nonnegative()).optional(),
    })
    .strict(),
  /** `since`: how many results the caller holds already; only the later ones are sent. */
  importStatus: z.object({ batchId: id, since: z.number().int().nonnegative().optional() }).strict(),
  /** Stops a batch between two files: what was stored stays stored, whole. */
  cancelImport: z.object({ batchId: id }).strict(),
  /** Which communes have sent their file, when, from which file; which have not. */
  completeness: z.object({ unitId: id.optional() }).strict(),
  /** One form per commune, pre-filled, as a .zip of .xlsx files. */
  exportForms: z.object({ unitId: id.optional() }).strict(),
  /** The official workbook of a unit, as bytes. */
  exportWorkbook: z.object({ unitId: id.optional() }).strict(),
  /** Save bytes where the user chooses (Electron: a native dialog; browser host: a download). */
  saveFile: z.object({ name: z.string().min(1).max(260), data: z.string() }).strict(),
  /** Where each value came from. */
  audit: z.object({ reportId: id, unitId: id.optional(), key: z.string().optional(), limit: z.number().int().positive().max(10_000).optional() }).strict(),
  /** Put an audited value back. */
  restore: z.object({ auditId: id }).strict(),
  /** The database's backups (newest first), and whether the app is in recovery. Works in recovery. */
  backups: z.object({}).strict(),
  /** A backup now, into the backups folder beside the database. */
  backupNow: z.object({}).strict(),
  /** Replace the database by one of its backups (named as listed), after backing up the current one. Works in recovery. */
  restoreBackup: z.object({ name: z.string().min(1).max(100) }).strict(),
  /** The errors of a district's stored grids, grid by grid: asked before an export or sending forms. */
  checkDistrict: z.object({ unitId: id.optional() }).strict(),
  /** A note and a follow-up flag on one value (empty note, no flag: removed); audited. */
  setNote: z
    .object({ reportId: id, unitId: id, key: z.string().min(1).max(100), note: z.string().max(2000), followUp: z.boolean() })
    .strict(),
  /** A report's notes and follow-up flags. */
  notes: z.object({ reportId: id }).strict(),
  /** Lock a finished report (no edit, no import over it) or unlock it, explicitly; audited. */
  setLocked: z.object({ reportId: id, locked: z.boolean() }).strict(),
  /** Every note and follow-up flag of a district's reports ("Cần theo dõi"), in the officer's words. */
  followUps: z.object({ unitId: id.optional() }).strict(),
  /** The audit of one cell's note and follow-up flag, newest first (beside the cell's history). */
  noteHistory: z.object({ reportId: id, unitId: id, key: z.string().min(1).max(100) }).strict(),
  /** A unit's plan targets (DOMAIN.md §10), each checked on its stored grids. */
  targets: z.object({ unitId: id.optional() }).strict(),
  /**
   * The "Mục tiêu kế hoạch" page saved whole: its rows as the "Mục tiêu" sheet's nine cells of
   * text (STT, Chương trình, Mức, Loại chỉ tiêu, Giá trị, Năm/Giai đoạn, Đơn vị, Duy trì/Phấn đấu,
   * Nội dung). Stored only when every row can be read.
   */
  setTargets: z.object({ unitId: id, rows: z.array(z.array(z.string().max(5000)).max(9)).max(2000) }).strict(),
  /** The targets a plan's pasted text proposes (nothing stored: the officer confirms them). */
  proposeTargets: z.object({ unitId: id.optional(), text: z.string().max(2_000_000), when: z.string().regex(/^\d{4}(?:-\d{4})?$/).optional() }).strict(),
  /**
   * A district's count table of one template and year (DOMAIN.md §9) with what its rules read
   * besides it: the marks of the Phụ lục result group "năm Y" and the THCS prerequisites.
   * Without a year: the newest stored; none stored: `table` null.
   */
  openCounts: z.object({ unitId: id.optional(), template: countTemplateId, year: year.optional() }).strict(),
  /** An empty count table of a year (made when missing), opened as openCounts. */
  createCounts: z.object({ unitId: id.optional(), template: countTemplateId, year }).strict(),
  /**
   * First run, after 1/7/2025 (DOMAIN.md §11.2): a province office (a tỉnh or a centrally-run
   * city, its communes as rows) or a commune office (a xã, phường or đặc khu, its thôn and tổ dân
   * phố as rows), with the four empty grids. A district before 1/7/2025 stays createDistrict.
   */
  createOffice: z
    .object({
      kind: z.enum(['tinh', 'thanh-pho-tw', 'xa', 'phuong', 'dac-khu']),
      name: z.string().trim().min(1).max(100),
      rows: z.array(z.string().trim().min(1).max(100)).min(1).max(20_000),
    })
    .strict(),
  /** The unit tree as it is and was: kinds, validity, codes, aliases, successor links, and the history of unit changes. */
  unitsView: z.object({}).strict(),
  /** One change made in the app (add, rename, merge, retire): one audited, undoable step. */
  changeUnits: z.discriminatedUnion('op', [
    z.object({ op: z.literal('add'), parentId: id, kind: z.enum(UNIT_KINDS), name: unitName, code: unitCode.optional(), date: isoDay.optional() }).strict(),
    z.object({ op: z.literal('rename'), unitId: id, name: unitName }).strict(),
    z
      .object({ op: z.literal('merge'), unitIds: z.array(id).min(2).max(200), parentId: id, kind: z.enum(UNIT_KINDS), name: unitName, code: unitCode.optional(), date: isoDay })
      .strict(),
    z.object({ op: z.literal('retire'), unitId: id, date: isoDay }).strict(),
  ]),
  /** Takes one unit change back (refused, with the reason, when a later step depends on it). */
  undoUnitChange: z.object({ changeId: id }).strict(),
  /** A change table read and matched, nothing stored: the rows that apply and the refused ones with reasons. */
  previewChangeTable: z.object({ file: fileData }).strict(),
  /** The same change table stored as one audited, undoable step (its refused rows apply nothing). */
  applyChangeTable: z.object({ file: fileData }).strict(),
  /** A unit's earlier target lists, newest first: each kept when the targets were replaced. */
  targetHistory: z.object({ unitId: id.optional() }).strict(),
  /** Puts an earlier target list back (itself kept in the history, so it can be undone too). */
  restoreTargets: z.object({ unitId: id.optional(), historyId: id }).strict(),
} as const;

export type Method = keyof typeof contract;
export const METHODS = Object.keys(contract) as Method[];

// Every method says whether it only reads (shared/api-access.ts, free of zod so that the renderer
// can load it): a method missing there, or one the contract lacks, fails to compile here.
type Exactly<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const accessCoversContract: Exactly<keyof typeof ACCESS, Method> = true;
void accessCoversContract;
export { ACCESS, READS, type Access } from './api-access';
export type Input<M extends Method> = z.infer<(typeof contract)[M]>;

export interface UnitNode {
  id: number;
  parentId: number | null;
  name: string;
  kind: 'tinh' | 'huyen' | 'xa';
  /**
   * Its own kind word within the tier (phường, thị trấn, đặc khu, quận…; shared/units), given with
   * an opened grid's unit: its total row and headers follow it. Absent: the tier's plain words.
   */
  detailedKind?: DetailedUnitKind | null;
}

export interface ReportInfo {
  id: number;
  unitId: number;
  template: TemplateId;
  layout: Layout;
  updatedAt: string;
  /** Locked as finished: no edit, no import over it, until unlocked. */
  locked?: boolean;
}

/** A note on one value, and whether it is flagged for follow-up. */
export interface CellNote {
  unitId: number;
  key: string;
  note: string;
  followUp: boolean;
  at: string;
}

export interface GridView {
  report: ReportInfo;
  unit: UnitNode;
  grid: Grid;
}

/** What the rules of a grid look across besides the grid itself (CheckContext). */
export interface GridContext {
  /** The district's other grids the rules look across (rules' contextTemplates). */
  others: Grid[];
  /** Names of the district's communes and aliases (unit.unknown). */
  knownUnits: string[];
  /** The unit's plan targets of this grid's programme, checked live (target.unmet). */
  targets: Target[];
  /** How the grid's rows are named in the targets' messages ("xã"). */
  rowWord: string;
  /**
   * The level.* findings of the district's stored count tables at this grid's marks (DOMAIN.md
   * §9.6), in checkGrid's shape (row: the grid's row index, col: the mark's key); absent when
   * none. They change with the counts, not with this grid's edits until it is opened again.
   */
  countFindings?: { rule: string; severity: 'error' | 'warning' | 'info'; row: number; col: string | null; unit: string | null; message: string }[];
}

/** One row of the "Mục tiêu kế hoạch" page: the sheet's nine cells, and how the grids meet it. */
export interface TargetRowView {
  cells: string[];
  /** 'invalid': the row cannot be read (message says why), so it is not checked. */
  status: 'met' | 'unmet' | 'undecided' | 'invalid';
  message: string;
}

export interface TargetsView {
  unit: UnitNode;
  /** The unit with its kind word, the targets' default Đơn vị: "Huyện Hà Quảng". */
  scope: string;
  rows: TargetRowView[];
}

/** A sentence the proposer could not read, left to the officer. */
export interface UnreadSentence {
  line: number;
  sentence: string;
  reason: string;
}

export interface ImportFileResult {
  file: string;
  unit: string | null;
  status: 'ok' | 'conflict' | 'duplicate' | 'unknown-unit' | 'rejected';
  /** unitName and column: the commune (or "Tổng <huyện>") and the column in the officer's words. */
  changes: { sheet: string; cell: string | null; unitName: string; column: string; old: string; new: string }[];
  findings: Finding[];
  /** Why the file is not `ok` (rejected, or a conflict of origin): one Vietnamese sentence. */
  reason?: string;
  /** What storing the file does besides its cells: "Tạo huyện mới: Huyện Mẫu, 12 xã". */
  note?: string;
}

export interface BatchStatus {
  batchId: number;
  state: 'running' | 'done' | 'cancelled' | 'failed';
  dryRun: boolean;
  done: number;
  total: number;
  /** Results so far from `since` on, in the order of the files given (accepted ones only). */
  files: (ImportFileResult & { index: number })[];
  error?: string;
}

export interface CompletenessRow {
  unitId: number;
  name: string;
  file: string | null;
  at: string | null;
  changes: number | null;
  /** Errors the rules found in what it sent last; null: nothing sent, or sent before they were kept. */
  errors: number | null;
}

export interface AuditRow {
  id: number;
  unitName: string;
  key: string;
  old: string;
  new: string;
  at: string;
  source: 'typed' | 'file' | 'seed' | 'restore';
  file: string | null;
}

/** A note or follow-up flag of a district's report, where it is in the officer's words. */
export interface FollowUpItem {
  reportId: number;
  template: TemplateId;
  /** "Phụ lục 2". */
  appendix: string;
  /** The commune's row, or the district's own (total) row. */
  unitId: number;
  /** "Lương Thông"; the total row: "Tổng toàn huyện". */
  unitName: string;
  key: string;
  /** "Trẻ 3 tuổi 2020 · Đạt". */
  column: string;
  note: string;
  followUp: boolean;
  /** When the note or flag was last written (ISO 8601). */
  at: string;
}

/** One change of a cell's note or follow-up flag. */
export interface NoteEvent {
  kind: 'note' | 'follow-up';
  old: string;
  new: string;
  at: string;
}

/** One stored grid's errors, and where the first one is (a commune's or the district's row, a column). */
export interface GridErrors {
  template: TemplateId;
  appendix: string;
  name: string;
  errors: number;
  warnings: number;
  first: { unitId: number; col: string | null } | null;
}

/** A stored count table's errors and warnings (DOMAIN.md §9.7; level.* go to the Phụ lục's GridErrors). */
export interface CountTableErrors {
  reportId: number;
  template: CountTemplateId;
  year: string;
  /** The table's sheet name ("XMC-4"). */
  sheet: string;
  errors: number;
  warnings: number;
  first: { unitId: number; col: string | null } | null;
}

export interface BackupEntry {
  name: string;
  /** When it was taken (ISO 8601). */
  at: string;
  size: number;
}

/**
 * The database could not be used at start: damaged (fails PRAGMA quick_check, or not a database)
 * or written by a newer app. Only the backup methods work until a backup is restored.
 */
export interface RecoveryInfo {
  reason: 'damaged' | 'newer';
  /** The Vietnamese sentence saying what is wrong with which file. */
  message: string;
}

export interface BackupsView {
  /** The database file and the folder its backups are kept in. */
  dbFile: string;
  dir: string;
  backups: BackupEntry[];
  recovery?: RecoveryInfo;
  /** In recovery: the newest backup that passes the checks restore makes. */
  suggested?: string;
}

/** A stored count table (its cells as stored: counts as digits, ĐBKK "x" / "?" / blank). */
export interface CountTable {
  reportId: number;
  year: string;
  updatedAt: string;
  locked: boolean;
  /** Every commune of the district, in order, with its stored values (none: {}). */
  rows: { unitId: number; name: string; values: Record<string, string> }[];
  /** The Phụ lục result group "năm Y" of the programme (preschool: its 5-year-olds); null when there is none. */
  marks: MarkedLevel[] | null;
  /** Per row: the THCS prerequisites from the other stored tables and marks of that year (null elsewhere). */
  prereqs: (Prereqs | null)[];
}

export interface CountTableView {
  unit: UnitNode;
  template: CountTemplateId;
  /** The years of this template's stored tables, newest first. */
  years: string[];
  /** The result years of the Phụ lục the counts check, newest first: the years to propose for a new table. */
  resultYears: string[];
  table: CountTable | null;
}

export interface Outputs {
  /** In recovery: no units, and what is wrong (the renderer shows the recovery screen). */
  overview: { units: UnitNode[]; reports: ReportInfo[]; recovery?: RecoveryInfo };
  loadDemo: { unitId: number };
  createDistrict: { unitId: number };
  openGrid: GridView;
  openContext: GridContext;
  setCells: { changed: number; savedAt: string };
  startImport: { batchId: number };
  importStatus: BatchStatus;
  cancelImport: { cancelled: boolean };
  completeness: { unit: UnitNode; communes: CompletenessRow[] };
  exportForms: { name: string; data: string; count: number };
  exportWorkbook: { name: string; data: string };
  saveFile: { saved: boolean; path?: string; download?: boolean };
  audit: { entries: AuditRow[] };
  restore: { changed: number };
  backups: BackupsView;
  backupNow: { backup: BackupEntry };
  restoreBackup: { restored: string; replaced?: string };
  /** counts: the stored count tables with a warning or an error (their marks' level.* findings are the grids'). */
  checkDistrict: { unit: UnitNode; grids: GridErrors[]; counts: CountTableErrors[] };
  setNote: { saved: true };
  notes: { notes: CellNote[] };
  setLocked: { locked: boolean };
  followUps: { unit: UnitNode; items: FollowUpItem[] };
  noteHistory: { entries: NoteEvent[] };
  targets: TargetsView;
  setTargets: TargetsView & { saved: boolean };
  proposeTargets: { scope: string; proposals: TargetRowView[]; unread: UnreadSentence[] };
  openCounts: CountTableView;
  createCounts: CountTableView;
  createOffice: { unitId: number };
  unitsView: UnitsView;
  changeUnits: { changeId: number; summary: string };
  undoUnitChange: { undone: true };
  previewChangeTable: ChangeTableResult;
  applyChangeTable: ChangeTableResult & { changeId: number | null };
  targetHistory: { unit: UnitNode; versions: TargetVersionInfo[] };
  restoreTargets: TargetsView;
}

/** One earlier target list of a unit: replaced when, by what (the page, a file, a restore). */
export interface TargetVersionInfo {
  id: number;
  at: string;
  source: 'typed' | 'file' | 'restore';
  /** The workbook's name, when a file replaced the list. */
  file?: string;
  /** How many targets the list held. */
  count: number;
}

/** One step of the unit history (a change table applied, a change made in the app). */
export interface UnitChangeInfo {
  id: number;
  at: string;
  /** "tệp …" or "nhập trong ứng dụng". */
  source: string;
  summary: string;
  undone: boolean;
}

export interface UnitsView extends UnitSnapshot {
  changes: UnitChangeInfo[];
}

/** A change table read (and, unless a preview, stored): every row with its status and reason. */
export interface ChangeTableResult {
  file: string;
  rows: Omit<ChangeRowResult, 'alias'>[];
  created: string[];
}

export type Api = { [M in Method]: (input: Input<M>) => Promise<Outputs[M]> };

/** What crosses IPC and HTTP: never a raw Error (no stack trace reaches the page). */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: string };

/** Validates a payload against the contract; the message is Vietnamese. */
export function parseInput<M extends Method>(method: M, payload: unknown): Input<M> {
  const schema = contract[method];
  if (!schema) throw new UserError(`Không có chức năng "${String(method)}".`, 'api.method');
  const r = schema.safeParse(payload ?? {});
  if (!r.success) throw new UserError(`Dữ liệu gửi tới "${method}" không hợp lệ: ${r.error.issues.map((i) => i.path.join('.') || 'gốc').join(', ')}.`, 'api.payload');
  return r.data as Input<M>;
}

export type { Rollup, ValidationReport };
