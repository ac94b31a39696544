// `npm run bench`: speed of the core beside exceljs alone, in the same run (this machine is
// shared and noisy: only ratios against a baseline measured alongside mean anything).
// Not part of `npm test`. BENCH_ONLY=core or BENCH_ONLY=ui runs one part (ui: bench/ui.ts);
// BENCH_ONLY=batch runs only the 200-file batch of the core part; BENCH_ONLY=counts the level engine.
import ExcelJS from 'exceljs';
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { openApp } from '../electron/core/app';
import { dailyBackup } from '../electron/core/store/backup';
import { exportBuffer } from '../electron/core/export';
import { writeWorkbook } from '../electron/core/excel/write';
import { importBuffer } from '../electron/core/import';
import { writeForms } from '../electron/core/forms-out';
import { defaultPoolSize, ParsePool } from '../electron/core/batch/pool';
import { runBatch } from '../electron/core/batch/run';
import { readdirSync } from 'node:fs';
import { Store } from '../electron/core/store/store';
import { columnsOf, type Grid } from '../shared/grid';
import { getTemplate } from '../shared/templates';
import { uiBench } from './ui';
import { countsBench } from './counts';
import { NODE_BUNDLE } from '../scripts/bundle-options.mjs';

const ROOT = join(import.meta.dirname, '..');
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const ONLY = process.env.BENCH_ONLY;

async function median(label: string, fn: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  await fn(); // warm-up: JIT and file cache
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const m = times[Math.floor(times.length / 2)];
  console.log(`  ${label.padEnd(52)} ${m.toFixed(0).padStart(6)} ms`);
  return m;
}

/** Medians of two measures taken in turn, run by run, after one warm-up of each. */
async function alternating(...sides: [string, () => Promise<unknown>][]): Promise<number[]> {
  const times: number[][] = sides.map(() => []);
  for (const [, fn] of sides) await fn();
  for (let i = 0; i < RUNS; i++) {
    for (const [k, [, fn]] of sides.entries()) {
      const t = performance.now();
      await fn();
      times[k].push(performance.now() - t);
    }
  }
  return sides.map(([label], k) => {
    const sorted = times[k].sort((a, b) => a - b);
    const m = sorted[Math.floor(sorted.length / 2)];
    console.log(`  ${label.padEnd(52)} ${m.toFixed(0).padStart(6)} ms   (${sorted.map((t) => t.toFixed(0)).join(' ')})`);
    return m;
  });
}

function ratio(label: string, ours: number, base: number, goal: number) {
  const r = ours / base;
  console.log(`  → ${label}: ${r.toFixed(2)}× (mục tiêu ≤ ${goal}×) ${r <= goal ? 'ĐẠT' : 'CHƯA ĐẠT'}`);
}

/** A national-scale grid: n communes of pcgd-thcs, one mark per group. */
function bigGrid(n: number): Grid {
  const t = getTemplate('pcgd-thcs');
  const grid: Grid = { template: t.id, layout: t.defaultLayout, rows: [], totalTexts: {} };
  const marks = columnsOf(t, grid.layout).filter((c) => c.kind === 'mark');
  for (let i = 0; i < n; i++) {
    const values: Record<string, string> = {};
    for (const g of ['2020', '2021-2025', '2026-2030']) {
      const col = marks.filter((c) => c.group === g)[(i * 7 + g.length) % 3];
      values[col.key] = 'x';
    }
    grid.rows.push({ unit: `Xã số ${i + 1}`, values });
  }
  return grid;
}

