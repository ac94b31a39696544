// The store's typed interface: every SQL statement of the app sits behind it (one module,
// like Signal Desktop's Interface), so no other layer writes SQL.
import type { Layout, TemplateId } from '../../../shared/templates';

export type UnitKind = 'tinh' | 'huyen' | 'xa';

export interface UnitRecord {
  id: number;
  parentId: number | null;
  name: string;
  kind: UnitKind;
  sort: number;
}

export interface ReportRecord {
  id: number;
  template: TemplateId;
  /** The aggregating unit (the district): its children are the grid's rows. */
  unitId: number;
  layout: Layout;
  updatedAt: string;
}

/** Where a value came from: typed in the app, read from a file, the demo seed, an undo, a put-back. */
export type ChangeSource =
  | { kind: 'typed' }
  | { kind: 'file'; file: string }
  | { kind: 'seed' }
  | { kind: 'restore'; auditId: number };

export interface CellWrite {
  unitId: number;
  key: string;
  /** '' clears the cell. */
  value: string;
}

export interface CellChangeRecord {
  unitId: number;
  key: string;
  old: string;
  new: string;
}

export interface AuditEntry {
  id: number;
  reportId: number;
  unitId: number;
  unitName: string;
  key: string;
  old: string;
  new: string;
  /** ISO 8601, UTC. */
  at: string;
  source: ChangeSource['kind'];
  file: string | null;
}

export interface SubmissionRecord {
  unitId: number;
  file: string;
  sha256: string;
  /** ISO 8601, UTC. */
  at: string;
  changes: number;
  /** Errors the rules found in the file; null when sent before they were kept. */
  errors: number | null;
}
