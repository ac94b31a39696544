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
  const inputs = Object.keys(out.metafile.inputs);
  expect(inputs.filter((f) => f.includes('node_modules/'))).toEqual([]);
  const code = out.outputFiles[0].text;
  // exceljs is required once, inside the function that loads a file the lean reader declined.
  const requires = code.match(/require\("exceljs"\)/g) ?? [];
  expect(requires).toHaveLength(1);
  expect(code).toMatch(/Promise\.resolve\(\)\.then\(\(\) => __toESM\(require\("exceljs"\)/);
  expect(code.length).toBeLessThan(150_000);
});
