// A small pool of worker threads for parsing files: a batch of hundreds of commune files uses
// both cores of an office PC while the main thread stores and keeps the window responsive.
import { existsSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
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

export class ParsePool {
  private workers: Worker[] = [];
  private idle: Worker[] = [];
  private queue: Job[] = [];
  private running = new Map<number, Job>();
  private nextId = 1;
  private broken = false;

  /** `bundledWorker`: a built parse-worker.cjs to use where this module is not bundled (the bench). */
  constructor(
    private readonly size = Math.max(1, Math.min(2, cpus().length)),
    private readonly bundledWorker?: string,
  ) {}

  private start(): void {
    if (this.workers.length || this.broken) return;
    try {
      const { file, execArgv } = workerEntry(this.bundledWorker);
      for (let i = 0; i < this.size; i++) {
        const w = new Worker(file, { execArgv });
        w.on('message', (m: { id: number; result: ParsedFile }) => {
          const job = this.running.get(m.id);
          this.running.delete(m.id);
          w.unref(); // an idle worker must not keep a CLI run alive
          this.idle.push(w);
          job?.resolve(m.result);
          this.pump();
        });
        w.on('error', () => this.fail(w));
        w.unref();
        this.workers.push(w);
        this.idle.push(w);
      }
    } catch {
      this.broken = true; // no workers here: parse on this thread, slower but the same result
    }
  }

  /** A worker died: its job and everything queued is parsed on this thread. */
  private fail(w: Worker): void {
    this.broken = true;
    this.workers = this.workers.filter((x) => x !== w);
    this.idle = this.idle.filter((x) => x !== w);
    const orphans = [...this.running.values(), ...this.queue];
    this.running.clear();
    this.queue = [];
    for (const j of orphans) void parseFile(j.name, j.buf).then(j.resolve);
  }

  private pump(): void {
    while (this.idle.length && this.queue.length) {
      const w = this.idle.pop()!;
      const job = this.queue.shift()!;
      this.running.set(job.id, job);
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
    await Promise.all(this.workers.map((w) => w.terminate()));
    this.workers = [];
    this.idle = [];
  }
}
