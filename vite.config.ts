import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

/**
 * The app's chunks (boot.tsx, which main.tsx imports dynamically, and what it imports) are
 * fetched with the page: modulepreload links, so that they do not wait for the first chunk to
 * arrive and run.
 */
function preloadBoot(): Plugin {
  return {
    name: 'preload-boot',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const boot = Object.values(ctx.bundle ?? {}).find((c) => c.type === 'chunk' && c.name === 'boot');
        if (!boot || boot.type !== 'chunk') return [];
        return [boot.fileName, ...boot.imports.filter((f) => !f.startsWith('assets/index-'))].map((f) => ({
          tag: 'link',
          attrs: { rel: 'modulepreload', crossorigin: '', href: `./${f}` },
          injectTo: 'head' as const,
        }));
      },
    },
  };
}

export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react(), preloadBoot()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    // AG Grid alone is larger than Vite's default warning size; it is loaded once, from disk.
    chunkSizeWarningLimit: 2500,
    // One stylesheet, linked from index.html and fetched with it. Split per chunk, the styles that
    // boot.tsx's modules import came as a second file that the dynamic import of boot waited
    // for, only once the first chunk had run: about 70 ms before the first screen's data was
    // even asked for.
    cssCodeSplit: false,
    rollupOptions: {
      output: {
        // AG Grid, React and the app apart: the browser compiles each chunk on its own thread as
        // it arrives, side by side, rather than one 1.4 MB chunk on one.
        // Chartist is loaded only when a chart is drawn (LevelBars imports it dynamically). Its
        // chunk is named here, not in manualChunks: put there, it became one of boot's static
        // imports, preloaded with the page.
        chunkFileNames: (chunk) => (chunk.facadeModuleId?.includes('/node_modules/chartist/') ? 'assets/chartist-[hash].js' : 'assets/[name]-[hash].js'),
        manualChunks(id) {
          if (id.includes('/node_modules/ag-grid-community/')) return 'ag-grid';
          if (/\/node_modules\/(react|react-dom|scheduler)\//.test(id)) return 'react';
          return undefined;
        },
      },
    },
  },
});
