// The schema, as numbered steps. A database remembers the last step it took in
// PRAGMA user_version, so an old file is brought forward on open and a file from a newer
// app is recognised (and refused) instead of being written in a shape it does not expect.
import type Database from 'better-sqlite3';
import { NEW_DATABASE } from './new-database';

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
    // The units after the 2025 reform (DOMAIN.md §11.1) and the plans' targets (§10).
    // A unit gets its detailed kind (xã, phường, thị trấn, đặc khu…; `kind` stays the tier),
    // validity dates, codes with their scheme and successor links. A district and a commune of
    // the same name may now share a parent (Huyện Hà Quảng and, from 1/7/2025, Xã Hà Quảng both
    // in Tỉnh Cao Bằng): the table is rebuilt with names unique per parent *and tier*. Store.open
    // runs migrations before turning foreign keys on, so dropping the old table cascades nothing.
    version: 4,
    sql: /* sql */ `
      CREATE TABLE units_new (
        id         INTEGER PRIMARY KEY,
        parent_id  INTEGER REFERENCES units(id) ON DELETE CASCADE,
        name       TEXT NOT NULL CHECK (name <> ''),
        kind       TEXT NOT NULL CHECK (kind IN ('tinh', 'huyen', 'xa')),
        sort       INTEGER NOT NULL DEFAULT 0,
        kind_word  TEXT,
        valid_from TEXT,
        valid_to   TEXT,
        UNIQUE (parent_id, kind, name)
      );
      INSERT INTO units_new (id, parent_id, name, kind, sort) SELECT id, parent_id, name, kind, sort FROM units;
      DROP TABLE units;
      ALTER TABLE units_new RENAME TO units;
      CREATE UNIQUE INDEX units_root_name ON units(kind, name) WHERE parent_id IS NULL;
      CREATE INDEX units_children ON units(parent_id, sort, id);

      -- Codes as text with their leading zeros, always with their scheme (ma-dvhc, ma-dvhc-2025…):
      -- a code alone says neither which unit nor whether old or new.
      CREATE TABLE unit_codes (
        unit_id INTEGER NOT NULL REFERENCES units(id) ON DELETE CASCADE,
        scheme  TEXT NOT NULL,
        code    TEXT NOT NULL,
        PRIMARY KEY (unit_id, scheme, code)
      );
      CREATE INDEX unit_codes_code ON unit_codes(scheme, code);

      -- Old unit → what replaced it; the source is the change table's file and row, or the app.
      CREATE TABLE unit_links (
        from_id INTEGER NOT NULL REFERENCES units(id) ON DELETE CASCADE,
        to_id   INTEGER NOT NULL REFERENCES units(id) ON DELETE CASCADE,
        change  TEXT NOT NULL,
        link    TEXT NOT NULL CHECK (link IN ('whole', 'part')),
        date    TEXT NOT NULL,
        source  TEXT NOT NULL,
        note    TEXT,
        PRIMARY KEY (from_id, to_id)
      );
      CREATE INDEX unit_links_to ON unit_links(to_id);

      -- Each change to the unit tree (a change table applied, a commune added, renamed, merged,
      -- retired) as one step, with what undoes it. No foreign keys: the history outlives units.
      CREATE TABLE unit_changes (
        id        INTEGER PRIMARY KEY,
        at        TEXT NOT NULL,
        source    TEXT NOT NULL,
        summary   TEXT NOT NULL,
        undo      TEXT NOT NULL CHECK (json_valid(undo)),
        undone_at TEXT
      );

      -- A plan's targets (DOMAIN.md §10.1), each the JSON of shared/targets targetSchema, kept
      -- with the unit whose plan it is, in the plan's order.
      CREATE TABLE targets (
        id         INTEGER PRIMARY KEY,
        unit_id    INTEGER NOT NULL REFERENCES units(id) ON DELETE CASCADE,
        sort       INTEGER NOT NULL,
        data       TEXT NOT NULL CHECK (json_valid(data)),
        updated_at TEXT NOT NULL
      );
      CREATE INDEX targets_unit ON targets(unit_id, sort);
    `,
  },
  {
    // How many errors the rules found in what each commune sent: the completeness list shows
    // "Đã gửi" with its errors, not a green tick over them. NULL: sent before this was kept.
    version: 5,
    sql: /* sql */ `
      ALTER TABLE submissions ADD COLUMN errors INTEGER;
    `,
  },
  {
    // A note and a follow-up flag on a value (as DHIS2 keeps per value), a report's lock once it
    // is finished, and the audit of all three (who wrote what note, locked or unlocked when).
    version: 6,
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
  {
    // A commune merged in the app may take the name of one of the communes it replaces, under the
    // same parent (Cần Nông, Lương Thông and Cần Yên → Xã Cần Yên from 1/7/2025, all in the
    // province office's tree): siblings' names are unique per tier *and* start of validity. The
    // table constraint of migration 4 cannot be dropped in place: rebuilt as migration 4 did.
    version: 7,
    sql: /* sql */ `
      CREATE TABLE units_new (
        id         INTEGER PRIMARY KEY,
        parent_id  INTEGER REFERENCES units(id) ON DELETE CASCADE,
        name       TEXT NOT NULL CHECK (name <> ''),
        kind       TEXT NOT NULL CHECK (kind IN ('tinh', 'huyen', 'xa')),
        sort       INTEGER NOT NULL DEFAULT 0,
        kind_word  TEXT,
        valid_from TEXT,
        valid_to   TEXT
      );
      INSERT INTO units_new (id, parent_id, name, kind, sort, kind_word, valid_from, valid_to)
        SELECT id, parent_id, name, kind, sort, kind_word, valid_from, valid_to FROM units;
      DROP TABLE units;
      ALTER TABLE units_new RENAME TO units;
      CREATE UNIQUE INDEX units_sibling_name ON units(parent_id, kind, name, coalesce(valid_from, ''));
      CREATE UNIQUE INDEX units_root_name ON units(kind, name, coalesce(valid_from, '')) WHERE parent_id IS NULL;
      CREATE INDEX units_children ON units(parent_id, sort, id);
    `,
  },
  {
    // A unit's plan targets are replaced whole (the page saved, a workbook's "Mục tiêu" sheet
    // imported): each replacement keeps the list as it was before, so none is lost and any can
    // be put back. source: 'typed' | 'file' | 'restore'; file: the workbook's name.
    version: 8,
    sql: /* sql */ `
      CREATE TABLE target_history (
        id      INTEGER PRIMARY KEY,
        unit_id INTEGER NOT NULL REFERENCES units(id) ON DELETE CASCADE,
        at      TEXT NOT NULL,
        source  TEXT NOT NULL CHECK (source IN ('typed', 'file', 'restore')),
        file    TEXT,
        before  TEXT NOT NULL
      );
      CREATE INDEX target_history_unit ON target_history(unit_id, id);
    `,
  },
];

