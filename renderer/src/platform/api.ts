// The renderer's only door to the main process: the Electron preload's `window.api`, or, in the
// browser host, a fetch client derived from the same contract (POST /api/<method>).
import type { Api, Envelope, Input, Method, Outputs } from '../../../shared/api';
import { READS } from '../../../shared/api-access';
import { isUserError, UserError } from '../../../shared/errors';

declare global {
  interface Window {
    api?: Api;
  }
}

/**
 * Chromium lets a page have at most 64 KiB of keepalive bodies in flight (beyond, fetch fails):
 * a save that does not fit beside those on their way (a big paste) goes as an ordinary request.
 */
const KEEPALIVE_BUDGET_BYTES = 60 * 1024;
let keepaliveInFlight = 0;
/** UTF-8 bytes of a body: a Blob would tell as well, at 0.5 ms a save (it is registered with the browser process). */
const utf8 = new TextEncoder();

function post(method: Method, body: string, keepalive: boolean): Promise<Response> {
  return fetch(`/api/${method}`, { method: 'POST', keepalive, headers: { 'content-type': 'application/json' }, body });
}

/**
 * Saves are sent with `keepalive`: a reload or a closed tab does not cancel one already on its
 * way, and those sent from `pagehide` (useSaver) are delivered after the page is gone.
 */
async function call<M extends Method>(method: M, input: Input<M>): Promise<Outputs[M]> {
  let res: Response;
  const body = JSON.stringify(input ?? {});
  const size = method === 'setCells' ? utf8.encode(body).byteLength : 0;
  const keepalive = method === 'setCells' && keepaliveInFlight + size <= KEEPALIVE_BUDGET_BYTES;
  if (keepalive) keepaliveInFlight += size;
  try {
    try {
      res = await post(method, body, keepalive);
    } catch (e) {
      // Refused as keepalive (the budget is the browser's, not only ours): as an ordinary request.
      if (!keepalive) throw e;
      res = await post(method, body, false);
    }
  } catch {
    throw new UserError('Không kết nối được với chương trình nền của ứng dụng.');
  } finally {
    if (keepalive) keepaliveInFlight -= size;
  }
  let envelope: Envelope<Outputs[M]>;
  try {
    envelope = (await res.json()) as Envelope<Outputs[M]>;
  } catch {
    throw new UserError(`Chương trình nền trả lời không hợp lệ (mã ${res.status}).`);
  }
  // The backend sends only Vietnamese sentences (a UserError's, or the line naming its log).
  if (!envelope.ok) throw new UserError(envelope.error);
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

/** Reads asked for before the app's first render (early.ts), not yet taken, by method and input. */
const early = new Map<string, { value: Promise<unknown>; at: number; arrived?: { value: unknown } }>();
const EARLY_MS = 5000;
const keyOf = (method: string, input: unknown) => `${method} ${JSON.stringify(input ?? {})}`;

/**
 * Asks now for what the first screen will ask for (early.ts, before the app's other modules are
 * evaluated): the first call of the same method with the same input within a few seconds takes
 * this answer instead of asking again. Any call that may write drops them all.
 */
export function prefetch<M extends 'overview' | 'openGrid'>(method: M, input: Input<M>): void {
  const value = door[method](input as never) as Promise<unknown>;
  const entry: { value: Promise<unknown>; at: number; arrived?: { value: unknown } } = { value, at: performance.now() };
  // A failure is told to the page that asks, if one does.
  value.then((v) => (entry.arrived = { value: v }), () => {});
  early.set(keyOf(method, input), entry);
}

/**
 * An early answer that is already here, taken as a call would take it; undefined if it is not
 * (yet). The first render shows it at once: awaiting it, even resolved, would cost a render
 * and a frame of the page without it, each time.
 */
export function arrived<M extends 'overview' | 'openGrid'>(method: M, input: Input<M>): Outputs[M] | undefined {
  const key = keyOf(method, input);
  const hit = early.get(key);
  if (!hit?.arrived || performance.now() - hit.at >= EARLY_MS) return undefined;
  early.delete(key);
  return hit.arrived.value as Outputs[M];
}

// An empty target: the preload's object is frozen, and a proxy of it could not hand out wrappers.
export const api: Api = new Proxy({} as Api, {
  get: (_, name) => {
    const fn = Reflect.get(door, name) as unknown;
    if (typeof name !== 'string' || typeof fn !== 'function') return fn;
    return (input: unknown) => {
      if (early.size) {
        // Methods that only read (marked in the contract, shared/api-access.ts) keep them.
        if (!READS.has(name)) early.clear();
        const key = keyOf(name, input);
        const hit = early.get(key);
        early.delete(key);
        if (hit && performance.now() - hit.at < EARLY_MS) return hit.value;
      }
      return (fn as (i: unknown) => Promise<unknown>).call(door, input);
    };
  },
});

/**
 * A thrown value as a one-line Vietnamese message: the app's own errors are Vietnamese; anything
 * else (a browser or script error in English) is not shown as is.
 */
export function errorText(e: unknown): string {
  if (isUserError(e)) return e.message;
  // A fault of the page itself: its detail is in the browser's console, not for the officer.
  console.error(e);
  return 'Lỗi không mong đợi trong giao diện của ứng dụng. Hãy tải lại trang; dữ liệu đã lưu vẫn còn.';
}
