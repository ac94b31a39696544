// The renderer's only door to the main process: the Electron preload's `window.api`, or, in the
// browser host, a fetch client derived from the same contract (POST /api/<method>).
import { METHODS, type Api, type Envelope, type Input, type Method, type Outputs } from '../../shared/api';

declare global {
  interface Window {
    api?: Api;
  }
}

async function call<M extends Method>(method: M, input: Input<M>): Promise<Outputs[M]> {
  let res: Response;
  try {
    res = await fetch(`/api/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(input ?? {}),
    });
  } catch {
    throw new Error('Không kết nối được với chương trình nền của ứng dụng.');
  }
  let envelope: Envelope<Outputs[M]>;
  try {
    envelope = (await res.json()) as Envelope<Outputs[M]>;
  } catch {
    throw new Error(`Chương trình nền trả lời không hợp lệ (mã ${res.status}).`);
  }
  if (!envelope.ok) throw new Error(envelope.error);
  return envelope.value;
}

function fetchClient(): Api {
  const client: Partial<Record<Method, (input: never) => Promise<unknown>>> = {};
  for (const m of METHODS) client[m] = (input: Input<typeof m>) => call(m, input);
  return client as Api;
}

export const api: Api = window.api ?? fetchClient();

/** A thrown value as a one-line Vietnamese message. */
export function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
