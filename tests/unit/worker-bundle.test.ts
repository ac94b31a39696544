// The parse worker starts fresh for every batch in a new thread: what it loads is paid per
// batch (bench: BENCH_ONLY=batch). It reads files with the lean reader, so it must not load
// exceljs unless a file needs it, nor zod (the form's origin is parsed on the main thread).
import { build } from 'esbuild';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { NODE_BUNDLE } from '../../scripts/bundle-options.mjs';

const ROOT = join(__dirname, '..', '..');

it('the parse worker bundle holds neither zod nor an eager exceljs', async () => {
  const out = await build({
    entryPoints: [join(ROOT, 'electron/core/batch/parse-worker.ts')],
    ...NODE_BUNDLE,
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
