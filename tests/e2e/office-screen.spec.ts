// The office screen (issue 11, item 1): 1366×768 at 100% and at 125% Windows scaling (1093×614
// CSS px). The grid, the levels line and the error/warning counts are in view without
// scrolling the page; the grid's own scroll bars are the only ones; every column of each Phụ
// lục is in view (no sideways scroll hiding 2026-2030); the problems panel folds to its
// counts. Screenshots of each grid at both scales go to docs/screens/ with SCREENS=1 (fixtures.ts SCREENS_DIR).
import type { Page } from '@playwright/test';
import { TEMPLATES } from '../../shared/templates';
import { expect, test, SCREENS_DIR } from './fixtures';
import { failOnConsoleErrors, grid, SCALES } from './helpers';

failOnConsoleErrors();
test.describe.configure({ timeout: 120_000 });


interface Box {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/** What must be in view, and what scrolls. */
function measure(page: Page, template: string) {
  return page.evaluate((t) => {
    const box = (el: Element | null): Box | null => {
      if (!el) return null;
      const r = el.getBoundingClientRect();
      return { top: r.top, bottom: r.bottom, left: r.left, right: r.right };
    };
    const wrap = document.querySelector(`[data-testid="grid-${t}"]`)!;
    const doc = document.documentElement;
    // Scroll boxes outside the grid and the side panel (which scroll on their own).
    const scrollers = [...document.querySelectorAll('.app, .body, .main, .grid-page')].filter((el) => el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1).map((el) => el.className);
    const hScroll = wrap.querySelector('.ag-body-horizontal-scroll-viewport');
    return {
      page: { width: doc.scrollWidth, height: doc.scrollHeight },
      view: { width: innerWidth, height: innerHeight },
      grid: box(wrap),
      rollup: box(document.querySelector('[data-testid="rollup"]')),
      counts: [...document.querySelectorAll('[data-testid="problems"] .pill')].map(box),
      leaves: [...wrap.querySelectorAll('.ag-header-cell[col-id]')].map((el) => ({ col: el.getAttribute('col-id'), box: box(el)! })),
      sideways: hScroll ? hScroll.scrollWidth > hScroll.clientWidth + 1 : false,
      scrollers,
    };
  }, template);
}

function inside(b: Box | null, v: { width: number; height: number }) {
  expect(b).not.toBeNull();
  expect(b!.top).toBeGreaterThanOrEqual(0);
  expect(b!.left).toBeGreaterThanOrEqual(0);
  expect(b!.bottom).toBeLessThanOrEqual(v.height);
  expect(b!.right).toBeLessThanOrEqual(v.width);
}

for (const s of SCALES) {
  test.describe(`1366×768 at ${s.name}%`, () => {
    test.use({ viewport: { width: s.width, height: s.height }, deviceScaleFactor: s.scale });

    for (const t of TEMPLATES) {
      test(`${t.appendix}: grid, levels and counts in view, no page scroll, every column shown`, async ({ demo, page }) => {
        await page.goto(`${demo.url}#/grid/${t.id}`);
        await expect(page.getByTestId('problems')).toHaveAttribute('data-count-error', /\d/, { timeout: 30_000 });
        await expect(grid(page, t.id).locator('.ag-row').first()).toBeVisible();
        const m = await measure(page, t.id);
        expect(m.page).toEqual(m.view);
        expect(m.scrollers).toEqual([]);
        inside(m.grid, m.view);
        inside(m.rollup, m.view);
        expect(m.counts).toHaveLength(2);
        for (const c of m.counts) inside(c, m.view);
        // Every column, 2026-2030 included, within the grid: no sideways scroll.
        expect(m.sideways).toBe(false);
        for (const leaf of m.leaves) expect(leaf.box.right, leaf.col ?? '').toBeLessThanOrEqual(m.grid!.right + 0.5);
        await page.screenshot({ path: `${SCREENS_DIR}grid-${t.id}-${s.name}.png` });
      });
    }

    test('the problems panel folds to its counts, and stays folded after a reload', async ({ demo, page }) => {
      await page.goto(`${demo.url}#/grid/pcgd-mn`);
      const problems = page.getByTestId('problems');
      await expect(problems).toHaveAttribute('data-count-error', '1', { timeout: 30_000 });
      await expect(problems.locator('button.finding')).toHaveCount(1);
      const fold = page.getByTestId('problems-fold');
      await expect(fold).toHaveAttribute('aria-expanded', 'true');
      const gridBefore = (await grid(page, 'pcgd-mn').boundingBox())!.height;
      await fold.click();
      await expect(fold).toHaveAttribute('aria-expanded', 'false');
      await expect(fold).toHaveText('Xem danh sách');
      await expect(problems.locator('button.finding')).toHaveCount(0);
      await expect(problems.locator('.pill')).toHaveText(['1 lỗi', '0 cảnh báo']);
      // The room the list gave up goes to the grid (when it needs it).
      expect((await grid(page, 'pcgd-mn').boundingBox())!.height).toBeGreaterThanOrEqual(gridBefore);
      await page.reload();
      await expect(problems).toHaveAttribute('data-count-error', '1', { timeout: 30_000 });
      await expect(page.getByTestId('problems-fold')).toHaveAttribute('aria-expanded', 'false');
      await page.getByTestId('problems-fold').click();
      await expect(problems.locator('button.finding')).toHaveCount(1);
    });
  });
}
