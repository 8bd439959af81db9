import { createPinia } from 'pinia'
import { createApp } from 'vue'
import App from './App.vue'
import { createAppRouter } from './router'
import './styles/tokens.css'
import './styles/base.css'

const app = createApp(App)
const pinia = createPinia()
app.use(pinia)

const router = createAppRouter()

// The PWA layer (service worker registration with workbox-window, chunk recovery, install
// prompt) loads in parallel with the first screen instead of inside its chunk.
// NOTE: a lazy route chunk that fails before this module has loaded is not recovered.
void import('./pwa').then(({ installPwa }) => installPwa(router))

app.use(router)
void router.isReady().then(() => app.mount('#app'))
