// The renderer's only door to the main process: the Electron preload's `window.api`, or, in the
// browser host, a fetch client derived from the same contract (POST /api/<method>).
import type { Api, Envelope, Input, Method, Outputs } from '../../shared/api';

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

/**
 * Every method of the contract, by name (the contract's schemas stay in the main process: the
 * renderer does not load them).
 */
function fetchClient(): Api {
  const methods = new Map<string, (input: never) => Promise<unknown>>();
  return new Proxy({} as Api, {
    get: (_, name) => {
      if (typeof name !== 'string') return undefined;
      let fn = methods.get(name);
      if (!fn) methods.set(name, (fn = (input: never) => call(name as Method, input)));
      return fn;
    },
  });
}

const door: Api = window.api ?? fetchClient();

/** The grid asked for before the app's first render (the route's), not yet taken. */
let early: { key: string; view: Promise<Outputs['openGrid']>; at: number } | null = null;
const EARLY_MS = 5000;

/**
 * Asks for the route's grid at once, beside the overview, instead of after it: the grid page's
 * first openGrid of the same grid takes this answer. Any call that may write drops it.
 */
export function prefetchGrid(input: Input<'openGrid'>): void {
  const view = door.openGrid(input);
  view.catch(() => {}); // a failure is told to the page that asks, if one does
  early = { key: JSON.stringify(input), view, at: performance.now() };
}

const READS = new Set<string>(['overview', 'openGrid']);

// An empty target: the preload's object is frozen, and a proxy of it could not hand out wrappers.
export const api: Api = new Proxy({} as Api, {
  get: (_, name) => {
    const target = door;
    const fn = Reflect.get(target, name) as unknown;
    if (typeof name !== 'string' || typeof fn !== 'function') return fn;
    return (input: unknown) => {
      const e = early;
      if (e && !READS.has(name)) early = null;
      if (e && name === 'openGrid') {
        early = null;
        if (e.key === JSON.stringify(input) && performance.now() - e.at < EARLY_MS) return e.view;
      }
      return (fn as (i: unknown) => Promise<unknown>).call(target, input);
    };
  },
});

/** A thrown value as a one-line Vietnamese message. */
export function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
