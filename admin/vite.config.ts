import path from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The console is served by the API on the same port (admin/dist at "/"); it imports the task
// and start form schemas from ../workflows, the same files the API validates with.
export default defineConfig({
  root: __dirname,
  base: './',
  plugins: [react()],
  build: {
    outDir: path.join(__dirname, 'dist'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 2500,
    rollupOptions: {
      // zod's sources carry comments Rollup reports as misplaced annotations: harmless, and not ours.
      onwarn(warning, warn) {
        if (warning.code === 'INVALID_ANNOTATION' && warning.id?.includes('node_modules')) return;
        warn(warning);
      },
    },
  },
  server: {
    fs: { allow: [path.join(__dirname, '..')] },
    proxy: { '/api': 'http://localhost:3000', '/answer': 'http://localhost:3000' },
  },
});
