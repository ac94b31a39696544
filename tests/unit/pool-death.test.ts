// A parse worker that dies (out of memory under its resourceLimits, or any crash) costs its one
// file, which is rejected with a Vietnamese reason; the file is never parsed again on the main
// thread (what killed the worker would then kill the app), and a new worker takes the next file.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { defaultPoolSize, ParsePool, WORKER_DIED } from '../../electron/core/batch/pool';

const ROOT = join(__dirname, '..', '..');
// A real workbook: parsed on the main thread it would come back ok.
const SEED = readFileSync(join(ROOT, 'seeds', 'ha-quang.xlsx'));

// A stand-in worker: for a file named "bom…" it allocates until its heap limit kills it (it
// gives up at 320 MB, should no limit be set), for "thoat…" it exits; any other it answers itself.
const WORKER = `
const { parentPort } = require('node:worker_threads');
parentPort.postMessage({ ready: true });
parentPort.on('message', (m) => {
  if (m.name.startsWith('bom')) {
    const keep = [];
    for (let i = 0; i < 40; i++) keep.push(new Array(1e6).fill(i));
    process.exit(9);
  }
  if (m.name.startsWith('thoat')) process.exit(3);
  parentPort.postMessage({ id: m.id, result: { name: m.name, sha256: '', ok: false, reason: 'do luồng phụ trả lời' } });
});
`;

let dir: string | undefined;
let pool: ParsePool | undefined;
afterEach(async () => {
  await pool?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

it('rejects the file of a worker that runs out of memory, and the next file goes to a new worker', async () => {
  dir = mkdtempSync(join(tmpdir(), 'pcgd-pool-'));
  const worker = join(dir, 'worker.cjs');
  writeFileSync(worker, WORKER);
  pool = new ParsePool(1, worker, { maxOldGenerationSizeMb: 32, maxYoungGenerationSizeMb: 8 });
  const died = await pool.parse('bom.xlsx', SEED);
  expect(died).toMatchObject({ name: 'bom.xlsx', ok: false, reason: WORKER_DIED });
  expect(WORKER_DIED).toMatch(/^không đọc được tệp/);
  const next = await pool.parse('tiep.xlsx', SEED);
  expect(next).toMatchObject({ ok: false, reason: 'do luồng phụ trả lời' });
}, 30_000);

// A worker holds two files (the one it reads, the next in its inbox): when it dies on the first,
// the second is not blamed but read by its replacement ("b" and "c" below).
it('rejects the file of a worker that exits, with the queue carried on by its replacement', async () => {
  dir = mkdtempSync(join(tmpdir(), 'pcgd-pool-'));
  const worker = join(dir, 'worker.cjs');
  writeFileSync(worker, WORKER);
  pool = new ParsePool(1, worker);
  const results = await Promise.all(['a.xlsx', 'thoat-1.xlsx', 'b.xlsx', 'thoat-2.xlsx', 'c.xlsx'].map((n) => pool!.parse(n, SEED)));
  expect(results.map((r) => (r.ok ? 'ok' : r.reason === WORKER_DIED ? 'died' : 'answered'))).toEqual(['answered', 'died', 'answered', 'died', 'answered']);
}, 30_000);

it('leaves one core to the thread that stores: one worker on 1 or 2 cores, two from 3 cores up', () => {
  expect([1, 2, 3, 4, 16].map((n) => defaultPoolSize(n))).toEqual([1, 1, 2, 2, 2]);
});
