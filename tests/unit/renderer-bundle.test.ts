// What the window loads before its first grid: the page's first chunk, boot.tsx's chunk and what
// those import statically (modulepreloaded with the page, then parsed and evaluated before the
// grid's data can be shown). zod (the contract's schemas, 85 KB minified) once came in through a
// date helper; chartist (the overview's chart) is loaded only when a chart is drawn, and the
// pages other than the grids when they are opened. Read from
// Vite's bundle graph, not its output text.
import { join } from 'node:path';
import { build, type Rolldown } from 'vite';
import { expect, it } from 'vitest';

const ROOT = join(__dirname, '..', '..');

it('the first screen loads neither zod, chartist nor the other pages, and one stylesheet linked from the page', async () => {
  const out = (await build({
    configFile: join(ROOT, 'vite.config.ts'),
    root: join(ROOT, 'renderer'),
    logLevel: 'silent',
    build: { write: false },
  })) as Rolldown.RolldownOutput;
  const chunks = new Map(out.output.flatMap((o) => (o.type === 'chunk' ? [[o.fileName, o] as const] : [])));
  const entry = [...chunks.values()].find((c) => c.isEntry)!;
  const boot = [...chunks.values()].find((c) => c.name === 'boot')!;
  expect(entry.dynamicImports).toContain(boot.fileName);
  // The static closure of the entry and of boot: what the first grid waits for.
  const first = new Set<string>();
  const visit = (f: string) => {
    if (first.has(f)) return;
    first.add(f);
    for (const i of chunks.get(f)!.imports) visit(i);
  };
  visit(entry.fileName);
  visit(boot.fileName);
  const modules = [...first].flatMap((f) => chunks.get(f)!.moduleIds);
  expect(modules.some((m) => m.includes('/node_modules/ag-grid-community/'))).toBe(true);
  // (chartist's stylesheet is in the one stylesheet: only code counts here)
  expect(modules.filter((m) => /\/node_modules\/(zod|chartist)\/.*\.[cm]?js$/.test(m))).toEqual([]);
  // The pages other than the grids come when opened (shell/App.tsx: lazy), the grid page with the page.
  const page = (name: string) => modules.some((m) => m.endsWith(`/${name}.tsx`));
  expect(page('GridPage')).toBe(true);
  for (const name of ['OverviewPage', 'TargetsPage', 'UnitsPage', 'FollowUpPage', 'CompletenessPage', 'CountsPage', 'BackupsPage']) expect(page(name), name).toBe(false);
  // Chartist is there, in a chunk of its own that boot imports dynamically.
  const chart = [...chunks.values()].find((c) => c.moduleIds.some((m) => m.includes('/node_modules/chartist/dist/index.js')))!;
  expect(chart.fileName).toMatch(/^assets\/chartist-/);
  expect(first.has(chart.fileName)).toBe(false);
  // One stylesheet, linked from index.html: no second one for the dynamic import to wait for.
  const css = out.output.filter((o) => o.type === 'asset' && o.fileName.endsWith('.css'));
  expect(css).toHaveLength(1);
  const html = out.output.find((o) => o.fileName === 'index.html')!;
  expect(html.type === 'asset' && String(html.source)).toContain(`href="./${css[0].fileName}"`);
}, 60_000);
