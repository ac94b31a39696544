// A small pool of worker threads for parsing files: a batch of hundreds of commune files is read
// on the cores the thread that stores them does not need (defaultPoolSize), each worker holding
// its next file before it is done with the current one.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker, type ResourceLimits } from 'node:worker_threads';
import { faultLogPath, fileFaultLog } from '../fault-log';
import { parseFile, type ParsedFile } from './parse';

interface Job {
  id: number;
  name: string;
  buf: Buffer;
  resolve: (p: ParsedFile) => void;
}

/** The worker script: bundled beside the Electron main, or the TypeScript source under tsx. */
function workerEntry(bundledFile?: string): { file: string | URL; execArgv: string[] } {
  const bundled = bundledFile ?? (typeof __dirname === 'string' ? join(__dirname, 'parse-worker.cjs') : '');
  if (bundled && existsSync(bundled)) return { file: bundled, execArgv: [] };
  return { file: new URL('./parse-worker.ts', import.meta.url), execArgv: ['--import', 'tsx'] };
}

/**
 * Each worker's heap: enough for exceljs on the largest file the limits let through
 * (excel/limits.ts), small enough that a file that still blows up kills its worker, not the app.
 * The young generation is small on purpose: a form's parse leaves almost nothing alive, and an
 * 8 MB one is scavenged while it is still in the processor's cache. Measured on 100 forms per
 * fresh worker (all threads' CPU, medians of 16): V8's default 532 ms, 16 MB 531, 8 MB 492,
 * 4 MB 487; the 10,000-commune workbook 343 → 262 ms through the lean reader, 879 → 807 ms
 * through exceljs, at the same wall time. A 64 MB one made a batch 4% slower.
 */
export const WORKER_LIMITS: ResourceLimits = { maxOldGenerationSizeMb: 768, maxYoungGenerationSizeMb: 8 };

/** What the officer is told of a file whose worker died reading it (never parsed again). */
export const WORKER_DIED =
  'không đọc được tệp: việc đọc tệp dùng quá nhiều bộ nhớ hoặc bị dừng bất thường (tệp có thể bị hỏng hoặc độc hại); hãy mở tệp bằng Excel, kiểm tra và lưu lại.';

/**
 * Files handed to a worker at once: the one it reads and the next, waiting in its inbox. The
 * next file then needs nothing from this thread, which is storing the last one, when the worker
 * is done: with one at a time a worker waited for every store to end before it got its next file.
 */
const DEPTH = 2;

/**
 * Parse workers for a machine of `cores`: one core is left to the thread that stores each file as
 * it comes (and to the window), at most two workers. Each worker pays for its own start and its
 * own optimising compiler (about 200 ms of background CPU per worker for the parse code), so on
 * the 2-core office PC one worker is as fast as two and costs less: 200 forms, paired A/B against
 * two (bench/ab-batch.ts AB_POOL=1): wall 0.97–1.03×, CPU of all threads 0.78–0.83×.
 */
export function defaultPoolSize(cores = availableParallelism()): number {
  return Math.max(1, Math.min(2, cores - 1));
}

export class ParsePool {
  private workers: Worker[] = [];
  private queue: Job[] = [];
  /** The jobs given to each worker, in the order it reads them: the first is the one it reads. */
  private running = new Map<Worker, Job[]>();
  private nextId = 1;
  private broken = false;
  private closing = false;

  /**
   * `bundledWorker`: a built parse-worker.cjs to use where this module is not bundled (the bench,
   * and tests that give a worker of their own). `limits`: each worker's heap.
   */
  constructor(
    private readonly size = defaultPoolSize(),
    private readonly bundledWorker?: string,
    private readonly limits: ResourceLimits = WORKER_LIMITS,
  ) {}

