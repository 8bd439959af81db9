import { fileURLToPath, URL } from 'node:url'
import vue from '@vitejs/plugin-vue'
import { defineConfig } from 'vite'
import { VitePWA } from 'vite-plugin-pwa'
import { precompress } from './scripts/vite-precompress'

const apiTarget = process.env.PORTAL_API_URL ?? 'http://127.0.0.1:8080'

export default defineConfig({
  plugins: [
    vue(),
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'src',
      filename: 'sw.ts',
      registerType: 'prompt',
      injectRegister: false,
      manifest: false,
      injectManifest: {
        // The app shell only. The service worker never precaches itself (a changed sw.js is how an
        // update is found), no /api URL exists in the build output, and install screenshots and
        // icon sources are served without being stored on every device.
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest,ico}'],
        globIgnores: ['**/sw.js', 'screenshots/**', 'icons/source/**'],
        // Hashed file names already change with their content, so they need no revision.
        dontCacheBustURLsMatching: /^assets\//,
      },
      devOptions: { enabled: false },
    }),
    precompress(),
  ],
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  // Every component uses <script setup>, so Vue's Options API support (about 1.6 KB gzip) is
  // left out of the first screen's bundle.
  define: { __VUE_OPTIONS_API__: 'false' },
  server: {
    host: '127.0.0.1',
    proxy: { '/api': { target: apiTarget, changeOrigin: false } },
  },
  build: {
    target: 'es2022',
    sourcemap: false,
  },
})
