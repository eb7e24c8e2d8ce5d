import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const webRoot = fileURLToPath(new URL('.', import.meta.url));
const repositoryRoot = fileURLToPath(new URL('..', import.meta.url));
const apiPort = process.env.ZERODOCK_API_PORT ?? '3000';

export default defineConfig({
  root: webRoot,
  plugins: [react()],
  resolve: {
    // Type-only imports of the zod contracts; `import type` is erased, so zod never reaches the bundle.
    alias: { '@contracts': fileURLToPath(new URL('../src/contracts', import.meta.url)) },
  },
  server: {
    proxy: { '/api': `http://127.0.0.1:${apiPort}` },
    fs: { allow: [repositoryRoot] },
  },
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    // antd's first-load part and the lazily loaded echarts chunk are each a little over 500 kB minified
    // (~175 kB gzip); they are split on purpose, so warn only beyond that.
    chunkSizeWarningLimit: 600,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            // echarts is only reached through a dynamic import, so this chunk loads with the first chart.
            { name: 'echarts', test: /node_modules[\\/](echarts|zrender|tslib)[\\/]/, priority: 4 },
            {
              name: 'react',
              test: /node_modules[\\/](react|react-dom|react-router|scheduler|cookie|set-cookie-parser)[\\/]/,
              priority: 3,
            },
            {
              name: 'i18n',
              test: /node_modules[\\/](i18next|react-i18next|html-parse-stringify|void-elements)[\\/]/,
              priority: 2,
            },
            // antd in two parts: what the shell and the login page need, and the rest (tables, menus, modals…),
            // which arrives with the first page after login.
            { name: 'antd', test: /node_modules[\\/]/, tags: ['$initial'], priority: 1 },
            { name: 'antd-pages', test: /node_modules[\\/]/, priority: 0 },
          ],
        },
      },
    },
  },
});
