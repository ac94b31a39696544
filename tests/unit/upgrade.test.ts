// A database written by an earlier version (schema 2: the Hà Quảng demo loaded by b72a7c9's
// app, tests/fixtures/db/schema-2-demo.db) opens in this one with every value kept. Migration 4
// rebuilds the units table: with foreign keys on (better-sqlite3's default) it was refused.
import Database from 'better-sqlite3';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { Store } from '../../electron/core/store/store';

const dir = mkdtempSync(join(tmpdir(), 'pcgd-upgrade-'));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const counts = (file: string) => {
  const d = new Database(file, { readonly: true });
  try {
    return Object.fromEntries(['units', 'reports', 'cell_values', 'audit'].map((t) => [t, (d.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n]));
  } finally {
    d.close();
  }
};

it('a schema-2 database opens, migrates to the present schema and keeps every unit, report, value and audit row', () => {
  const file = join(dir, 'old.db');
  copyFileSync(join(import.meta.dirname, '..', 'fixtures', 'db', 'schema-2-demo.db'), file);
  const before = counts(file);
  expect(before.cell_values).toBeGreaterThan(0);
  const store = Store.open(file);
  store.close();
  expect(counts(file)).toEqual(before);
  const d = new Database(file, { readonly: true });
  expect((d.pragma('user_version') as { user_version: number }[])[0].user_version).toBeGreaterThan(2);
  expect(d.pragma('foreign_key_check')).toEqual([]);
  d.close();
});
