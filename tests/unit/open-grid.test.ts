// Opening a grid is two calls: openGrid (the grid, shown at once) and openContext (what its
// rules look across, twice its size at 3,321 communes), so that the rows need not wait for it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Api } from '../../shared/api';
import { checkGrid } from '../../shared/rules';
import { getTemplate } from '../../shared/templates';
import { dispatch } from '../../electron/core/dispatch';
import type { Store } from '../../electron/core/store/store';
import { openTestApp, type TestApp } from '../support/handlers';

let app: TestApp;
let store: Store;
let api: Api;

beforeAll(async () => {
  app = openTestApp('pcgd-open-');
  ({ store, api } = app);
  await api.loadDemo({});
});
afterAll(() => app.close());

describe('openGrid and openContext', () => {
  it('openGrid carries the grid alone', async () => {
    const view = await api.openGrid({ template: 'pcgd-thcs' });
    expect(Object.keys(view).sort()).toEqual(['grid', 'report', 'unit']);
    expect(view.grid.template).toBe('pcgd-thcs');
    expect(view.grid.rows).toHaveLength(21);
  });

  it("openContext carries the grids the template's rules look across, and the communes' names with their aliases", async () => {
    const thcs = await api.openGrid({ template: 'pcgd-thcs' });
    const commune = store.children(thcs.unit.id)[0];
    store.addAlias(commune.id, 'Tên cũ của xã');
    const ctx = await api.openContext({ reportId: thcs.report.id });
    // THCS needs TH and XMC (Nghị định 20/2014, Điều 14); not MN, not itself.
    expect(ctx.others.map((g) => g.template).sort()).toEqual(['pcgd-th', 'xmc']);
    expect(ctx.knownUnits).toContain(commune.name);
    expect(ctx.knownUnits).toContain('Tên cũ của xã');
    const xmc = await api.openGrid({ template: 'xmc' });
    expect((await api.openContext({ reportId: xmc.report.id })).others).toEqual([]);
  });

  it('together they check as checkGrid does with the whole district', async () => {
    const view = await api.openGrid({ template: 'pcgd-thcs' });
    // A commune whose TH grid lacks 2021-2025: its THCS level for 2021-2025 is a prerequisite warning.
    const th = await api.openGrid({ template: 'pcgd-th' });
    const row = th.grid.rows[3];
    const keys = Object.keys(row.values).filter((k) => k.startsWith('2021-2025|'));
    await api.setCells({ reportId: th.report.id, writes: keys.map((key) => ({ unitId: row.unitId!, key, value: '' })) });
    const { others, knownUnits } = await api.openContext({ reportId: view.report.id });
    const found = checkGrid({ template: getTemplate('pcgd-thcs'), grid: view.grid }, { grids: [view.grid, ...others], knownUnits });
    expect(found.filter((f) => f.rule === 'level.prerequisite').map((f) => f.unit)).toEqual([row.unit]);
  });

  it('an unknown report is a Vietnamese message, and a payload without reportId is refused', async () => {
    expect(await dispatch(api, 'openContext', { reportId: 9999 })).toEqual({ ok: false, error: 'Không tìm thấy biểu này trong cơ sở dữ liệu.' });
    expect(await dispatch(api, 'openContext', {})).toMatchObject({ ok: false, error: expect.stringContaining('Dữ liệu gửi tới "openContext" không hợp lệ') });
  });
});
