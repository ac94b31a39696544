// The one set of esbuild options for every Node bundle of the app (Electron main and preload,
// the parse worker, the CLI, the bench's worker), so that what stays outside a bundle is decided
// once. Native and large libraries stay external: better-sqlite3 (native), exceljs and SheetJS
// (loaded lazily, only for files that need them: the parse worker must stay small).
// import.meta.url only serves the tsx fallback of the worker pool; bundles find their worker
// beside them. Lazy import() becomes a lazy require(), which loads from Electron's asar archive.
export const NODE_BUNDLE = {
  define: { 'import.meta.url': 'undefined' },
  supported: { 'dynamic-import': false },
  bundle: true,
  platform: 'node',
  target: 'node22',
  format: 'cjs',
  external: ['electron', 'better-sqlite3', 'exceljs', '@e965/xlsx'],
};
