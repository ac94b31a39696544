// The count tables in the app (issue 9, Build 5): typing a count changes its rate, the computed
// level and the problems panel; only whole numbers are taken; undo; paste from Excel; the "Căn
// cứ" of a Phụ lục mark shows the shortfall; the roll-up from computed levels beside the marks.
import type { Page } from '@playwright/test';
import type { HostFixture } from './fixtures';
import { expect, test, SCREENS_DIR } from './fixtures';
import { failOnConsoleErrors, paste, unitId, SCALES } from './helpers';

failOnConsoleErrors();

/** Cải Viên's XMC counts for 2020: MĐ1 (15-35: 181/200) and MĐ2 (15-60: 360/390 = 92,31%), as Phụ lục 1 marks it. */
const CAI_VIEN: Record<string, string> = {
  T_15_25: '100', B1_15_25: '95', B2_15_25: '92',
  T_15_35: '200', B1_15_35: '181', B2_15_35: '180',
  T_15_60: '390', B1_15_60: '370', B2_15_60: '360',
};

async function xmcTable(host: HostFixture): Promise<{ districtId: number; reportId: number }> {
  const districtId = host.store.districts()[0].id;
  const t = (await host.api.createCounts({ unitId: districtId, template: 'xmc-count', year: '2020' })).table!;
  const caiVien = unitId(host.store, 'Cải Viên');
  await host.api.setCells({ reportId: t.reportId, writes: Object.entries(CAI_VIEN).map(([key, value]) => ({ unitId: caiVien, key, value })) });
  return { districtId, reportId: t.reportId };
}

function countCell(page: Page, host: HostFixture, unit: string, col: string) {
  return page.getByTestId('counts-xmc-count').locator(`.ag-row[row-id="u${unitId(host.store, unit)}"] .ag-cell[col-id="${col}"]`);
}

const storedCount = (host: HostFixture, reportId: number, unit: string, key: string) => host.store.getValues(reportId).get(unitId(host.store, unit))?.[key] ?? '';

test('typing a count changes its rate, the computed level and the problems panel; only whole numbers; Ctrl+Z undoes', async ({ demo, page }) => {
  const { districtId, reportId } = await xmcTable(demo);
  await page.goto(`${demo.url}#/counts/xmc-count/${districtId}/2020`);
  const problems = page.getByTestId('problems');
  const level = countCell(page, demo, 'Cải Viên', 'level');
  const rate = countCell(page, demo, 'Cải Viên', 'r:B2_15_60');
  // A shared machine may take a while to open the first page; after that, every wait is the default.
  await expect(level).toHaveText('MĐ2', { timeout: 30_000 });
  await expect(countCell(page, demo, 'Cải Viên', 'marked')).toHaveText('MĐ2');
  await expect(rate).toHaveText('92,31');
  await expect(problems).toHaveAttribute('data-count-error', '0');
  // The district from Phụ lục 1's marks: 21/21 at MĐ1, 15/21 at MĐ2; from the counts: one commune has any.
  await expect(page.getByTestId('count-rollup-marked')).toHaveText('theo đánh dấu MĐ1');
  await expect(page.getByTestId('count-rollup-computed')).toHaveText('theo số liệu Chưa đạt');

  // 349 of 390 = 89,49%: MĐ2 is lost, and Phụ lục 1 still marks MĐ2.
  await countCell(page, demo, 'Cải Viên', 'B2_15_60').click();
  await page.keyboard.type('349');
  await page.keyboard.press('Enter');
  await expect(rate).toHaveText('89,49');
  await expect(level).toHaveText('MĐ1');
  await expect(problems).toHaveAttribute('data-count-error', '1');
  const finding = problems.locator('button.finding[data-rule="level.overstated"]');
  await expect(finding).toContainText('cần thêm 2 người biết chữ mức độ 2 trong độ tuổi 15-60');
  await expect(countCell(page, demo, 'Cải Viên', 'marked')).toHaveClass(/cell-error/);
  await expect.poll(() => storedCount(demo, reportId, 'Cải Viên', 'B2_15_60')).toBe('349');

  // Not a whole number: refused, said, nothing stored.
  await countCell(page, demo, 'Cải Viên', 'B2_15_60').click();
  await page.keyboard.type('34,9');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('counts-refused')).toContainText('số nguyên không âm');
  await expect(rate).toHaveText('89,49');
  await expect.poll(() => storedCount(demo, reportId, 'Cải Viên', 'B2_15_60')).toBe('349');

  // Undo: back to 360, MĐ2, no error.
  await countCell(page, demo, 'Cải Viên', 'name').click();
  await page.keyboard.press('Control+z');
  await expect(rate).toHaveText('92,31');
  await expect(level).toHaveText('MĐ2');
  await expect(problems).toHaveAttribute('data-count-error', '0');
  await expect.poll(() => storedCount(demo, reportId, 'Cải Viên', 'B2_15_60')).toBe('360');
});

