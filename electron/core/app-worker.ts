// Worker thread entry of the backend (openApp({ inWorker: true })): the database session, the
// parse pool and the handlers live here, so that the face's thread never waits on them. Each
// message is one contract call; the reply carries its value or its error (a UserError as such;
// anything else is written to the fault log here and only its Vietnamese line goes back).
import { parentPort, workerData } from 'node:worker_threads';
import type { Api } from '../../shared/api';
import { serializeError } from '../../shared/errors';
import { openBackend, type BackendOptions } from './app';
import type { FromWorker, ToWorker } from './app-thread';

const port = parentPort!;
const post = (m: FromWorker) => port.postMessage(m);

// saveFile is answered by the face's thread (app-thread.ts) and never sent here.
const saveFile: Api['saveFile'] = async () => {
  throw new Error('saveFile chạy ở luồng của giao diện, không ở luồng xử lý dữ liệu');
};

function start(): ReturnType<typeof openBackend> | undefined {
  try {
    return openBackend({ ...(workerData as BackendOptions), saveFile });
  } catch (e) {
    // A database that cannot be opened at all (not even in recovery): openApp rejects with it.
    post({ ready: false, error: serializeError(e) });
    return undefined;
  }
}

const app = start();
if (!app) port.close();
else {
  post({ ready: true });
  port.on('message', async (m: ToWorker) => {
    if ('close' in m) {
      await app.close(); // waits for the calls in flight, the parse pool, a running daily backup
      post({ closed: true });
      port.close();
      return;
    }
    try {
      const value = await (app.api[m.method] as (i: unknown) => Promise<unknown>)(m.input);
      post({ id: m.id, ok: true, value });
    } catch (e) {
      const s = serializeError(e);
      post({ id: m.id, ok: false, error: s.user ? s : { user: false, message: app.faultLog.write(e, `api ${m.method}`) } });
    }
  });
}