export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1].version;

export function userVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * The schema a database holds, as the SQL that makes it again: tables first, then indexes, each in
 * the order SQLite made them. What new-database.ts keeps (`npm run -s schema` writes it).
 */
export function schemaOf(db: Database.Database): string {
  const objects = db
    .prepare<[], { sql: string }>("SELECT sql FROM sqlite_schema WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' ORDER BY type = 'index', rowid")
    .all();
  return objects.map((o) => `${o.sql};`).join('\n');
}

const isEmpty = (db: Database.Database) => db.prepare('SELECT count(*) FROM sqlite_schema').pluck().get() === 0;

/**
 * Brings the database up to SCHEMA_VERSION. All pending steps share one transaction, so a
 * failure leaves the file exactly as it was (schema changes and user_version roll back too).
 * Returns the versions applied.
 *
 * A new, empty database is made from the schema the steps end in (new-database.ts), in one go:
 * replaying eight steps, two of them rebuilding the units table, took twice as long (3.2 against
 * 1.5 ms) for the same result (tests/unit/migrations.test.ts compares the two).
 */
export function migrate(db: Database.Database, migrations: readonly Migration[] = MIGRATIONS): number[] {
  const from = userVersion(db);
  if (from === 0 && migrations === MIGRATIONS && NEW_DATABASE.version === SCHEMA_VERSION && isEmpty(db)) {
    db.transaction(() => {
      db.pragma(`application_id = ${APPLICATION_ID}`);
      db.exec(NEW_DATABASE.sql);
      db.pragma(`user_version = ${NEW_DATABASE.version}`);
    })();
    return MIGRATIONS.map((m) => m.version);
  }
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
