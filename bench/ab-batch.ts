// In-process A/B of the 200-file batch: this tree against another checkout (default the base of
// issue 8, b72a7c9, in ../wt/base8: `git worktree add ../wt/base8 b72a7c9`, node_modules linked).
// Both trees' modules are loaded in ONE process and their runs alternate on the same files, so
// the noise of this shared machine falls on both sides; a single `npm run bench` swings ±20%.
//   AB_BASE=/path/to/other/tree AB_RUNS=30 AB_FILES=bench|fixture npx tsx bench/ab-batch.ts
// AB_FILES=bench: the forms bench/run.ts writes (every one ok), written by this tree;
// fixture: tests/fixtures/batch/two-hundred (195 ok, and files the base cannot read). Both over
// district-200.xlsx, signed with the fixture secret. Wall time swings with the neighbours' load;
// CPU time of all threads (process.cpuUsage) much less: both are printed, with the main thread's
// share (process.threadCpuUsage) and Store.open apart (bench/run.ts times it with the batch).
// AB_PROFILE=dir: writes each side's main-thread profile there instead. AB_POOL=n: this tree's
// parse workers (else each side has its own default: 2 in the base, 1 here on 2 cores). AB_STORE_ONLY=1: each side's files parsed once beforehand, on
// this thread, and each run only stores them (its pool hands out copies): the storing apart from
// the workers; "workers cpu" is then this thread's background (its GC, its optimising compiler).
import { build } from 'esbuild';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { FIXTURE_FORM_SECRET } from '../tests/support/fixture-secret';
import { NEW, BASE, servicesOf } from './ab-trees';

const RUNS = Number(process.env.AB_RUNS ?? 30);
const FILES = process.env.AB_FILES ?? 'bench';
const dir = mkdtempSync(join(tmpdir(), 'pcgd-ab-'));

interface Side {
  label: string;
  run(): Promise<[number, number, number, number]>;
}

async function side(label: string, root: string, names: string[], bufs: Buffer[], limits?: object): Promise<Side> {
  const svc = servicesOf(root);
  const { Store } = await import(join(svc, 'store', 'store.ts'));
  const { importBuffer } = await import(join(svc, 'import.ts'));
  const { ParsePool } = await import(join(svc, 'batch', 'pool.ts'));
  const { runBatch } = await import(join(svc, 'batch', 'run.ts'));
  const seed = join(dir, `${label}-seed.db`);
  const s = Store.open(seed);
  if (typeof s.adoptFormSecret === 'function') s.adoptFormSecret(FIXTURE_FORM_SECRET);
  const r = await importBuffer(s, 'district-200.xlsx', readFileSync(join(NEW, 'tests/fixtures/batch/district-200.xlsx')));
  if (r.status !== 'ok') throw new Error(`${label}: seed ${r.status}`);
  s.close();
  // Beside the tree's node_modules: exceljs and SheetJS stay outside the bundle.
  const worker = join(root, 'dist-electron', `ab-parse-worker-${label}.cjs`);
  await build({
    entryPoints: [join(svc, 'batch', 'parse-worker.ts')],
    outfile: worker,
    bundle: true,
    platform: 'node',
    target: 'node22',
    format: 'cjs',
    external: ['electron', 'better-sqlite3', 'exceljs', '@e965/xlsx'],
    define: { 'import.meta.url': 'undefined' },
    supported: { 'dynamic-import': false },
    logLevel: 'error',
  });
  // AB_STORE_ONLY: every file parsed here once; a run's "pool" gives a copy, as a worker's message would.
  const { parseFile } = await import(join(svc, 'batch', 'parse.ts'));
  const parsed = process.env.AB_STORE_ONLY ? await Promise.all(names.map((n, i) => parseFile(n, bufs[i]))) : [];
  const storeOnly = { parse: async (name: string) => structuredClone(parsed[names.indexOf(name)]), close: async () => {} };
  let k = 0;
  return {
    label,
    async run() {
      const db = join(dir, `${label}-run${k++}.db`);
      copyFileSync(seed, db);
      const t = performance.now();
      const c = process.cpuUsage();
      const m = process.threadCpuUsage();
      // Timed as bench/run.ts times it (opening the store included), and apart.
      const st = Store.open(db);
      const opened = performance.now() - t;
      // Each side's own default (the app's), unless AB_POOL sets this tree's.
      const size = label !== 'base' && process.env.AB_POOL ? Number(process.env.AB_POOL) : undefined;
      const pool = process.env.AB_STORE_ONLY ? storeOnly : limits ? new ParsePool(size, worker, limits) : new ParsePool(size, worker);
      try {
        const res = await runBatch(st, names.map((n, i) => ({ name: n, load: async () => bufs[i] })), { pool: pool as InstanceType<typeof ParsePool> });
        const counts: Record<string, number> = {};
        for (const f of res.files as { status: string }[]) counts[f.status] = (counts[f.status] ?? 0) + 1;
        if (k === 1) console.log(label, JSON.stringify(counts));
      } finally {
        await pool.close();
        st.close();
      }
      const ms = performance.now() - t;
      const cpu = process.cpuUsage(c);
      const main = process.threadCpuUsage(m);
      rmSync(db, { force: true });
      return [ms, (cpu.user + cpu.system) / 1000, (main.user + main.system) / 1000, opened];
    },
  };
}

