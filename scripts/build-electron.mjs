// Bundles the Electron main process and the sandboxed preload (which cannot require project
// files) into dist-electron/, with the backend worker (the store and the handlers) and the parse
// worker beside main (threads of their own; each finds the next beside itself).
import { build } from 'esbuild';
import { NODE_BUNDLE } from './bundle-options.mjs';

const common = { ...NODE_BUNDLE, sourcemap: true, logLevel: 'warning' };
await build({ ...common, entryPoints: ['electron/main/main.ts'], outfile: 'dist-electron/main.cjs' });
await build({ ...common, entryPoints: ['electron/main/preload.ts'], outfile: 'dist-electron/preload.cjs' });
await build({ ...common, entryPoints: ['electron/core/batch/parse-worker.ts'], outfile: 'dist-electron/parse-worker.cjs' });
await build({ ...common, entryPoints: ['electron/core/app-worker.ts'], outfile: 'dist-electron/app-worker.cjs' });