test('a block pasted from Excel fills the counts right and below, "1.250" read as 1250; the rates follow', async ({ demo, page }) => {
  const { districtId, reportId } = await xmcTable(demo);
  await page.goto(`${demo.url}#/counts/xmc-count/${districtId}/2020`);
  const t = countCell(page, demo, 'Cần Nông', 'T_15_35');
  await expect(t).toBeVisible({ timeout: 30_000 });
  await t.click();
  await paste(page, '1.250\t1.130\n');
  await expect(t).toHaveText('1.250');
  await expect(countCell(page, demo, 'Cần Nông', 'B1_15_35')).toHaveText('1.130');
  await expect(countCell(page, demo, 'Cần Nông', 'r:B1_15_35')).toHaveText('90,40');
  await expect.poll(() => storedCount(demo, reportId, 'Cần Nông', 'T_15_35')).toBe('1250');
  // Delete clears a count; its rate goes blank, never 0.
  await page.keyboard.press('Delete');
  await expect(t).toHaveText('');
  await expect(countCell(page, demo, 'Cần Nông', 'r:B1_15_35')).toHaveText('');
});

test('an empty table of a year is made from the page', async ({ demo, page }) => {
  const districtId = demo.store.districts()[0].id;
  await page.goto(`${demo.url}#/counts/th-count/${districtId}`);
  await expect(page.getByTestId('counts-empty')).toBeVisible({ timeout: 30_000 });
  await page.getByTestId('counts-new-year').fill('2021');
  await page.getByTestId('counts-create').click();
  await expect(page.getByTestId('counts-th-count').locator('.ag-row:not(.ag-row-pinned) .ag-cell[col-id="name"]')).toHaveCount(21);
  await expect(page.getByTestId('counts-year')).toHaveValue('2021');
});

test('the Căn cứ of a Phụ lục mark shows the counts behind it and the shortfall; the roll-up from counts beside the marks', async ({ demo, page }) => {
  const { districtId, reportId } = await xmcTable(demo);
  await demo.api.setCells({ reportId, writes: [{ unitId: unitId(demo.store, 'Cải Viên'), key: 'B2_15_60', value: '349' }] });
  await page.goto(`${demo.url}#/grid/xmc/${districtId}`);
  await expect(page.getByTestId('rollup-computed')).toContainText('năm 2020: Chưa đạt', { timeout: 30_000 });
  const mark = page.getByTestId('grid-xmc').locator(`.ag-row[row-id="u${unitId(demo.store, 'Cải Viên')}"] .ag-cell[col-id="2020|MĐ2"]`);
  await mark.click();
  await page.keyboard.press('Control+Shift+K');
  const panel = page.getByTestId('basis-panel');
  await expect(panel).toBeFocused();
  await expect(panel.getByTestId('basis-level')).toHaveText('MĐ1');
  await expect(panel).toContainText('Đánh dấu ở phụ lục: MĐ2');
  await expect(panel.getByTestId('basis-clause')).toContainText('89,49% (349/390), cần ít nhất 90%; cần thêm 2 người biết chữ mức độ 2 trong độ tuổi 15-60');
  await expect(panel.getByTestId('basis-criterion')).toHaveCount(2);
  // Esc closes it and gives the grid its cell back.
  await page.keyboard.press('Escape');
  await expect(panel).toHaveCount(0);
  await expect(mark).toBeFocused();
});


for (const s of SCALES) {
  test.describe(`1366×768 at ${s.name}%`, () => {
    test.use({ viewport: { width: s.width, height: s.height }, deviceScaleFactor: s.scale });
    test(`the count table with its Căn cứ: screenshot (${s.name}%)`, async ({ demo, page }) => {
      const { districtId, reportId } = await xmcTable(demo);
      const other = ['Cần Nông', 'Cần Yên'];
      for (const [i, name] of other.entries()) {
        await demo.api.setCells({ reportId, writes: Object.entries(CAI_VIEN).map(([key, value]) => ({ unitId: unitId(demo.store, name), key, value: key === 'B2_15_60' ? String(340 + i * 9) : value })) });
      }
      await page.goto(`${demo.url}#/counts/xmc-count/${districtId}/2020`);
      await expect(page.getByTestId('problems')).toHaveAttribute('data-count-error', /\d/, { timeout: 30_000 });
      await countCell(page, demo, 'Cần Nông', 'B2_15_60').click();
      await page.getByTestId('basis-toggle').click();
      await expect(page.getByTestId('basis-clause')).toBeVisible();
      // The page itself does not scroll: the grid takes what is left.
      const fits = await page.evaluate(() => document.documentElement.scrollHeight <= innerHeight && document.documentElement.scrollWidth <= innerWidth);
      expect(fits).toBe(true);
      await page.screenshot({ path: `${SCREENS_DIR}counts-${s.name}.png` });
    });
  });
}