  private spawn(): void {
    const { file, execArgv } = workerEntry(this.bundledWorker);
    const w = new Worker(file, { execArgv, resourceLimits: this.limits });
    /** The worker has loaded its code (its first message says so). */
    let online = false;
    w.on('message', (m: { id: number; result: ParsedFile } | { ready: true }) => {
      if ('ready' in m) {
        online = true;
        return;
      }
      const jobs = this.running.get(w) ?? [];
      const job = jobs[0]?.id === m.id ? jobs.shift() : undefined;
      if (!jobs.length) w.unref(); // an idle worker must not keep a CLI run alive
      job?.resolve(m.result);
      this.pump();
    });
    // Out of memory (resourceLimits), a crash, an exit: 'error' and/or 'exit' come; once is enough.
    // A worker that died before saying it was loaded could not start here (no loader, no
    // file): not the fault of the file it was given.
    let gone = false;
    const died = (e?: unknown) => {
      if (gone) return;
      gone = true;
      if (online) this.died(w, e);
      else this.cannotStart(w);
    };
    w.on('error', died);
    w.on('exit', () => died());
    w.unref();
    this.workers.push(w);
    this.running.set(w, []);
  }

  private start(): void {
    if (this.workers.length || this.broken) return;
    this.closing = false;
    try {
      for (let i = 0; i < this.size; i++) this.spawn();
    } catch {
      this.broken = true; // no workers here: parse on this thread, slower but the same result
    }
  }

  /**
   * A worker died. The file it was reading is rejected with a reason, never parsed again on this
   * thread (what killed the worker would kill the app); the file waiting in its inbox goes back
   * to the head of the queue; a new worker takes its place.
   */
  private died(w: Worker, e: unknown): void {
    this.workers = this.workers.filter((x) => x !== w);
    const [job, ...waiting] = this.running.get(w) ?? [];
    this.running.delete(w);
    this.queue.unshift(...waiting);
    if (job) {
      if (e) fileFaultLog(faultLogPath()).write(e, `luồng đọc tệp ${job.name} dừng`);
      job.resolve({ name: job.name, sha256: createHash('sha256').update(job.buf).digest('hex'), ok: false, reason: WORKER_DIED });
    }
    if (this.closing) return;
    try {
      this.spawn();
    } catch {
      // No new worker: what is queued goes to the workers left, or to this thread if none is.
      if (!this.workers.length) {
        this.broken = true;
        const orphans = this.queue;
        this.queue = [];
        for (const j of orphans) void parseFile(j.name, j.buf).then(j.resolve);
      }
    }
    this.pump();
  }

  /** Workers cannot run here: every file goes to this thread, as when none could be made. */
  private cannotStart(w: Worker): void {
    this.broken = true;
    this.workers = this.workers.filter((x) => x !== w);
    const orphans = [...[...this.running.values()].flat(), ...this.queue];
    this.running.clear();
    this.queue = [];
    for (const j of orphans) void parseFile(j.name, j.buf).then(j.resolve);
  }

  /** The worker with the fewest files in hand, if one has fewer than DEPTH. */
  private leastBusy(): Worker | undefined {
    let best: Worker | undefined;
    let least = DEPTH;
    for (const w of this.workers) {
      const n = this.running.get(w)!.length;
      if (n < least) [best, least] = [w, n];
    }
    return best;
  }

  /** Queued files to the workers with the fewest in hand, up to DEPTH each. */
  private pump(): void {
    while (this.queue.length) {
      const w = this.leastBusy();
      if (!w) return;
      const job = this.queue.shift()!;
      this.running.get(w)!.push(job);
      w.ref();
      w.postMessage({ id: job.id, name: job.name, buf: job.buf });
    }
  }

  parse(name: string, buf: Buffer): Promise<ParsedFile> {
    this.start();
    if (this.broken) return parseFile(name, buf);
    return new Promise((resolve) => {
      this.queue.push({ id: this.nextId++, name, buf, resolve });
      this.pump();
    });
  }

  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(this.workers.map((w) => w.terminate()));
    this.workers = [];
    this.running.clear();
  }
}
