// Bundles the CLI and its parse worker into dist-cli/ (run by scripts/cli.mjs when stale).
// The same bundle options as the Electron bundles (bundle-options.mjs).
// Built into a folder of its own, then renamed into place: two CLIs started at once (tests run
// in parallel) must never load a half-written bundle.
import { build } from 'esbuild';
import { NODE_BUNDLE } from './bundle-options.mjs';
import { mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/** The entry's `import('./main')` becomes a require of the core bundle beside it. */
const coreApart = {
  name: 'core-apart',
  setup(b) {
    b.onResolve({ filter: /^\.\/main$/ }, () => ({ path: './cli-core.cjs', external: true }));
  },
};

export async function buildCli(root) {
  const dir = join(root, 'dist-cli');
  const tmp = join(dir, `.build-${process.pid}-${Date.now()}`);
  const common = { ...NODE_BUNDLE, absWorkingDir: root, logLevel: 'warning' };
  mkdirSync(tmp, { recursive: true });
  try {
    await build({ ...common, entryPoints: ['electron/core/batch/parse-worker.ts'], outfile: join(tmp, 'parse-worker.cjs') });
    await build({ ...common, entryPoints: ['electron/faces/cli/main.ts'], outfile: join(tmp, 'cli-core.cjs') });
    // The entry stays a few kB: --help must not parse the 1.2 MB core (zod is most of it).
    await build({ ...common, entryPoints: ['electron/faces/cli/entry.ts'], outfile: join(tmp, 'cli.cjs'), plugins: [coreApart] });
    // The entry last: its mtime is what scripts/cli.mjs compares against.
    for (const f of ['parse-worker.cjs', 'cli-core.cjs', 'cli.cjs']) renameSync(join(tmp, f), join(dir, f));
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
