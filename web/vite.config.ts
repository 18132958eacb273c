import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The app is served by `luoshi serve` at `/`; in development Vite proxies /api to it.
export default defineConfig({
  base: '/',
  plugins: [react()],
  server: {
    proxy: { '/api': process.env.LUOSHI_API ?? 'http://127.0.0.1:3000' },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
  },
});