/** The same cells written by exceljs with no style at all: the floor for any writer. */
async function plainWrite(grid: Grid): Promise<Buffer> {
  const t = getTemplate(grid.template);
  const cols = columnsOf(t, grid.layout);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(t.appendix);
  ws.addRow(['STT', 'Tên đơn vị', ...cols.map((c) => c.label)]);
  grid.rows.forEach((r, i) => ws.addRow([i + 1, r.unit, ...cols.map((c) => r.values[c.key] ?? null)]));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function scale(title: string, file: Buffer, name: string) {
  console.log(`\n${title}`);
  const dir = mkdtempSync(join(tmpdir(), 'pcgd-bench-'));
  let k = 0;
  const load = await median('exceljs: chỉ nạp tệp (wb.xlsx.load)', async () => {
    await new ExcelJS.Workbook().xlsx.load(file as unknown as ArrayBuffer);
  });
  // Each run imports into a database of its own, made before its timer: an officer makes a
  // database once and imports into it all year. Making one is timed apart, as the batch's is.
  const made: Store[] = [];
  const makes: number[] = [];
  for (let i = 0; i <= RUNS; i++) {
    const t = performance.now();
    made.push(Store.open(join(dir, `r${i}.db`)));
    makes.push(performance.now() - t);
  }
  const ours = await median('đọc + kiểm tra + lưu vào SQLite (CSDL vừa tạo)', async () => {
    const r = await importBuffer(made[k++], name, file);
    if (r.status !== 'ok') throw new Error(r.reason);
  });
  for (const s of made) s.close();
  makes.sort((a, b) => a - b);
  console.log(`  (tạo CSDL mới, một lần mỗi CSDL: ${makes[Math.floor(makes.length / 2)].toFixed(1)} ms)`);
  ratio('đọc + kiểm tra + lưu so với chỉ nạp', ours, load, 1.2);

  const store = Store.open(join(dir, 'export.db'));
  await importBuffer(store, name, file);
  const { grids } = { grids: store.listReports().map((r) => store.loadGrid(r.id)) };
  const plain = await median('exceljs: ghi cùng các ô, không định dạng', async () => {
    for (const g of grids) await plainWrite(g);
  });
  const exp = await median('xuất báo cáo chính thức (từ CSDL)', () => exportBuffer(store));
  ratio('xuất so với ghi trơn', exp, plain, 1.5);
  store.close();
  rmSync(dir, { recursive: true, force: true });
}


/** 200 commune forms of a 200-commune district, imported as one batch, beside exceljs loading them. */
async function batch() {
  const count = Number(process.env.BENCH_FILES ?? 200);
  console.log(`\nĐợt nhập ${count} tệp biểu của xã (mỗi tệp 4 biểu, 1 xã)`);
  const dir = mkdtempSync(join(tmpdir(), 'pcgd-bench-batch-'));
  const seedDb = join(dir, 'seed.db');
  const store = Store.open(seedDb);
  const d = store.addUnit({ parentId: null, name: 'Thử Nghiệm', kind: 'huyen' });
  const communes = store.addUnits(d.id, Array.from({ length: count }, (_, i) => `Xã ${i + 1}`), 'xa');
  for (const t of ['xmc', 'pcgd-mn', 'pcgd-th', 'pcgd-thcs'] as const) {
    const report = store.ensureReport(t, d.id, getTemplate(t).defaultLayout);
    const marks = columnsOf(getTemplate(t), report.layout).filter((c) => c.kind === 'mark' && c.level === 0);
    store.setValues(report.id, communes.flatMap((u) => marks.map((c) => ({ unitId: u.id, key: c.key, value: 'x' }))), { kind: 'seed' });
  }
  const formsDir = join(dir, 'forms');
  await writeForms(store, formsDir, { unitName: 'Thử Nghiệm' });
  store.close();
  const files = readdirSync(formsDir).map((f) => join(formsDir, f));
  const bufs = files.map((f) => readFileSync(f));

  // The worker as the app runs it: bundled (under tsx it would compile TypeScript at start-up).
  const worker = join(ROOT, 'dist-electron', 'parse-worker.cjs');
  await build({ entryPoints: [join(ROOT, 'electron/core/batch/parse-worker.ts')], outfile: worker, ...NODE_BUNDLE, logLevel: 'error' });

  let k = 0;
  // Each run imports into a fresh copy of the seed. Opening it (with its integrity check, which
  // the app pays once per session, not per import) is timed apart, before the batch's timer.
  const fresh: Store[] = [];
  const opens: number[] = [];
  const openFresh = () => {
    const db = join(dir, `run${k++}.db`);
    copyFileSync(seedDb, db);
    const t = performance.now();
    fresh.push(Store.open(db));
    opens.push(performance.now() - t);
  };
  for (let i = 0; i <= RUNS; i++) openFresh(); // the warm-up's and each run's
  // Alternating, run by run: a neighbour's load on this shared machine falls on both sides.
  const [load, ours] = await alternating(['exceljs: nạp lần lượt các tệp, một luồng', async () => {
    for (const b of bufs) await new ExcelJS.Workbook().xlsx.load(b as unknown as ArrayBuffer);
  }], [`đợt nhập (${defaultPoolSize()} luồng phụ đọc tệp như ứng dụng trên máy này, kể cả khởi động luồng)`, async () => {
    const s2 = fresh.shift()!;
    const pool = new ParsePool(undefined, worker);
    try {
      const r = await runBatch(s2, files.map((f, i) => ({ name: f, load: async () => bufs[i] })), { pool });
      if (r.files.some((f) => f.status !== 'ok')) throw new Error('tệp không hợp lệ trong đợt đo');
    } finally {
      await pool.close();
      s2.close();
    }
  }]);
  for (const s of fresh) s.close();
  opens.sort((a, b) => a - b);
  console.log(`  mở cơ sở dữ liệu (kể cả kiểm tra toàn vẹn, một lần mỗi phiên): ${opens[Math.floor(opens.length / 2)].toFixed(0)} ms`);
  const tpsBase = (count / load) * 1000;
  const tpsOurs = (count / ours) * 1000;
  console.log(`  exceljs: ${tpsBase.toFixed(1)} tệp/giây; đợt nhập: ${tpsOurs.toFixed(1)} tệp/giây`);
  const r = tpsOurs / tpsBase;
  console.log(`  → thông lượng đợt nhập so với exceljs một luồng: ${r.toFixed(2)}× (mục tiêu ≥ 1.5×) ${r >= 1.5 ? 'ĐẠT' : 'CHƯA ĐẠT'}`);
  await backendThread(seedDb, files, bufs, worker, dir);
  rmSync(dir, { recursive: true, force: true });
}

/**
 * The backend in a worker thread (openApp({ inWorker: true }), as Electron runs it) beside the
 * same app in this thread: one setCells round trip, and the batch above through startImport and
 * importStatus with this thread's event loop delay during it. Both sides use the bundled workers.
 */
async function backendThread(seedDb: string, files: string[], bufs: Buffer[], parseWorker: string, dir: string) {
  console.log('\nLuồng xử lý dữ liệu riêng (như Electron) so với chạy ngay trong luồng gọi');
  const appWorker = join(ROOT, 'dist-electron', 'app-worker.cjs');
  await build({ entryPoints: [join(ROOT, 'electron/core/app-worker.ts')], outfile: appWorker, ...NODE_BUNDLE, logLevel: 'error' });
  let k = 0;
  /** A fresh copy of the seed, its daily backup already taken (none runs while we measure). */
  const freshDb = async () => {
    const db = join(dir, `thread${k++}.db`);
    copyFileSync(seedDb, db);
    const s = Store.open(db);
    await dailyBackup(s);
    s.close();
    return db;
  };
  const open = async (inWorker: boolean) =>
    openApp({ dbPath: await freshDb(), seedsDir: join(ROOT, 'seeds'), saveFile: async () => ({ saved: false }), parseWorker, appWorker, inWorker });
  const sides = [false, true] as const;
  const label = (inWorker: boolean) => (inWorker ? 'qua luồng riêng' : 'trong luồng   ');

  // One cell typed, as the grid sends it: N calls in a row, the time per call.
  const N = 200;
  const apps = await Promise.all(sides.map(open));
  const per: number[][] = [[], []];
  for (const [i, app] of apps.entries()) {
    const report = (await app.api.overview({})).reports.find((r) => r.template === 'xmc')!;
    const row = (await app.api.openGrid({ reportId: report.id })).grid.rows[0];
    const key = columnsOf(getTemplate('xmc'), report.layout).find((c) => c.kind === 'mark')!.key;
    (apps[i] as typeof app & { edit?: (v: string) => Promise<unknown> }).edit = (v) => app.api.setCells({ reportId: report.id, writes: [{ unitId: row.unitId!, key, value: v }] });
  }
  for (let run = 0; run <= RUNS; run++) {
    for (const [i, app] of apps.entries()) {
      const edit = (app as typeof app & { edit: (v: string) => Promise<unknown> }).edit;
      const t = performance.now();
      for (let j = 0; j < N; j++) await edit(j % 2 ? 'x' : '');
      if (run) per[i].push((performance.now() - t) / N); // run 0: warm-up
    }
  }
  for (const app of apps) await app.close();
  const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  for (const i of [0, 1]) console.log(`  ${`setCells một ô, khứ hồi, ${label(sides[i])}`.padEnd(52)} ${med(per[i]).toFixed(2).padStart(6)} ms`);

  // The batch: startImport, then importStatus every 20 ms as the page polls, until it is over.
  const payload = files.map((f, i) => ({ name: f, data: bufs[i].toString('base64') }));
  const times: number[][] = [[], []];
  const p99: number[][] = [[], []];
  for (let run = 0; run <= RUNS; run++) {
    for (const [i, inWorker] of sides.entries()) {
      const app = await open(inWorker);
      try {
        await app.api.overview({});
        const h = monitorEventLoopDelay({ resolution: 5 });
        h.enable();
        const t = performance.now();
        const { batchId } = await app.api.startImport({ files: payload, dryRun: false });
        let since = 0;
        for (;;) {
          const s = await app.api.importStatus({ batchId, since });
          since += s.files.length;
          if (s.state !== 'running') break;
          await new Promise((r) => setTimeout(r, 20));
        }
        const ms = performance.now() - t;
        h.disable();
        if (run) {
          times[i].push(ms);
          p99[i].push(h.percentile(99) / 1e6);
        }
      } finally {
        await app.close();
      }
    }
  }
  for (const i of [0, 1]) {
    console.log(`  ${`đợt nhập ${files.length} tệp, ${label(sides[i])}`.padEnd(52)} ${med(times[i]).toFixed(0).padStart(6)} ms   (trễ vòng sự kiện p99 ${med(p99[i]).toFixed(0)} ms)`);
  }
  console.log(`  → qua luồng riêng so với trong luồng: setCells ${(med(per[1]) / med(per[0])).toFixed(2)}×, đợt nhập ${(med(times[1]) / med(times[0])).toFixed(2)}×`);
}

/** The CLI's start: `--help` by plain Node from the bundle, beside `node -e 0` (the floor). validate exits 1 on a grid with errors: a result, not a failure. */
async function cliStart() {
  console.log('\nKhởi động dòng lệnh (cả tiến trình)');
  const cli = join(ROOT, 'scripts', 'cli.mjs');
  const spawnOf = (args: string[]) => async () => {
    const r = spawnSync(process.execPath, args, { stdio: 'ignore' });
    if (r.status !== 0 && r.status !== 1) throw new Error(`${args.join(' ')}: mã thoát ${r.status}`);
  };
  const [bare, help, validate] = await alternating(
    ['node -e 0', spawnOf(['-e', '0'])],
    ['cli --help', spawnOf([cli, '--help'])],
    ['cli validate seeds/ha-quang.xlsx', spawnOf([cli, 'validate', join(ROOT, 'seeds', 'ha-quang.xlsx')])],
  );
  console.log(`  → cli --help: ${help.toFixed(0)} ms (mục tiêu < 400 ms) ${help < 400 ? 'ĐẠT' : 'CHƯA ĐẠT'}; hơn node -e 0: ${(help - bare).toFixed(0)} ms; validate: ${validate.toFixed(0)} ms`);
}

const n = Number(process.env.BENCH_COMMUNES ?? 10_000);
console.log(`Đo tốc độ (trung vị của ${RUNS} lần, sau 1 lần khởi động), Node ${process.version}`);
// The UI first: its browser host runs in this process, which then has not yet built the
// 10,000-commune workbooks (a guess at one source of noise; no difference was measured).
if (ONLY !== 'core' && ONLY !== 'batch' && ONLY !== 'cli' && ONLY !== 'counts') await uiBench();
if (ONLY !== 'ui' && ONLY !== 'batch' && ONLY !== 'cli' && ONLY !== 'counts') {
  await scale('Quy mô huyện: seeds/ha-quang.xlsx (21 xã, 4 biểu)', readFileSync(join(ROOT, 'seeds', 'ha-quang.xlsx')), 'ha-quang.xlsx');
  const national = await writeWorkbook({ unit: { name: 'Toàn quốc', kind: 'tinh' }, parent: null, date: new Date(2025, 9, 1), grids: [bigGrid(n)] });
  await scale(`Quy mô toàn quốc trước 2025: ${n.toLocaleString('vi-VN')} xã trong một biểu (Phụ lục 4)`, national, 'toan-quoc.xlsx');
}
if (!ONLY || ONLY === 'core' || ONLY === 'counts') countsBench(n, RUNS);
if (ONLY !== 'ui' && ONLY !== 'cli' && ONLY !== 'counts') await batch();
if (!ONLY || ONLY === 'cli') await cliStart();
