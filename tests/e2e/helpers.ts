// Shared steps of the renderer's e2e tests: locating grid cells, reading the database,
// pasting, and failing a test whose page logs a console error.
import type { Locator, Page } from '@playwright/test';
import type { TemplateId } from '../../shared/templates';
import type { HostFixture } from './fixtures';
import { expect, test } from './fixtures';

/** Every test of the calling file fails when its page logs a console error or throws. */
export function failOnConsoleErrors(): void {
  const seen = new WeakMap<Page, string[]>();
  test.beforeEach(({ page }) => {
    const errors: string[] = [];
    seen.set(page, errors);
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(e.message));
  });
  test.afterEach(async ({ page }) => {
    expect(seen.get(page) ?? [], 'lỗi trong console của trang').toEqual([]);
    // Chromium keeps a preconnected socket that never sends a request; the host fixture's
    // server.close() waits for it until Node's 60 s headers timeout. Closing the context
    // first closes that socket (the fixture fix: server.closeAllConnections()).
    await page.context().close();
  });
}

export function grid(page: Page, template: TemplateId): Locator {
  return page.getByTestId(`grid-${template}`);
}

/** A commune's cell, by the commune's name and the column key ("2020/3 tuổi|Đạt", "name"). */
export function cell(page: Page, template: TemplateId, store: HostFixture['store'], unit: string, col: string): Locator {
  return grid(page, template).locator(`.ag-row[row-id="u${unitId(store, unit)}"] .ag-cell[col-id="${col}"]`);
}

export function totalCell(page: Page, template: TemplateId, col: string): Locator {
  return grid(page, template).locator(`.ag-row.row-total .ag-cell[col-id="${col}"]`);
}

export function unitRows(page: Page, template: TemplateId): Locator {
  // Pinned-left and centre cells are separate row elements: count the names.
  return grid(page, template).locator('.ag-row:not(.ag-row-pinned) .ag-cell[col-id="name"]');
}

export function unitId(store: HostFixture['store'], name: string): number {
  const u = store.listUnits().find((x) => x.name === name);
  if (!u) throw new Error(`no unit ${name}`);
  return u.id;
}

export function reportId(store: HostFixture['store'], template: TemplateId): number {
  const r = store.listReports().find((x) => x.template === template);
  if (!r) throw new Error(`no report ${template}`);
  return r.id;
}

/** What the database holds for a cell ('' = blank). */
export function stored(store: HostFixture['store'], template: TemplateId, unit: string, key: string): string {
  return store.getValues(reportId(store, template)).get(unitId(store, unit))?.[key] ?? '';
}

/** A paste as the browser delivers it: a ClipboardEvent with text/plain on the focused element. */
export async function paste(page: Page, text: string): Promise<void> {
  await page.evaluate((t) => {
    const dt = new DataTransfer();
    dt.setData('text/plain', t);
    const target = document.activeElement ?? document.body;
    target.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
  }, text);
}

/** The focused grid cell: its row id and column key. */
export async function focusedCell(page: Page): Promise<{ row: string | null; col: string | null }> {
  return page.evaluate(() => {
    const el = document.activeElement?.closest('.ag-cell');
    return { row: el?.closest('.ag-row')?.getAttribute('row-id') ?? null, col: el?.getAttribute('col-id') ?? null };
  });
}

/** Counts the setCells calls the page makes (one per user action). */
export function countSaves(page: Page): { readonly count: number } {
  const counter = { count: 0 };
  page.on('request', (r) => {
    if (r.url().endsWith('/api/setCells')) counter.count++;
  });
  return counter;
}

/**
 * Types into a text cell (Đánh giá) and leaves its editor open, as without Enter: the text is
 * in the editor, not yet an edit. The text must start with an ASCII letter (the key that starts
 * editing).
 */
export async function typeWithoutEnter(page: Page, template: TemplateId, store: HostFixture['store'], unit: string, col: string, text: string): Promise<void> {
  const c = cell(page, template, store, unit, col);
  await c.click();
  await page.keyboard.type(text);
  await expect(textEditor(page, template)).toHaveValue(text);
}

/** The open Đánh giá editor: a box over the cell, as wide as its text. */
export function textEditor(page: Page, template: TemplateId): Locator {
  return grid(page, template).locator('.ag-popup-editor textarea');
}

/** The demo holds one error (Lương Thông, Phụ lục 2): an export or sending forms first shows it; this goes on anyway. */
export async function goOnDespiteErrors(page: Page): Promise<void> {
  const dialog = page.getByTestId('errors-first');
  await expect(dialog).toBeVisible({ timeout: 20_000 });
  await dialog.getByTestId('errors-first-continue').click();
}

/**
 * The office screen (1366×768) at 100% and at 125% Windows scaling (a 1093×614 CSS viewport at
 * device scale 1.25): every screen spec checks and photographs its page at both.
 */
export const SCALES = [
  { name: '100', scale: 1, width: 1366, height: 768 },
  { name: '125', scale: 1.25, width: 1093, height: 614 },
] as const;
