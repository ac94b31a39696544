import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

/**
 * The app's chunk (boot.tsx, which main.tsx imports dynamically) is fetched with the page: a
 * modulepreload link, so that it does not wait for the first chunk to arrive and run.
 */
function preloadBoot(): Plugin {
  return {
    name: 'preload-boot',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const boot = Object.values(ctx.bundle ?? {}).find((c) => c.type === 'chunk' && c.name === 'boot');
        if (!boot) return [];
        return [{ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: '', href: `./${boot.fileName}` }, injectTo: 'head' }];
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
  },
});
