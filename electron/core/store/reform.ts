// The store's part for the 2025 reform and the plans' targets (migration 4): detailed unit kinds,
// validity, codes, successor links, the history of unit changes (each one step, undoable), and
// the targets kept with a unit. Reached as `store.reform`; the only other module speaking SQL.
import type Database from 'better-sqlite3';
import { targetSchema, type Target } from '../../../shared/targets/model';
import { KINDS, splitKind, tierOf, type ChangePlan, type UnitKind, type UnitSnapshot } from '../../../shared/units';
import type { UnitRecord as ReformUnit, SuccessorLink } from '../../../shared/units/model';
import type { Prepared } from './prepared';
import type { UnitKind as Tier } from './types';

interface Row {
  id: number; parent_id: number | null; name: string; kind: Tier; kind_word: string | null; valid_from: string | null; valid_to: string | null;
}

const TIER_OF: Record<ReturnType<typeof tierOf>, Tier> = { province: 'tinh', district: 'huyen', commune: 'xa' };

/** The detailed kind of a stored unit: as stored, else what its name's kind word says within its tier, else the tier's plain kind. */
function detailedKind(r: Row): UnitKind {
  if (r.kind_word && r.kind_word in KINDS) return r.kind_word as UnitKind;
  const tier = r.kind === 'tinh' ? 'province' : r.kind === 'huyen' ? 'district' : 'commune';
  return splitKind(r.name, tier).kind ?? (r.kind === 'tinh' ? 'tinh' : r.kind === 'huyen' ? 'huyen' : 'xa');
}

/** What undoes one unit change: each list undone in reverse. */
interface Undo {
  units: number[];
  links: [number, number][];
  aliases: [number, string][];
  codes: [number, string, string][];
  /** Unit, valid_to before. */
  closes: [number, string | null][];
  /** Unit, name before. */
  renames: [number, string][];
}

export interface UnitChangeEntry {
  id: number;
  at: string;
  source: string;
  summary: string;
  undone: boolean;
}

export interface AppliedPlan {
  changeId: number | null;
  /** Planned (negative) id → stored id. */
  ids: Map<number, number>;
}

export class ReformStore {
  /**
   * @param read the Store's statements prepared on first use (prepared.ts), for the reads made
   *   once per grid opened, export or form (kindOf, targets): a district's forms ask kindOf per commune.
   */
  constructor(
    private readonly db: Database.Database,
    private readonly read: Prepared,
  ) {}

  /** Every unit with its detailed kind, validity, codes and aliases, and every successor link. */
  snapshot(): UnitSnapshot {
    const rows = this.db.prepare('SELECT id, parent_id, name, kind, kind_word, valid_from, valid_to FROM units ORDER BY id').all() as Row[];
    const codes = this.db.prepare('SELECT unit_id, scheme, code FROM unit_codes ORDER BY rowid').all() as { unit_id: number; scheme: string; code: string }[];
    const aliases = this.db.prepare('SELECT unit_id, alias FROM unit_aliases ORDER BY rowid').all() as { unit_id: number; alias: string }[];
    const units: ReformUnit[] = rows.map((r) => ({
      id: r.id,
      kind: detailedKind(r),
      name: r.name,
      parentId: r.parent_id,
      validFrom: r.valid_from,
      validTo: r.valid_to,
      codes: codes.filter((c) => c.unit_id === r.id).map((c) => ({ scheme: c.scheme, code: c.code })),
      aliases: aliases.filter((a) => a.unit_id === r.id).map((a) => a.alias),
    }));
    const links = (this.db.prepare('SELECT from_id, to_id, change, link, date, source, note FROM unit_links ORDER BY rowid').all() as {
      from_id: number; to_id: number; change: SuccessorLink['change']; link: SuccessorLink['link']; date: string; source: string; note: string | null;
    }[]).map((l) => ({ from: l.from_id, to: l.to_id, change: l.change, link: l.link, date: l.date, source: l.source, ...(l.note ? { note: l.note } : {}) }));
    return { units, links };
  }

  /** One unit's detailed kind (phường, thị trấn…), as snapshot() gives it; null for no such unit. */
  kindOf(unitId: number): UnitKind | null {
    const r = this.read('SELECT id, parent_id, name, kind, kind_word, valid_from, valid_to FROM units WHERE id = ?').get(unitId) as Row | undefined;
    return r ? detailedKind(r) : null;
  }

