// A/B of the grid page's first render (navigation → first commune row and the total row
// painted, bench/ui.ts's probe): another checkout against this tree, alternating page loads in
// ONE Chromium, each side served by its own host and API in this process. bench/ui.ts compares
// each tree with a bare AG Grid sized to the app's grid box; a box of another height (the page's
// bars changed) moves that ratio, and a direct comparison does not.
//   AB_BASE=/path/to/other/tree R=15 npx tsx bench/ab-ui.ts
// AB_SWAP=1 sets this tree up first; AB_BASE pointing at this tree is an A/A run, the harness's
// own spread (on this shared 2-core machine one A/A run of 31 gave 0.95).
// The other tree's bench/ui.ts must export what this one does (see its last line): append
//   export { makeCountry, buildPages, firstRender, listen };
// to it in that checkout (b72a7c9, the base of issue 8, has `listen` and no host secret).
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { NEW, BASE } from './ab-trees';

const R = Number(process.env.R ?? 15);
const T = 'pcgd-thcs';

interface Side {
  url: string;
  session: unknown[];
  ui: { firstRender(browser: unknown, url: string, errors: string[], profileAs?: string, cookies?: unknown[]): Promise<{ ms: number }> };
  close(): Promise<void>;
}

/** A tree's app on a host of its own: the composition root where it has one, else its handlers. */
async function side(root: string): Promise<Side> {
  // Both trees load @playwright/test (through their playwright.config): it refuses a second copy.
  delete (process as unknown as Record<string, unknown>).__pw_initiator__;
  const ui = await import(join(root, 'bench', 'ui.ts'));
  const dir = mkdtempSync(join(tmpdir(), 'pcgd-ab-ui-'));
  const pages = await ui.buildPages(dir);
  const made = ui.makeCountry(dir);
  if (existsSync(join(root, 'electron', 'core', 'app.ts'))) {
    const { openApp } = await import(join(root, 'electron', 'core', 'app.ts'));
    const { createHost } = await import(join(root, 'electron', 'faces', 'host', 'server.ts'));
    const { dailyBackup } = await import(join(root, 'electron', 'core', 'store', 'backup.ts'));
    await dailyBackup(made.store);
    made.store.close();
    const app = await openApp({ dbPath: made.store.file, seedsDir: join(root, 'seeds'), poolSize: 1, saveFile: async () => ({ saved: false, download: true }) });
    await app.api.openGrid({ template: T, unitId: made.unitId });
    const host = createHost(app.api, pages.app);
    const secretUrl = await host.listen();
    return {
      url: `${new URL(secretUrl).origin}/#/grid/${T}/${made.unitId}`,
      session: await ui.hostSession(secretUrl),
      ui,
      async close() {
        await host.close();
        await app.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const { ParsePool } = await import(join(root, 'electron', 'services', 'batch', 'pool.ts'));
  const { createHandlers } = await import(join(root, 'electron', 'services', 'handlers.ts'));
  const { createHost } = await import(join(root, 'electron', 'host', 'server.ts'));
  const pool = new ParsePool(1);
  const api = createHandlers({ store: made.store, pool, seedsDir: join(root, 'seeds'), saveFile: async () => ({ saved: false, download: true }) });
  await api.openGrid({ template: T, unitId: made.unitId });
  const server = createHost(api, pages.app);
  return {
    url: `${await ui.listen(server)}#/grid/${T}/${made.unitId}`,
    session: [],
    ui,
    async close() {
      server.close();
      await pool.close();
      made.store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const sides =
  process.env.AB_SWAP === '1'
    ? [await side(NEW), await side(BASE)].reverse()
    : [await side(BASE), await side(NEW)];
const { CHROMIUM_ARGS } = await import('../playwright.config');
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
const errors: string[] = [];
const load = async (s: Side) => (await s.ui.firstRender(browser, s.url, errors, undefined, s.session)).ms;
for (const s of sides) await load(s); // warm-up
const times: number[][] = [[], []];
for (let i = 0; i < R; i++) for (const j of i % 2 ? [1, 0] : [0, 1]) times[j].push(await load(sides[j]));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
for (const [j, label] of ['base', 'new '].entries()) console.log(`${label} ${median(times[j]).toFixed(0)} ms (${times[j].map((t) => t.toFixed(0)).join(' ')})`);
console.log(`first render: ratio of medians ${(median(times[1]) / median(times[0])).toFixed(3)}, median of paired ratios ${median(times[1].map((t, i) => t / times[0][i])).toFixed(3)}`);
if (errors.length) console.log(`page errors: ${[...new Set(errors)].slice(0, 3).join(' | ')}`);
await browser.close();
for (const s of sides) await s.close();
process.exit(0);
