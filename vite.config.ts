import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    // AG Grid alone is larger than Vite's default warning size; it is loaded once, from disk.
    chunkSizeWarningLimit: 2500,
  },
});
