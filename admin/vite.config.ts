import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

/**
 * A .br and a .gz beside every text file of the build (1 kB or more, and index.html), at the best ratio: the API
 * serves them as they are to a browser that accepts them (api/compression.ts), so no request
 * compresses the console again.
 */
function precompress(): Plugin {
  let outDir = '';
  return {
    name: 'amtsflow-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    writeBundle(_options, bundle) {
      for (const name of Object.keys(bundle)) {
        if (!/\.(js|css|html|svg|json)$/.test(name)) continue;
        const file = path.join(outDir, name);
        const body = fs.readFileSync(file);
        // index.html is small, but asked for on every visit (no-cache): compressed too.
        if (body.length < 1024 && !name.endsWith('.html')) continue;
        fs.writeFileSync(`${file}.br`, zlib.brotliCompressSync(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length } }));
        fs.writeFileSync(`${file}.gz`, zlib.gzipSync(body, { level: 9 }));
      }
    },
  };
}

// The console is served by the API on the same port (admin/dist at "/"); it imports the task
// and start form schemas from ../workflows, the same files the API validates with. Its pages are
// chunks loaded on first use (App.tsx); the names carry a content hash, cached as immutable.
export default defineConfig({
  root: __dirname,
  base: './',
  plugins: [react(), precompress()],
  build: {
    outDir: path.join(__dirname, 'dist'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 1200,
    rollupOptions: {
      output: {
        // Libraries in three chunks: the charts (recharts and its d3, for the dashboard and the
        // indicators), the procedure map's layout (dagre), and the rest, which the login page needs
        // anyway. One chunk for react-admin keeps its modules, which import each other in circles,
        // in one piece (Rollup warns of a broken execution order when they are split across chunks),
        // and lets it stay cached while the console's own code changes.
        manualChunks(id) {
          if (!id.includes('/node_modules/')) return undefined;
          if (/\/node_modules\/(recharts|victory-vendor|d3-[^/]+|@reduxjs|react-redux|immer|reselect|decimal\.js-light|es-toolkit|internmap)\//.test(id)) return 'charts';
          if (/\/node_modules\/@dagrejs\//.test(id)) return 'map-layout';
          return 'vendor';
        },
      },
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
