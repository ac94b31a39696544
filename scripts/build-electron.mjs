// Bundles the Electron main process and the sandboxed preload (which cannot require project
// files) into dist-electron/. Native and large libraries stay external.
import { build } from 'esbuild';

// import.meta.url only serves the tsx fallback of the worker pool; bundles find parse-worker.cjs beside them.
// exceljs is loaded lazily (import()); as require() in the bundle, so that it loads from the asar
// archive through Electron's CommonJS loader.
const common = {
  define: { 'import.meta.url': 'undefined' },
  supported: { 'dynamic-import': false },
  bundle: true,
  platform: 'node',
  target: 'node22',
  sourcemap: true,
  logLevel: 'warning',
  external: ['electron', 'better-sqlite3', 'exceljs'],
};
await build({ ...common, entryPoints: ['electron/main.ts'], outfile: 'dist-electron/main.cjs', format: 'cjs' });
await build({ ...common, entryPoints: ['electron/preload.ts'], outfile: 'dist-electron/preload.cjs', format: 'cjs' });
// The parse worker of import batches runs in its own thread: a file of its own beside main.
await build({ ...common, entryPoints: ['electron/services/batch/parse-worker.ts'], outfile: 'dist-electron/parse-worker.cjs', format: 'cjs' });
