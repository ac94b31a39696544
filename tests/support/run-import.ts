// An import through the contract as the page does it: startImport, then importStatus until the
// batch ends. For tests that want the whole batch's results at once (there is no synchronous
// import method: previewImport/applyImport were removed from the contract).
import type { Api, BatchStatus, Envelope, Input } from '../../shared/api';

type Call = (method: 'startImport' | 'importStatus', payload: unknown) => Promise<Envelope<unknown>>;

// Polling, not a sleep that proves anything: the batch runs on; the loop only waits for its end.
const POLL_MS = 10;
const tick = () => new Promise((r) => setTimeout(r, POLL_MS));

/** Runs a batch to its end through the handlers; the final status, with every file's result. */
export async function runImport(api: Api, input: Input<'startImport'>): Promise<BatchStatus> {
  const { batchId } = await api.startImport(input);
  for (;;) {
    const s = await api.importStatus({ batchId });
    if (s.state !== 'running') return s;
    await tick();
  }
}

/**
 * The same through an envelope-returning call (dispatch): the envelope of startImport if it
 * fails, else the final status, turned into a failed envelope when the batch itself failed.
 */
export async function dispatchImport(call: Call, input: Input<'startImport'>): Promise<Envelope<BatchStatus>> {
  const started = (await call('startImport', input)) as Envelope<{ batchId: number }>;
  if (!started.ok) return started;
  for (;;) {
    const env = (await call('importStatus', { batchId: started.value.batchId })) as Envelope<BatchStatus>;
    if (!env.ok) return env;
    if (env.value.state === 'failed') return { ok: false, error: env.value.error ?? '' };
    if (env.value.state !== 'running') return env;
    await tick();
  }
}
