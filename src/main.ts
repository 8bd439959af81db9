import { createPinia } from 'pinia'
import { createApp } from 'vue'
import App from './App.vue'
import { installPwa } from './pwa'
import { createAppRouter } from './router'
import './styles/tokens.css'
import './styles/base.css'

const app = createApp(App)
const pinia = createPinia()
app.use(pinia)

const router = createAppRouter()
installPwa(router)
app.use(router)

void router.isReady().then(() => app.mount('#app'))
