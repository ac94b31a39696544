// Written by scripts/schema-snapshot.ts (npm run -s schema) from migrations.ts: do not edit.
// The schema a new database is made with, the same as replaying every migration gives.
export const NEW_DATABASE = {
  version: 8,
  sql: /* sql */ `
CREATE TABLE unit_aliases (
        unit_id INTEGER NOT NULL REFERENCES units(id) ON DELETE CASCADE,
        alias   TEXT NOT NULL CHECK (alias <> ''),
        PRIMARY KEY (unit_id, alias)
      );
CREATE TABLE reports (
        id         INTEGER PRIMARY KEY,
        template   TEXT NOT NULL,
        unit_id    INTEGER NOT NULL REFERENCES units(id),
        layout     TEXT NOT NULL CHECK (json_valid(layout)),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        UNIQUE (template, unit_id, layout)
      );
CREATE TABLE cell_values (
        report_id  INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
        unit_id    INTEGER NOT NULL REFERENCES units(id) ON DELETE CASCADE,
        key        TEXT NOT NULL,
        value      TEXT NOT NULL CHECK (value <> ''),
        updated_at TEXT NOT NULL,
        PRIMARY KEY (report_id, unit_id, key)
      ) WITHOUT ROWID;
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
CREATE TABLE submissions (
        id       INTEGER PRIMARY KEY,
        unit_id  INTEGER NOT NULL REFERENCES units(id) ON DELETE CASCADE,
        file     TEXT NOT NULL,
        sha256   TEXT NOT NULL,
        at       TEXT NOT NULL,
        changes  INTEGER NOT NULL
      , errors INTEGER);
CREATE TABLE settings (
        key   TEXT PRIMARY KEY,
        value BLOB NOT NULL
      ) WITHOUT ROWID;
CREATE TABLE unit_codes (
        unit_id INTEGER NOT NULL REFERENCES units(id) ON DELETE CASCADE,
        scheme  TEXT NOT NULL,
        code    TEXT NOT NULL,
        PRIMARY KEY (unit_id, scheme, code)
      );
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
CREATE TABLE unit_changes (
        id        INTEGER PRIMARY KEY,
        at        TEXT NOT NULL,
        source    TEXT NOT NULL,
        summary   TEXT NOT NULL,
        undo      TEXT NOT NULL CHECK (json_valid(undo)),
        undone_at TEXT
      );
CREATE TABLE targets (
        id         INTEGER PRIMARY KEY,
        unit_id    INTEGER NOT NULL REFERENCES units(id) ON DELETE CASCADE,
        sort       INTEGER NOT NULL,
        data       TEXT NOT NULL CHECK (json_valid(data)),
        updated_at TEXT NOT NULL
      );
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
CREATE TABLE "units" (
        id         INTEGER PRIMARY KEY,
        parent_id  INTEGER REFERENCES units(id) ON DELETE CASCADE,
        name       TEXT NOT NULL CHECK (name <> ''),
        kind       TEXT NOT NULL CHECK (kind IN ('tinh', 'huyen', 'xa')),
        sort       INTEGER NOT NULL DEFAULT 0,
        kind_word  TEXT,
        valid_from TEXT,
        valid_to   TEXT
      );
CREATE TABLE target_history (
        id      INTEGER PRIMARY KEY,
        unit_id INTEGER NOT NULL REFERENCES units(id) ON DELETE CASCADE,
        at      TEXT NOT NULL,
        source  TEXT NOT NULL CHECK (source IN ('typed', 'file', 'restore')),
        file    TEXT,
        before  TEXT NOT NULL
      );
CREATE INDEX reports_unit ON reports(unit_id);
CREATE INDEX cell_values_unit ON cell_values(unit_id);
CREATE INDEX audit_cell ON audit(report_id, unit_id, key);
CREATE INDEX submissions_unit ON submissions(unit_id, at);
CREATE INDEX unit_codes_code ON unit_codes(scheme, code);
CREATE INDEX unit_links_to ON unit_links(to_id);
CREATE INDEX targets_unit ON targets(unit_id, sort);
CREATE INDEX report_events_report ON report_events(report_id, id);
CREATE UNIQUE INDEX units_sibling_name ON units(parent_id, kind, name, coalesce(valid_from, ''));
CREATE UNIQUE INDEX units_root_name ON units(kind, name, coalesce(valid_from, '')) WHERE parent_id IS NULL;
CREATE INDEX units_children ON units(parent_id, sort, id);
CREATE INDEX target_history_unit ON target_history(unit_id, id);
`,
};
