// Read or write is part of the contract (shared/api-access.ts): every method is marked, and the
// renderer's cache of early answers keeps them across exactly the methods marked 'read'.
import { describe, expect, it } from 'vitest';
import { ACCESS, METHODS, type Api } from '../../shared/api';
import { TEMPLATE_IDS, TEMPLATES, type TemplateId } from '../../shared/templates';
import { contract } from '../../shared/api';

describe('the contract marks each method read or write', () => {
  it('every method of the contract is marked, and nothing else', () => {
    expect(Object.keys(ACCESS).sort()).toEqual([...METHODS].sort());
    for (const m of METHODS) expect(['read', 'write']).toContain(ACCESS[m]);
  });

  it('the dead synchronous import methods are gone', () => {
    expect(METHODS).not.toContain('previewImport');
    expect(METHODS).not.toContain('applyImport');
  });

  it('the template ids the contract accepts are those of the definitions', () => {
    // The id type is read off the definitions too (npm test typechecks this file): an id no
    // definition has does not compile.
    // @ts-expect-error not a template id
    const notATemplate: TemplateId = 'pcgd-thpt';
    expect(TEMPLATE_IDS).not.toContain(notATemplate);
    expect(TEMPLATE_IDS).toEqual(TEMPLATES.map((t) => t.id));
    for (const id of TEMPLATE_IDS) expect(contract.openGrid.safeParse({ template: id }).success).toBe(true);
    expect(contract.openGrid.safeParse({ template: 'pcgd-thpt' }).success).toBe(false);
  });
});

describe("the renderer's cache follows the contract's marks", () => {
  it('an early answer survives a call of a read method and is dropped by a write method', async () => {
    let asked = 0;
    // The page's door (the preload's window.api): counts the overview calls that reach it.
    const door = new Proxy({} as Api, {
      get: (_, name) => async () => (name === 'overview' ? { units: [], reports: [], n: ++asked } : {}),
    });
    (globalThis as { window?: unknown }).window = { api: door };
    const { api, prefetch } = await import('../../renderer/src/platform/api');
    const kept: string[] = [];
    for (const m of METHODS) {
      prefetch('overview', {});
      const before = asked;
      await (api[m] as (i: unknown) => Promise<unknown>)({});
      // Taken from the early answers (no new call to the door) only if m left them in place.
      await api.overview({});
      if (asked === before) kept.push(m);
    }
    const reads = METHODS.filter((m) => ACCESS[m] === 'read');
    expect(kept.sort()).toEqual(reads.filter((m) => m !== 'overview').sort());
  });
});
