// `npm run -s cli -- …`: the CLI run by plain Node from one esbuild bundle (dist-cli/), not
// compiled by tsx at every start (≈ 1 s before anything happened). The bundle is rebuilt here
// when it is missing or older than any source file under electron/ or shared/ (a stat walk of
// about 150 files, a few ms), so a developer never runs stale code and a user never builds twice.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'dist-cli', 'cli.cjs');

function newestSource(dir) {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) newest = Math.max(newest, newestSource(p));
    else if (e.name.endsWith('.ts')) newest = Math.max(newest, statSync(p).mtimeMs);
  }
  return newest;
}

function stale() {
  if (!existsSync(out)) return true;
  const built = statSync(out).mtimeMs;
  return ['electron', 'shared'].some((d) => newestSource(join(root, d)) > built);
}

if (stale()) {
  const { buildCli } = await import('./build-cli.mjs');
  await buildCli(root);
}
createRequire(import.meta.url)(out);
