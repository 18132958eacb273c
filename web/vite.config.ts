import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { precompress } from './build/precompress.ts';
import { preloadApp } from './build/preload-app.ts';

// The app is served by `luoshi serve` at `/`; in development Vite proxies /api to it.
export default defineConfig({
  base: '/',
  plugins: [react(), preloadApp(), precompress()],
  server: {
    proxy: { '/api': process.env.LUOSHI_API ?? 'http://127.0.0.1:3000' },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
  },
});
