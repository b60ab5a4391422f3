import { createApp } from 'vue'
import { createPinia } from 'pinia'
import ElementPlus from 'element-plus'
import 'element-plus/dist/index.css'
import App from './App.vue'
import { router } from './router'
import { i18n, initialLocale, setLocale } from './i18n'
import { loadConfig } from './config'
import { configureHttp } from './api/http'
import { useSession } from './stores/session'
import { setBusinessTimeZone } from './format/time'
import './style.css'

async function start() {
  const config = await loadConfig()
  setBusinessTimeZone(config.timeZone)
  setLocale(initialLocale(config.locale))
  const app = createApp(App)
  app.use(createPinia())
  const session = useSession()
  configureHttp({
    token: () => session.token(),
    onUnauthenticated: () => {
      session.end('expired')
      void router.push({ name: 'login', query: { redirect: router.currentRoute.value.fullPath } })
    },
  })
  app.use(router).use(i18n).use(ElementPlus)
  app.mount('#app')
}

void start()
