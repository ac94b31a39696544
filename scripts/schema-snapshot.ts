// Writes electron/core/store/new-database.ts: the schema the numbered migrations end in, which a
// new database is made from in one go. Run after adding a migration (`npm run -s schema`);
// tests/unit/migrations.test.ts fails until it is.
import Database from 'better-sqlite3';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MIGRATIONS, migrate, schemaOf, SCHEMA_VERSION } from '../electron/core/store/migrations';

const db = new Database(':memory:');
// A copy of the list: the replay of every step, not the snapshot being written.
migrate(db, [...MIGRATIONS]);
const sql = schemaOf(db);
db.close();
const out = join(import.meta.dirname, '..', 'electron', 'core', 'store', 'new-database.ts');
writeFileSync(
  out,
  `// Written by scripts/schema-snapshot.ts (npm run -s schema) from migrations.ts: do not edit.
// The schema a new database is made with, the same as replaying every migration gives.
export const NEW_DATABASE = {
  version: ${SCHEMA_VERSION},
  sql: /* sql */ \`
${sql.replace(/[\\`]|\$\{/g, (m) => `\\${m}`)}
\`,
};
`,
);
console.log(`${out}: version ${SCHEMA_VERSION}, ${sql.length} characters`);
