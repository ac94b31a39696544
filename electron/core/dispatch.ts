// One dispatcher for both faces (IPC and the browser host): validate the payload against the
// contract, call the handler, wrap the outcome. A UserError's Vietnamese message is shown as is;
// anything else is written to the fault log and shown as one generic line naming that log (a
// fault from the backend worker comes already written, as a LoggedFault).
import { parseInput, type Api, type Envelope, type Method } from '../../shared/api';
import { isUserError } from '../../shared/errors';
import { fileFaultLog, faultLogPath, LoggedFault, type FaultLog } from './fault-log';

export function isMethod(api: Api, name: string): name is Method {
  return Object.prototype.hasOwnProperty.call(api, name);
}

const defaultLog = fileFaultLog(faultLogPath());

export async function dispatch(api: Api, method: string, payload: unknown, log: FaultLog = defaultLog): Promise<Envelope<unknown>> {
  try {
    if (!isMethod(api, method)) return { ok: false, error: `Không có chức năng "${method}".` };
    const input = parseInput(method, payload);
    const value = await (api[method] as (i: unknown) => Promise<unknown>)(input);
    return { ok: true, value };
  } catch (e) {
    if (isUserError(e) || e instanceof LoggedFault) return { ok: false, error: e.message };
    return { ok: false, error: log.write(e, `api ${method}`) };
  }
}
