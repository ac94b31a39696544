// One error type decides what the officer reads, whichever face the failure crosses: the same
// UserError sentence reaches the page through dispatch and a batch's file result through the
// batch runner, word for word; anything else becomes one line naming the fault log.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runBatch } from '../../electron/core/batch/run';
import { dispatch } from '../../electron/core/dispatch';
import { fileFaultLog } from '../../electron/core/fault-log';
import { UserError, isUserError, reviveError, serializeError } from '../../shared/errors';
import { openTestApp } from '../support/handlers';

const LOCKED = 'Tệp bị khóa bởi Excel.';
const app = openTestApp('pcgd-usererror-');
const dir = mkdtempSync(join(tmpdir(), 'pcgd-usererror-log-'));
afterAll(async () => {
  await app.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('a UserError reads the same in every face', () => {
  it('through dispatch (IPC and the browser host)', async () => {
    const api = { ...app.api, overview: async () => { throw new UserError(LOCKED); } } as typeof app.api;
    expect(await dispatch(api, 'overview', {}, fileFaultLog(join(dir, 'a.log')))).toEqual({ ok: false, error: LOCKED });
  });

  it('through a batch: the file is refused with that sentence, not a generic one', async () => {
    const r = await runBatch(app.store, [{ name: 'Xa_A.xlsx', load: async () => { throw new UserError(LOCKED); } }], { pool: app.pool });
    expect(r.files[0]).toMatchObject({ status: 'rejected', reason: LOCKED });
  });

  it('across a thread or process boundary, where class identity is lost', () => {
    const back = reviveError(structuredClone(serializeError(new UserError(LOCKED, 'file.locked'))));
    expect(isUserError(back) && back.message === LOCKED && back.code === 'file.locked').toBe(true);
    const defect = reviveError(structuredClone(serializeError(new TypeError('x is undefined'))));
    expect(isUserError(defect)).toBe(false);
  });

  it('anything else: one Vietnamese line naming the log, the stack in the log', async () => {
    const log = fileFaultLog(join(dir, 'b.log'));
    const api = { ...app.api, overview: async () => { throw new RangeError('Invalid array length'); } } as typeof app.api;
    const r = await dispatch(api, 'overview', {}, log);
    expect(r).toEqual({ ok: false, error: `Đã xảy ra lỗi không mong đợi. Chi tiết đã được ghi vào tệp nhật ký: ${log.path}` });
    expect(readFileSync(log.path, 'utf8')).toMatch(/RangeError: Invalid array length\n\s+at /);
  });
});
