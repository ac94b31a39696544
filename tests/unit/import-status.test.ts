// Polling a batch sends only the results the page does not hold yet (importStatus `since`): a
// batch of 2,000 files would otherwise send every result again, findings and all, each poll.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { BatchStatus } from '../../shared/api';
import { openTestApp, type TestApp } from '../support/handlers';

const FORMS = join(__dirname, '..', 'fixtures', 'batch', 'ha-quang-forms');
let app: TestApp;

beforeAll(() => {
  app = openTestApp('pcgd-status-');
});
afterAll(() => app.close());

it('a poll with `since` returns the later results only; together they are the whole batch in order', async () => {
  const files = readdirSync(FORMS)
    .filter((f) => f.endsWith('.xlsx'))
    .slice(0, 6)
    .map((name) => ({ name, data: readFileSync(join(FORMS, name)).toString('base64') }));
  const { api } = app;
  const { batchId } = await api.startImport({ files, dryRun: true });
  let held: BatchStatus['files'] = [];
  for (let s = await api.importStatus({ batchId, since: 0 }); ; s = await api.importStatus({ batchId, since: held.length })) {
    expect(s.files.every((f, k) => f.index === held.length + k)).toBe(true);
    held = [...held, ...s.files];
    if (s.state !== 'running') break;
    await new Promise((r) => setTimeout(r, 5));
  }
  const whole = await api.importStatus({ batchId });
  expect(whole.files).toEqual(held);
  expect(held.map((f) => f.index)).toEqual([0, 1, 2, 3, 4, 5]);
  expect((await api.importStatus({ batchId, since: 6 })).files).toEqual([]);
});
