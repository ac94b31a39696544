// One contract call through the faces' own path (openApp → dispatch), in a process of its
// own: `node --import tsx tests/support/dispatch-once.ts DB METHOD PAYLOAD_JSON|@FILE [BUSY_MS]`. Prints
// the envelope as JSON. METHOD `import` is startImport run to its end (run-import.ts). A process of its own so that a test can run it as another user (root
// ignores file permissions, so a read-only file is only read-only to someone else).
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { dispatch } from '../../electron/core/dispatch';
import { fileFaultLog } from '../../electron/core/fault-log';
import { openApp } from '../../electron/core/app';
import { dispatchImport } from './run-import';

const [db, method, payload, busy] = process.argv.slice(2);
const app = await openApp({
  dbPath: db,
  poolSize: 1,
  seedsDir: join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'seeds'),
  saveFile: async () => ({ saved: false, download: true }),
  open: { busyTimeoutMs: busy ? Number(busy) : undefined },
});
// PAYLOAD_JSON may be @FILE: a workbook's base64 is longer than one argument may be.
const json = payload.startsWith('@') ? readFileSync(payload.slice(1), 'utf8') : payload;
const log = fileFaultLog(`${db}.test-fault.log`);
const envelope =
  method === 'import'
    ? await dispatchImport((m, p) => dispatch(app.api, m, p, log), JSON.parse(json))
    : await dispatch(app.api, method, JSON.parse(json), log);
process.stdout.write(JSON.stringify(envelope));
await app.close();
