import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';
import { chunkSizeWarningLimit, reportBuildWarning } from './build-warnings';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [vue()],
  // The engine is shared with the server: the designer compiles in the browser with the same code.
  resolve: { alias: { '@engine': fileURLToPath(new URL('../engine', import.meta.url)) } },
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit, rollupOptions: { onwarn: reportBuildWarning } },
  server: {
    // `npm run designer:dev` proxies the API to the process `npm start` runs.
    proxy: { '/api': 'http://127.0.0.1:8080', '/healthz': 'http://127.0.0.1:8080' },
  },
});
