import { defineConfig } from 'vite';

// The renderer: one page, served from app://threshold in Electron and from 127.0.0.1 in browser mode.
export default defineConfig({
  root: 'src/renderer',
  base: '/',
  publicDir: false,
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: '../../dist/renderer',
    emptyOutDir: true,
    target: 'chrome120',
    sourcemap: false,
    chunkSizeWarningLimit: 800,
    rolldownOptions: {
      // Radix marks its modules "use client" for server components; meaningless in this bundle.
      onwarn(warning, warn) {
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
});
