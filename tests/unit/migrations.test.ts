// A new database is made from the schema snapshot (new-database.ts) in one go; an existing one
// is brought forward step by step. Both must end in the same database: the same objects, word
// for word, the same version and application id. And the snapshot must be the one the steps give
// today: a migration added without `npm run -s schema` fails here.
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { NEW_DATABASE } from '../../electron/core/store/new-database';
import { APPLICATION_ID, MIGRATIONS, migrate, schemaOf, SCHEMA_VERSION, userVersion } from '../../electron/core/store/migrations';
import { Store } from '../../electron/core/store/store';

const objects = (db: Database.Database) =>
  db.prepare("SELECT type, name, tbl_name, sql FROM sqlite_schema WHERE name NOT LIKE 'sqlite_autoindex%' ORDER BY type, name").all();

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('the schema of a new database', () => {
  it('is the snapshot of what every migration gives today', () => {
    const replayed = new Database(':memory:');
    migrate(replayed, [...MIGRATIONS]);
    expect(NEW_DATABASE.version).toBe(SCHEMA_VERSION);
    expect(NEW_DATABASE.sql.trim()).toBe(schemaOf(replayed));
  });

  it('a new, empty database is made from the snapshot in one statement, not by replaying the steps', () => {
    const db = new Database(':memory:');
    const exec = vi.spyOn(db, 'exec');
    expect(migrate(db)).toEqual(MIGRATIONS.map((m) => m.version));
    expect(exec).toHaveBeenCalledTimes(1);
    expect(exec).toHaveBeenCalledWith(NEW_DATABASE.sql);
    expect(userVersion(db)).toBe(SCHEMA_VERSION);
  });

  it('made in one go equals the same made step by step, and a step-by-step one stays at home', () => {
    dir = mkdtempSync(join(tmpdir(), 'pcgd-schema-'));
    const replayed = new Database(join(dir, 'steps.db'));
    expect(migrate(replayed, [...MIGRATIONS])).toEqual(MIGRATIONS.map((m) => m.version));
    const store = Store.open(join(dir, 'new.db'));
    store.close();
    const made = new Database(join(dir, 'new.db'));
    expect(objects(made)).toEqual(objects(replayed));
    expect(objects(made).length).toBeGreaterThan(20);
    for (const db of [made, replayed]) {
      expect(userVersion(db)).toBe(SCHEMA_VERSION);
      expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    }
    // Opened again: nothing left to do, for either.
    expect(migrate(made)).toEqual([]);
    expect(migrate(replayed)).toEqual([]);
  });

  it('an older database is still brought forward step by step, its data kept', () => {
    dir = mkdtempSync(join(tmpdir(), 'pcgd-schema-'));
    const file = join(dir, 'old.db');
    const old = new Database(file);
    migrate(old, MIGRATIONS.slice(0, 3));
    old.prepare("INSERT INTO units (parent_id, name, kind, sort) VALUES (NULL, 'Hà Quảng', 'huyen', 1)").run();
    old.close();
    const store = Store.open(file);
    expect(store.districts().map((d) => d.name)).toEqual(['Hà Quảng']);
    store.close();
    const db = new Database(file);
    const fresh = new Database(':memory:');
    migrate(fresh);
    expect(objects(db)).toEqual(objects(fresh));
  });
});
