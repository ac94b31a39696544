// Opening a grid: its rows are on screen before the check, which needs the district's other
// grids (openContext); once they are here, the problems and cell colours are those of the
// whole district's rules.
import type { Api } from '../../shared/api';
import { UserError } from '../../shared/errors';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { cell, failOnConsoleErrors, unitRows } from './helpers';

failOnConsoleErrors();

/** Holds the host's openContext answers until released (the page's first rows do not wait for them). */
function holdContext(api: Api): { release(): void } {
  let release!: () => void;
  const held = new Promise<void>((ok) => (release = ok));
  const open = api.openContext;
  api.openContext = async (input) => {
    await held;
    return open(input);
  };
  return { release };
}

test('the rows show before the check; the counts come with the other grids, cross-grid warnings included', async ({ demo, page }) => {
  // Hồng Sỹ's TH grid without 2021-2025: its THCS level for 2021-2025 then lacks its prerequisite.
  const th = await demo.api.openGrid({ template: 'pcgd-th' });
  const row = th.grid.rows.find((r) => r.unit === 'Hồng Sỹ')!;
  const keys = Object.keys(row.values).filter((k) => k.startsWith('2021-2025|'));
  await demo.api.setCells({ reportId: th.report.id, writes: keys.map((key) => ({ unitId: row.unitId!, key, value: '' })) });
  const context = holdContext(demo.api);

  await page.goto(`${demo.url}#/grid/pcgd-thcs`);
  const problems = page.getByTestId('problems');
  await expect(unitRows(page, 'pcgd-thcs')).toHaveCount(21);
  await expect(problems).toHaveAttribute('aria-busy', 'true');
  await expect(problems).toContainText('Đang kiểm tra…');
  await expect(problems).not.toHaveAttribute('data-count-warning');

  context.release();
  await expect(problems).toHaveAttribute('data-count-warning', '1');
  await expect(problems).toHaveAttribute('data-count-error', '0');
  await expect(problems).not.toHaveAttribute('aria-busy', 'true');
  await expect(problems.locator('[data-rule="level.prerequisite"]')).toContainText('Hồng Sỹ');
  await expect(cell(page, 'pcgd-thcs', demo.store, 'Hồng Sỹ', '2021-2025|MĐ3')).toHaveClass(/cell-warning/);
});

test('an edit made before the check is in the counts once it arrives', async ({ demo, page }) => {
  const context = holdContext(demo.api);
  await page.goto(`${demo.url}#/grid/pcgd-mn`);
  const problems = page.getByTestId('problems');
  // Lương Thông is marked both Đạt and KĐ for 3-year-olds (the demo's one error); clear the Đạt.
  const dat = cell(page, 'pcgd-mn', demo.store, 'Lương Thông', '2020/3 tuổi|Đạt');
  await dat.click();
  await page.keyboard.press('Delete');
  await expect(dat).toHaveText('');
  await expect(problems).not.toHaveAttribute('data-count-error');

  context.release();
  await expect(problems).toHaveAttribute('data-count-error', '0');
});

test('a check that cannot run says so; the grid stays usable', async ({ demo, page }) => {
  demo.api.openContext = async () => {
    throw new UserError('Không đọc được các biểu khác của huyện.');
  };
  await page.goto(`${demo.url}#/grid/xmc`);
  await expect(unitRows(page, 'xmc')).toHaveCount(21);
  const problems = page.getByTestId('problems');
  await expect(problems).toContainText('Không kiểm tra được biểu: Không đọc được các biểu khác của huyện.');
  await expect(problems).not.toHaveAttribute('aria-busy', 'true');
  await expect(problems).not.toHaveAttribute('data-count-error');
});

/** API calls the page makes, by method. */
function countCalls(page: Page): Map<string, number> {
  const calls = new Map<string, number>();
  page.on('request', (r) => {
    const m = /\/api\/(\w+)$/.exec(r.url());
    if (m) calls.set(m[1], (calls.get(m[1]) ?? 0) + 1);
  });
  return calls;
}

for (const late of [false, true]) {
  test(`the first screen's data is asked for once, by the page's first chunk${late ? ', also when the grid arrives after the app is up' : ''}`, async ({ demo, page }) => {
    // Late: the grid's answer is held until the app's shell (the tree) is on screen.
    let release = () => {};
    if (late) {
      const open = demo.api.openGrid;
      const gate = new Promise<void>((ok) => (release = ok));
      demo.api.openGrid = async (input) => {
        await gate;
        return open(input);
      };
    }
    const calls = countCalls(page);
    await page.goto(`${demo.url}#/grid/pcgd-mn`);
    if (late) {
      await expect(page.getByTestId('unit-tree')).toBeVisible();
      await expect(page.getByTestId('problems')).toHaveCount(0);
      release();
    }
    await expect(page.getByTestId('problems')).toHaveAttribute('data-count-error', '1');
    await expect(page.getByTestId('unit-tree').getByRole('link', { name: 'Phụ lục 2 – Phổ cập giáo dục mầm non' })).toHaveAttribute('aria-current', 'page');
    // Asked once the grid is known: notes (its note marks, by report id) and openCounts (the
    // roll-up from the count tables of its result years); each once.
    await expect.poll(() => (calls.get('notes') ?? 0) + (calls.get('openCounts') ?? 0)).toBe(2);
    expect(Object.fromEntries(calls)).toEqual({ overview: 1, openGrid: 1, openContext: 1, notes: 1, openCounts: 1 });
  });
}
