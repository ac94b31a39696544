// In-process A/B of one workbook's import and the official export of what it stored: another
// checkout (default the base of issue 8, b72a7c9, in ../wt/base8) against this tree. Both
// trees' modules are loaded in ONE process and their runs alternate, so the neighbours' load on
// this shared machine falls on both sides.
//   AB_BASE=/path/to/other/tree AB_RUNS=100 AB_FILE=seeds/ha-quang.xlsx npx tsx bench/ab-file.ts
// AB_SWAP=1 loads this tree first (its garbage then lies under the other side's first runs).
// Each import goes into a database of its own, which a dry run of the same file has used first
// (rolled back: the database stays empty), so that the connection's statements are prepared, as
// in a session of the app; AB_COLD=1 leaves that out (a fresh connection prepares each statement
// the import uses, in the timed run).
// An export's median swings with the garbage collector's rhythm (one side can catch a costlier
// mode for a whole run): the 10th and 25th percentiles are printed beside it.
// AB_ONLY=base or AB_ONLY=new times one side alone in this process and prints its percentiles as
// one JSON line: run the two in turn, each in a process of its own, so that neither side's
// garbage lies in the other's heap, e.g.
//   for i in 1 2 3 4 5 6; do for s in base new; do AB_ONLY=$s npx tsx bench/ab-file.ts; done; done
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { NEW, BASE, servicesOf } from './ab-trees';

const RUNS = Number(process.env.AB_RUNS ?? 100);
const file = resolve(NEW, process.env.AB_FILE ?? 'seeds/ha-quang.xlsx');
const buf = readFileSync(file);
const dir = mkdtempSync(join(tmpdir(), 'pcgd-ab-file-'));

interface Side {
  label: string;
  /** One import into a database made before the timer. */
  importOnce(): Promise<number>;
  /** One export of the stored workbook. */
  exportOnce(): Promise<number>;
}

async function side(label: string, root: string): Promise<Side> {
  const svc = servicesOf(root);
  const { Store } = await import(join(svc, 'store', 'store.ts'));
  const { importBuffer } = await import(join(svc, 'import.ts'));
  const { exportBuffer } = await import(join(svc, 'export.ts'));
  const stored = Store.open(join(dir, `${label}.db`));
  const r = await importBuffer(stored, 'a.xlsx', buf);
  if (r.status !== 'ok') throw new Error(`${label}: ${r.status}`);
  let k = 0;
  return {
    label,
    async importOnce() {
      const s = Store.open(join(dir, `${label}-${k++}.db`));
      if (process.env.AB_COLD !== '1') await importBuffer(s, 'a.xlsx', buf, { dryRun: true });
      const t = performance.now();
      const out = await importBuffer(s, 'a.xlsx', buf);
      const ms = performance.now() - t;
      s.close();
      if (out.status !== 'ok') throw new Error(`${label}: ${out.status}`);
      return ms;
    },
    async exportOnce() {
      const t = performance.now();
      await exportBuffer(stored);
      return performance.now() - t;
    },
  };
}

const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
const at = (xs: number[], p: number) => sorted(xs)[Math.floor(xs.length * p)];

if (process.env.AB_ONLY) {
  const only = process.env.AB_ONLY;
  const s = await side(only, only === 'base' ? BASE : NEW);
  const out: Record<string, unknown> = { side: only };
  // The exports first: after a few hundred imports a process's heap can be in a state where
  // every export costs twice as much, in either tree (the garbage collector's, not the code's).
  for (const what of ['exportOnce', 'importOnce'] as const) {
    for (let i = 0; i < 10; i++) await s[what]();
    const t: number[] = [];
    for (let i = 0; i < RUNS; i++) t.push(await s[what]());
    out[what === 'importOnce' ? 'import' : 'export'] = { p10: +at(t, 0.1).toFixed(2), p25: +at(t, 0.25).toFixed(2), p50: +at(t, 0.5).toFixed(2) };
  }
  console.log(JSON.stringify(out));
  rmSync(dir, { recursive: true, force: true });
  process.exit(0);
}

const roots: [string, string][] = [['base', BASE], ['new ', NEW]];
const sides: Side[] = [];
for (const [label, root] of process.env.AB_SWAP === '1' ? [...roots].reverse() : roots) sides.push(await side(label, root));
if (process.env.AB_SWAP === '1') sides.reverse();
for (const s of sides) for (let i = 0; i < 3; i++) { await s.importOnce(); await s.exportOnce(); } // warm-up

console.log(`${file.replace(`${NEW}/`, '')}, ${RUNS} runs per side, alternating; imports on ${process.env.AB_COLD === '1' ? 'fresh connections' : 'connections a dry run has used'}`);
for (const what of ['importOnce', 'exportOnce'] as const) {
  const t: number[][] = [[], []];
  for (let i = 0; i < RUNS; i++) for (const j of i % 2 ? [1, 0] : [0, 1]) t[j].push(await sides[j][what]());
  for (const [j, s] of sides.entries()) console.log(`  ${what === 'importOnce' ? 'import' : 'export'} ${s.label} p10 ${at(t[j], 0.1).toFixed(1)}  p25 ${at(t[j], 0.25).toFixed(1)}  p50 ${at(t[j], 0.5).toFixed(1)} ms`);
  const paired = t[1].map((v, i) => v / t[0][i]);
  console.log(`  → ratio of p10 ${(at(t[1], 0.1) / at(t[0], 0.1)).toFixed(3)}, of medians ${(at(t[1], 0.5) / at(t[0], 0.5)).toFixed(3)}, median of paired ratios ${at(paired, 0.5).toFixed(3)}`);
}
rmSync(dir, { recursive: true, force: true });
process.exit(0);
