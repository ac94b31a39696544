// Every page but the grids (office-screen.spec.ts has those) on the office screen: 1366×768 at
// 100% and at 125% Windows scaling (1093×614 CSS px). Each page's heading and main action are
// in view and the page itself never scrolls sideways; its screenshot goes to docs/screens/ with SCREENS=1,
// linked from the README. The pages added by features keep their own screenshots in their specs.
import type { Page } from '@playwright/test';
import { expect, ROOT, test, SCREENS_DIR } from './fixtures';
import { failOnConsoleErrors, SCALES } from './helpers';

failOnConsoleErrors();
test.describe.configure({ timeout: 120_000 });


const FORM = `${ROOT}tests/fixtures/huyen-mau-phu-luc.xlsx`;

/** No sideways scroll of the page, and the element wholly inside the window. */
async function fits(page: Page, testId: string) {
  const m = await page.evaluate((id) => {
    const el = document.querySelector(`[data-testid="${id}"]`)!;
    const r = el.getBoundingClientRect();
    return { width: document.documentElement.scrollWidth, view: innerWidth, left: r.left, top: r.top, right: r.right, viewH: innerHeight };
  }, testId);
  expect(m.width, 'page scrolls sideways').toBeLessThanOrEqual(m.view);
  expect(m.left).toBeGreaterThanOrEqual(0);
  expect(m.top).toBeGreaterThanOrEqual(0);
  expect(m.top).toBeLessThan(m.viewH);
  expect(m.right).toBeLessThanOrEqual(m.view + 0.5);
}

for (const s of SCALES) {
  test.describe(`1366×768 at ${s.name}%`, () => {
    test.use({ viewport: { width: s.width, height: s.height }, deviceScaleFactor: s.scale });

    test('first run: the offer of the demo and the form to begin, in view', async ({ host, page }) => {
      await page.goto(host.url);
      await expect(page.getByTestId('first-run')).toBeVisible();
      await fits(page, 'first-run-create');
      // Its screenshot (first-run-<scale>.png) is made by units.spec.ts, with the office chosen.
    });

    test('"Xã đã gửi biểu": the counts and the list in view', async ({ demo, page }) => {
      await page.goto(`${demo.url}#/completeness`);
      await expect(page.getByTestId('completeness-counts')).toBeVisible();
      await fits(page, 'completeness-counts');
      await page.screenshot({ path: `${SCREENS_DIR}completeness-${s.name}.png` });
    });

    test('"Sao lưu và khôi phục": the folder and the list in view', async ({ demo, page }) => {
      await page.goto(`${demo.url}#/backups`);
      await expect(page.getByTestId('backups-dir')).toBeVisible();
      await fits(page, 'backups-dir');
      await page.screenshot({ path: `${SCREENS_DIR}backups-${s.name}.png` });
    });

    test('the import preview of a district workbook: its row and the summary in view', async ({ demo, page }) => {
      await page.goto(`${demo.url}#/grid/xmc`);
      await page.getByTestId('import-input').setInputFiles(FORM);
      // The preview, not the check still under way (a screenshot once caught "Đang kiểm tra 0/1").
      await expect(page.getByTestId('import-dialog')).toHaveAttribute('data-phase', 'preview', { timeout: 30_000 });
      await expect(page.getByTestId('import-file-row').first()).toBeVisible();
      await fits(page, 'import-file-row');
      await page.screenshot({ path: `${SCREENS_DIR}import-preview-${s.name}.png` });
    });
  });
}