  /**
   * Writes a plan (a change table's, or one change made in the app) as one step of the unit
   * history; nothing when the plan changes nothing. Runs inside the caller's transaction if any.
   */
  applyPlan(plan: ChangePlan, source: string, summary: string): AppliedPlan {
    const ids = new Map<number, number>();
    const empty = !plan.units.length && !plan.links.length && !plan.aliases.length && !plan.closes.length && !(plan.renames ?? []).length;
    if (empty) return { changeId: null, ids };
    return this.db.transaction((): AppliedPlan => {
      const undo: Undo = { units: [], links: [], aliases: [], codes: [], closes: [], renames: [] };
      const id = (n: number) => (n < 0 ? ids.get(n)! : n);
      const insert = this.db.prepare('INSERT INTO units (parent_id, name, kind, sort, kind_word, valid_from, valid_to) VALUES (?, ?, ?, ?, ?, ?, ?)');
      const nextSort = this.db.prepare('SELECT coalesce(max(sort), 0) + 1 FROM units WHERE parent_id IS ?').pluck();
      const code = this.db.prepare('INSERT OR IGNORE INTO unit_codes (unit_id, scheme, code) VALUES (?, ?, ?)');
      for (const u of plan.units) {
        const parent = u.parentId === null ? null : id(u.parentId);
        const r = insert.run(parent, u.name, TIER_OF[tierOf(u.kind)], nextSort.get(parent) as number, u.kind, u.validFrom, u.validTo);
        const newId = Number(r.lastInsertRowid);
        ids.set(u.id, newId);
        undo.units.push(newId);
        for (const c of u.codes) code.run(newId, c.scheme, c.code);
      }
      const link = this.db.prepare('INSERT OR IGNORE INTO unit_links (from_id, to_id, change, link, date, source, note) VALUES (?, ?, ?, ?, ?, ?, ?)');
      for (const l of plan.links) {
        if (link.run(id(l.from), id(l.to), l.change, l.link, l.date, l.source, l.note ?? null).changes) undo.links.push([id(l.from), id(l.to)]);
      }
      const alias = this.db.prepare('INSERT OR IGNORE INTO unit_aliases (unit_id, alias) VALUES (?, ?)');
      for (const a of plan.aliases) if (alias.run(id(a.unitId), a.alias).changes) undo.aliases.push([id(a.unitId), a.alias]);
      const validTo = this.db.prepare('SELECT valid_to FROM units WHERE id = ?').pluck();
      const close = this.db.prepare('UPDATE units SET valid_to = ? WHERE id = ?');
      for (const c of plan.closes) {
        undo.closes.push([id(c.unitId), (validTo.get(id(c.unitId)) as string | null) ?? null]);
        close.run(c.validTo, id(c.unitId));
      }
      const nameOf = this.db.prepare('SELECT name FROM units WHERE id = ?').pluck();
      const rename = this.db.prepare('UPDATE units SET name = ? WHERE id = ?');
      for (const r of plan.renames ?? []) {
        undo.renames.push([id(r.unitId), nameOf.get(id(r.unitId)) as string]);
        rename.run(r.name, id(r.unitId));
      }
      const { lastInsertRowid } = this.db
        .prepare('INSERT INTO unit_changes (at, source, summary, undo) VALUES (?, ?, ?, ?)')
        .run(new Date().toISOString(), source, summary, JSON.stringify(undo));
      return { changeId: Number(lastInsertRowid), ids };
    })();
  }

  /** Newest first. */
  changes(): UnitChangeEntry[] {
    return (this.db.prepare('SELECT id, at, source, summary, undone_at FROM unit_changes ORDER BY id DESC').all() as {
      id: number; at: string; source: string; summary: string; undone_at: string | null;
    }[]).map((r) => ({ id: r.id, at: r.at, source: r.source, summary: r.summary, undone: r.undone_at !== null }));
  }

