// Read or write, per method of the contract (shared/api.ts checks that both name the same
// methods). 'read' promises the method changes nothing a later read could see: the renderer keeps
// early answers across reads and drops them at any other call. Kept apart from the zod schemas
// so that the renderer, which never loads them, can load this.
export type Access = 'read' | 'write';

export const ACCESS = {
  overview: 'read',
  loadDemo: 'write',
  createDistrict: 'write',
  // Stores at most a grid's empty report on first opening (ensureReport), which every later
  // read would make the same way: nothing an early answer could miss.
  openGrid: 'read',
  openContext: 'read',
  setCells: 'write',
  // A dry run stores nothing, but the same method stores: marked by what it may do.
  startImport: 'write',
  importStatus: 'read',
  cancelImport: 'write',
  completeness: 'read',
  // The forms carry an origin signed with the database's secret, made on first use.
  exportForms: 'write',
  exportWorkbook: 'read',
  saveFile: 'write',
  audit: 'read',
  restore: 'write',
  backups: 'read',
  backupNow: 'write',
  restoreBackup: 'write',
  checkDistrict: 'read',
  setNote: 'write',
  notes: 'read',
  // Audited both ways.
  setLocked: 'write',
  followUps: 'read',
  noteHistory: 'read',
  targets: 'read',
  setTargets: 'write',
  // Proposes only: the officer confirms, and setTargets stores.
  proposeTargets: 'read',
  openCounts: 'read',
  createCounts: 'write',
  createOffice: 'write',
  unitsView: 'read',
  changeUnits: 'write',
  undoUnitChange: 'write',
  // Reads the file it is sent and matches it against the units; stores nothing.
  previewChangeTable: 'read',
  applyChangeTable: 'write',
  targetHistory: 'read',
  restoreTargets: 'write',
} as const satisfies Record<string, Access>;

/** The methods that only read. */
export const READS: ReadonlySet<string> = new Set(Object.entries(ACCESS).filter(([, a]) => a === 'read').map(([m]) => m));
