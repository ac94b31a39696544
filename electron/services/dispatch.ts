// One dispatcher for both faces (IPC and the browser host): validate the payload against the
// contract, call the handler, wrap the outcome. A failure becomes a one-line Vietnamese message;
// an unexpected one is logged for us and shown to the user without its stack.
import { parseInput, type Api, type Envelope, type Method } from '../../shared/api';
import { isVietnameseText } from '../../shared/text/normalize';
import { ReadError } from './excel/read';
import { ExportError } from './export';
import { UserError } from './handlers';

export function isMethod(api: Api, name: string): name is Method {
  return Object.prototype.hasOwnProperty.call(api, name);
}

export async function dispatch(api: Api, method: string, payload: unknown, log: (e: unknown) => void = console.error): Promise<Envelope<unknown>> {
  try {
    if (!isMethod(api, method)) return { ok: false, error: `Không có chức năng "${method}".` };
    const input = parseInput(method, payload);
    const value = await (api[method] as (i: unknown) => Promise<unknown>)(input);
    return { ok: true, value };
  } catch (e) {
    if (e instanceof UserError || e instanceof ReadError || e instanceof ExportError) return { ok: false, error: e.message };
    if (e instanceof Error && e.message.startsWith('Dữ liệu gửi tới')) return { ok: false, error: e.message };
    log(e);
    const msg = e instanceof Error && isVietnameseText(e.message) ? e.message : 'Đã xảy ra lỗi không mong đợi; dữ liệu đã lưu không bị ảnh hưởng.';
    return { ok: false, error: msg };
  }
}
