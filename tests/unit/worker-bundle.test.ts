// The parse worker starts fresh for every batch in a new thread: what it loads is paid per
// batch (bench: BENCH_ONLY=batch). It reads files with the lean reader, so it must not load
// exceljs unless a file needs it, nor zod (the form's origin is parsed on the main thread).
import { build } from 'esbuild';
import { join } from 'node:path';
import { expect, it } from 'vitest';

const ROOT = join(__dirname, '..', '..');

it('the parse worker bundle holds neither zod nor an eager exceljs', async () => {
  const out = await build({
    entryPoints: [join(ROOT, 'electron/services/batch/parse-worker.ts')],
    bundle: true,
    platform: 'node',
    target: 'node22',
    format: 'cjs',
    external: ['exceljs', 'better-sqlite3'],
    define: { 'import.meta.url': 'undefined' },
    supported: { 'dynamic-import': false },
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const inputs = Object.entries(out.metafile.inputs);
  expect(inputs.map(([f]) => f).filter((f) => f.includes('node_modules/'))).toEqual([]);
  // exceljs is reached only by a dynamic import (loaded when a file the lean reader declined
  // needs it), never by a static one: read from esbuild's import graph, not its output text.
  const exceljsImports = inputs.flatMap(([file, i]) => i.imports.filter((x) => x.path === 'exceljs').map((x) => `${file}: ${x.kind}`));
  expect(exceljsImports.length).toBeGreaterThan(0);
  expect(exceljsImports.filter((x) => !x.endsWith(': dynamic-import'))).toEqual([]);
  expect(out.outputFiles[0].text.length).toBeLessThan(150_000);
});