  /**
   * Takes one unit change back: its units, links, aliases and codes removed, dates and names put
   * back. Refused (false) when already undone, or when a unit it made holds values or later links.
   */
  undoChange(changeId: number): boolean {
    return this.db.transaction((): boolean => {
      const row = this.db.prepare('SELECT undo, undone_at FROM unit_changes WHERE id = ?').get(changeId) as { undo: string; undone_at: string | null } | undefined;
      if (!row || row.undone_at) return false;
      const undo = JSON.parse(row.undo) as Undo;
      for (const u of undo.units) {
        const used = this.db.prepare('SELECT 1 FROM cell_values WHERE unit_id = ? UNION ALL SELECT 1 FROM units WHERE parent_id = ? AND id NOT IN (SELECT value FROM json_each(?)) LIMIT 1')
          .get(u, u, JSON.stringify(undo.units));
        if (used) return false;
      }
      const rename = this.db.prepare('UPDATE units SET name = ? WHERE id = ?');
      for (const [u, name] of undo.renames.toReversed()) rename.run(name, u);
      const close = this.db.prepare('UPDATE units SET valid_to = ? WHERE id = ?');
      for (const [u, to] of undo.closes.toReversed()) close.run(to, u);
      const alias = this.db.prepare('DELETE FROM unit_aliases WHERE unit_id = ? AND alias = ?');
      for (const [u, a] of undo.aliases) alias.run(u, a);
      const link = this.db.prepare('DELETE FROM unit_links WHERE from_id = ? AND to_id = ?');
      for (const [f, t] of undo.links) link.run(f, t);
      const del = this.db.prepare('DELETE FROM units WHERE id = ?');
      for (const u of undo.units.toReversed()) del.run(u);
      this.db.prepare('UPDATE unit_changes SET undone_at = ? WHERE id = ?').run(new Date().toISOString(), changeId);
      return true;
    })();
  }

  // ── targets ────────────────────────────────────────────────────────────────────────────

  /** The targets kept with a unit, in the plan's order. */
  targets(unitId: number): (Target & { id: number })[] {
    const rows = this.read('SELECT id, data FROM targets WHERE unit_id = ? ORDER BY sort, id').all(unitId) as { id: number; data: string }[];
    return rows.map((r) => ({ ...targetSchema.parse(JSON.parse(r.data)), id: r.id }));
  }

  /**
   * Replaces a unit's targets (a workbook's "Mục tiêu" sheet, or the targets page saved whole),
   * keeping the list as it was in the target history, in the same transaction; nothing at all
   * when the new list is the stored one. Returns whether anything changed.
   */
  setTargets(unitId: number, targets: readonly Target[], source: TargetSource): boolean {
    return this.db.transaction((): boolean => {
      const before = this.storedTargets(unitId);
      const after = targets.map((t) => JSON.stringify(targetSchema.parse(t)));
      if (before.length === after.length && before.every((d, i) => d === after[i])) return false;
      const at = new Date().toISOString();
      this.db.prepare('INSERT INTO target_history (unit_id, at, source, file, before) VALUES (?, ?, ?, ?, ?)')
        .run(unitId, at, source.kind, source.kind === 'file' ? source.file : null, `[${before.join(',')}]`);
      this.db.prepare('DELETE FROM targets WHERE unit_id = ?').run(unitId);
      const insert = this.db.prepare('INSERT INTO targets (unit_id, sort, data, updated_at) VALUES (?, ?, ?, ?)');
      after.forEach((d, i) => insert.run(unitId, i + 1, d, at));
      return true;
    })();
  }

  /** The stored targets' JSON, in order: what the history keeps and compares. */
  private storedTargets(unitId: number): string[] {
    return (this.db.prepare('SELECT data FROM targets WHERE unit_id = ? ORDER BY sort, id').pluck().all(unitId) as string[])
      .map((d) => JSON.stringify(targetSchema.parse(JSON.parse(d))));
  }

  /** A unit's earlier target lists, newest first. */
  targetHistory(unitId: number): TargetVersion[] {
    return (this.db.prepare('SELECT id, at, source, file, json_array_length(before) AS count FROM target_history WHERE unit_id = ? ORDER BY id DESC').all(unitId) as {
      id: number; at: string; source: TargetSource['kind']; file: string | null; count: number;
    }[]).map((r) => ({ id: r.id, at: r.at, source: r.source, ...(r.file ? { file: r.file } : {}), count: r.count }));
  }

  /** One kept version: its unit and its list; null for no such version. */
  targetVersion(historyId: number): { unitId: number; targets: Target[] } | null {
    const r = this.db.prepare('SELECT unit_id, before FROM target_history WHERE id = ?').get(historyId) as { unit_id: number; before: string } | undefined;
    if (!r) return null;
    return { unitId: r.unit_id, targets: (JSON.parse(r.before) as unknown[]).map((t) => targetSchema.parse(t)) };
  }
}

/** Where a replacement of a unit's targets came from. */
export type TargetSource = { kind: 'typed' } | { kind: 'file'; file: string } | { kind: 'restore' };

/** One earlier target list of a unit: when it was replaced, by what, how many targets it held. */
export interface TargetVersion {
  id: number;
  at: string;
  source: TargetSource['kind'];
  file?: string;
  count: number;
}
