// Worker thread entry: parses files sent by the pool and posts the result back.
import { parentPort } from 'node:worker_threads';
import { parseFile } from './parse';

// Loaded: from now on a death is the fault of a file, not of a worker that cannot start here.
parentPort!.postMessage({ ready: true });

parentPort!.on('message', async (m: { id: number; name: string; buf: Uint8Array }) => {
  const result = await parseFile(m.name, Buffer.from(m.buf.buffer, m.buf.byteOffset, m.buf.byteLength));
  parentPort!.postMessage({ id: m.id, result });
});