async function benchForms(): Promise<string[]> {
  // The forms bench/run.ts issues, written by this tree from a seeded district.
  const svc = servicesOf(NEW);
  const { Store } = await import(join(svc, 'store', 'store.ts'));
  const { writeForms } = await import(join(svc, 'forms-out.ts'));
  const { importBuffer } = await import(join(svc, 'import.ts'));
  const s = Store.open(join(dir, 'forms-src.db'));
  s.adoptFormSecret(FIXTURE_FORM_SECRET);
  await importBuffer(s, 'district-200.xlsx', readFileSync(join(NEW, 'tests/fixtures/batch/district-200.xlsx')));
  const out = join(dir, 'forms');
  await writeForms(s, out, { unitName: 'Thử Nghiệm' });
  s.close();
  return readdirSync(out).sort().map((f) => join(out, f));
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const fixtureDir = join(NEW, 'tests/fixtures/batch/two-hundred');
const names = FILES === 'bench' ? await benchForms() : readdirSync(fixtureDir).sort().map((f) => join(fixtureDir, f));
const bufs = names.map((f) => readFileSync(f));
// AB_LIMITS='{"maxOldGenerationSizeMb":768}': this tree against itself, the second side's
// workers with those resourceLimits, the first's with Node's defaults. AB_BASE=. gives an A/A
// run: what this harness reads as a difference when there is none.
const sides = process.env.AB_LIMITS
  ? [await side('new-default-heap', NEW, names, bufs, {}), await side('new-limits', NEW, names, bufs, JSON.parse(process.env.AB_LIMITS))]
  : [await side('base', BASE, names, bufs), await side('new', NEW, names, bufs)];
for (const s of sides) await s.run(); // warm-up
if (process.env.AB_PROFILE) {
  // The main thread's profile of each side (its runs in a row), for scratch analysis.
  const { Session } = await import('node:inspector/promises');
  const { writeFileSync } = await import('node:fs');
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 200 });
  for (const s of sides) {
    await session.post('Profiler.start');
    for (let i = 0; i < RUNS; i++) await s.run();
    const { profile } = await session.post('Profiler.stop');
    writeFileSync(join(process.env.AB_PROFILE, `${s.label}.cpuprofile`), JSON.stringify(profile));
  }
  process.exit(0);
}
const times: number[][] = [[], []];
const cpus: number[][] = [[], []];
const mains: number[][] = [[], []];
const opens: number[][] = [[], []];
const ratios: number[] = [];
const cpuRatios: number[] = [];
for (let i = 0; i < RUNS; i++) {
  // Alternate which side goes first, so neither always follows the other's garbage.
  const order = i % 2 ? [1, 0] : [0, 1];
  for (const j of order) {
    const [ms, cpu, main, opened] = await sides[j].run();
    opens[j].push(opened);
    times[j].push(ms);
    cpus[j].push(cpu);
    mains[j].push(main);
  }
  ratios.push(times[1][i] / times[0][i]);
  cpuRatios.push(cpus[1][i] / cpus[0][i]);
}
const list = (xs: number[]) => xs.map((t) => t.toFixed(0)).join(' ');
console.log(`files=${FILES} (${names.length}) runs=${RUNS}`);
for (const j of [0, 1]) console.log(`${sides[j].label.padEnd(4)} wall ${median(times[j]).toFixed(0)} ms (${list(times[j])}); cpu ${median(cpus[j]).toFixed(0)} ms (${list(cpus[j])})`);
console.log(`wall: ratio of medians ${(median(times[1]) / median(times[0])).toFixed(3)}, median of paired ratios ${median(ratios).toFixed(3)}`);
const lessOpen = (j: number) => times[j].map((t, i) => t - opens[j][i]);
console.log(`Store.open: base ${median(opens[0]).toFixed(1)} new ${median(opens[1]).toFixed(1)} ms; wall without it: base ${median(lessOpen(0)).toFixed(0)} new ${median(lessOpen(1)).toFixed(0)} ms, ratio of medians ${(median(lessOpen(1)) / median(lessOpen(0))).toFixed(3)}, median of paired ratios ${median(lessOpen(1).map((t, i) => t / lessOpen(0)[i])).toFixed(3)}`);
console.log(`main thread cpu: base ${median(mains[0]).toFixed(0)} new ${median(mains[1]).toFixed(0)} ms; workers cpu: base ${median(cpus[0].map((c, i) => c - mains[0][i])).toFixed(0)} new ${median(cpus[1].map((c, i) => c - mains[1][i])).toFixed(0)} ms, median of paired ratios ${median(cpus[1].map((c, i) => (c - mains[1][i]) / (cpus[0][i] - mains[0][i]))).toFixed(3)}`);
console.log(`cpu (all threads): ratio of medians ${(median(cpus[1]) / median(cpus[0])).toFixed(3)}, median of paired ratios ${median(cpuRatios).toFixed(3)}`);
rmSync(dir, { recursive: true, force: true });
process.exit(0);
