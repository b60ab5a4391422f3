import { createApp } from 'vue'
import {
  Button, Cell, CellGroup, Empty, Icon, Image as VanImage, List, NavBar, Overlay, PullRefresh, ShareSheet, Skeleton, Tabbar,
  TabbarItem, Tag,
} from 'vant'
import 'vant/lib/index.css'
import App from './App.vue'
import { createAppRouter } from './router'
import { i18n, initialLocale, setLocale } from './i18n'
import { loadConfig } from './config'
import { adoptFromUrl } from './session'
import { setBusinessTimeZone } from './format/time'
import './style.css'

async function start(): Promise<void> {
  const config = await loadConfig()
  setBusinessTimeZone(config.timeZone)
  adoptFromUrl(window.location, window.history, config.campaignId)
  const app = createApp(App)
  app.use(i18n)
  setLocale(initialLocale(config.locale))
  for (const c of [Button, Cell, CellGroup, Empty, Icon, VanImage, List, NavBar, Overlay, PullRefresh, ShareSheet, Skeleton,
    Tabbar, TabbarItem, Tag]) {
    app.use(c)
  }
  app.use(createAppRouter())
  app.mount('#app')
}

void start()
