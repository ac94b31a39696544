// The schema, as numbered steps. A database remembers the last step it took in
// PRAGMA user_version, so an old file is brought forward on open and a file from a newer
// app is recognised (and refused) instead of being written in a shape it does not expect.
import type Database from 'better-sqlite3';

export interface Migration {
  version: number;
  sql: string;
}

/** Marks a file as ours (PRAGMA application_id): "PCGD" in ASCII. */
export const APPLICATION_ID = 0x50434744;

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    sql: /* sql */ `
      PRAGMA application_id = ${APPLICATION_ID};

      -- The unit tree is data, of any depth (tỉnh › huyện › xã, or tỉnh › xã).
      CREATE TABLE units (
        id        INTEGER PRIMARY KEY,
        parent_id INTEGER REFERENCES units(id) ON DELETE CASCADE,
        name      TEXT NOT NULL CHECK (name <> ''),
        kind      TEXT NOT NULL CHECK (kind IN ('tinh', 'huyen', 'xa')),
        sort      INTEGER NOT NULL DEFAULT 0,
        UNIQUE (parent_id, name)
      );
      -- UNIQUE treats NULLs as distinct, so roots need their own guard.
      CREATE UNIQUE INDEX units_root_name ON units(name) WHERE parent_id IS NULL;
      CREATE INDEX units_children ON units(parent_id, sort, id);

      -- Merged and renamed communes keep matching the names written in old files.
      CREATE TABLE unit_aliases (
        unit_id INTEGER NOT NULL REFERENCES units(id) ON DELETE CASCADE,
        alias   TEXT NOT NULL CHECK (alias <> ''),
        PRIMARY KEY (unit_id, alias)
      );

      -- layout is the canonical JSON of a Layout, so equal layouts compare equal as text.
      CREATE TABLE reports (
        id         INTEGER PRIMARY KEY,
        template   TEXT NOT NULL,
        unit_id    INTEGER NOT NULL REFERENCES units(id),
        layout     TEXT NOT NULL CHECK (json_valid(layout)),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        UNIQUE (template, unit_id, layout)
      );
      CREATE INDEX reports_unit ON reports(unit_id);

      -- Only what a person wrote: totals are always computed, and a blank is an absent row.
      CREATE TABLE cell_values (
        report_id  INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
        unit_id    INTEGER NOT NULL REFERENCES units(id) ON DELETE CASCADE,
        key        TEXT NOT NULL,
        value      TEXT NOT NULL CHECK (value <> ''),
        updated_at TEXT NOT NULL,
        PRIMARY KEY (report_id, unit_id, key)
      ) WITHOUT ROWID;
      -- Lets a unit delete find its values without scanning every report.
      CREATE INDEX cell_values_unit ON cell_values(unit_id);

      -- No foreign keys on purpose: the history outlives the reports and units it describes.
      CREATE TABLE audit (
        id        INTEGER PRIMARY KEY,
        report_id INTEGER NOT NULL,
        unit_id   INTEGER NOT NULL,
        key       TEXT NOT NULL,
        old       TEXT NOT NULL,
        new       TEXT NOT NULL,
        at        TEXT NOT NULL,
        source    TEXT NOT NULL,
        file      TEXT
      );
      CREATE INDEX audit_cell ON audit(report_id, unit_id, key);
    `,
  },
  {
    // Commune submissions: which file each commune sent, when, and what became of it
    // (completeness list). Written in the same transaction as the file's values, so a row
    // here means the file was stored whole.
    version: 2,
    sql: /* sql */ `
      CREATE TABLE submissions (
        id       INTEGER PRIMARY KEY,
        unit_id  INTEGER NOT NULL REFERENCES units(id) ON DELETE CASCADE,
        file     TEXT NOT NULL,
        sha256   TEXT NOT NULL,
        at       TEXT NOT NULL,
        changes  INTEGER NOT NULL
      );
      CREATE INDEX submissions_unit ON submissions(unit_id, at);
    `,
  },
  {
    // The database's own settings, secrets among them: the key that signs the forms it sends
    // out (form-seal.ts), made on first need. A value is bytes or text, as its reader expects.
    version: 3,
    sql: /* sql */ `
      CREATE TABLE settings (
        key   TEXT PRIMARY KEY,
        value BLOB NOT NULL
      ) WITHOUT ROWID;
    `,
  },
  {
    // How many errors the rules found in what each commune sent: the completeness list shows
    // "Đã gửi" with its errors, not a green tick over them. NULL: sent before this was kept.
    version: 4,
    sql: /* sql */ `
      ALTER TABLE submissions ADD COLUMN errors INTEGER;
    `,
  },
  {
    // A note and a follow-up flag on a value (as DHIS2 keeps per value), a report's lock once it
    // is finished, and the audit of all three (who wrote what note, locked or unlocked when).
    version: 5,
    sql: /* sql */ `
      CREATE TABLE cell_notes (
        report_id  INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
        unit_id    INTEGER NOT NULL,
        key        TEXT NOT NULL,
        note       TEXT NOT NULL,
        follow_up  INTEGER NOT NULL DEFAULT 0,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (report_id, unit_id, key)
      ) WITHOUT ROWID;
      CREATE TABLE report_locks (
        report_id INTEGER PRIMARY KEY REFERENCES reports(id) ON DELETE CASCADE,
        at        TEXT NOT NULL
      );
      CREATE TABLE report_events (
        id        INTEGER PRIMARY KEY,
        report_id INTEGER NOT NULL,
        unit_id   INTEGER,
        key       TEXT,
        kind      TEXT NOT NULL,
        old       TEXT NOT NULL,
        new       TEXT NOT NULL,
        at        TEXT NOT NULL
      );
      CREATE INDEX report_events_report ON report_events(report_id, id);
    `,
  },
];

export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1].version;

export function userVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Brings the database up to SCHEMA_VERSION. All pending steps share one transaction, so a
 * failure leaves the file exactly as it was (schema changes and user_version roll back too).
 * Returns the versions applied.
 */
export function migrate(db: Database.Database, migrations: readonly Migration[] = MIGRATIONS): number[] {
  const from = userVersion(db);
  const pending = migrations.filter((m) => m.version > from);
  pending.forEach((m, i) => {
    const expected = (i === 0 ? from : pending[i - 1].version) + 1;
    if (m.version !== expected) throw new Error(`Migration ${m.version} is out of order (expected ${expected}).`);
  });
  if (pending.length === 0) return [];
  db.transaction(() => {
    for (const m of pending) {
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
    }
  })();
  return pending.map((m) => m.version);
}
