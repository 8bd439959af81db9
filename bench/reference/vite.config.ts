import path from 'node:path'
import { fileURLToPath } from 'node:url'
import vue from '@vitejs/plugin-vue'
import { defineConfig } from 'vite'
import { VitePWA } from 'vite-plugin-pwa'

const referenceRoot = path.dirname(fileURLToPath(import.meta.url))

// Reference app for the benchmarks: the smallest Vue 3 + vue-router + Pinia PWA (two routes, a web
// app manifest and an injectManifest service worker), built by this repository's own Vite and
// plugins. Bundle sizes and Lighthouse figures of the product are reported as ratios to it, so keep
// it minimal. Its sources are .mts so the server's TypeScript project (which includes bench/**/*.ts)
// does not type-check browser code; bench/reference/tsconfig.json checks them instead.
export default defineConfig({
  root: referenceRoot,
  publicDir: path.join(referenceRoot, 'public'),
  logLevel: 'warn',
  plugins: [
    vue(),
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'src',
      filename: 'sw.js',
      registerType: 'autoUpdate',
      injectRegister: false,
      manifest: {
        id: '/',
        name: 'Reference PWA',
        short_name: 'Reference',
        description: 'The smallest Vue + vue-router + Pinia PWA, used as the benchmarks reference.',
        lang: 'en',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        theme_color: '#42b883',
        background_color: '#ffffff',
        icons: [
          { src: 'pwa-192x192.png', sizes: '192x192', type: 'image/png' },
          { src: 'pwa-512x512.png', sizes: '512x512', type: 'image/png' },
          { src: 'maskable-512x512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      injectManifest: { globPatterns: ['**/*.{js,css,html,png,svg,ico,webmanifest}'] },
      devOptions: { enabled: false },
    }),
  ],
  build: {
    outDir: path.resolve(referenceRoot, '..', 'results', 'build', 'reference'),
    emptyOutDir: true,
  },
})
