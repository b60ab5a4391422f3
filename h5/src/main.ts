import { createApp } from 'vue'
import {
  Button, Cell, CellGroup, Empty, Icon, Image as VanImage, List, NavBar, Overlay, PullRefresh, ShareSheet, Skeleton, Tabbar,
  TabbarItem, Tag,
} from 'vant'
// only the styles of the components the page uses (the toast's for showToast), not all of Vant's
import 'vant/es/button/style/index'
import 'vant/es/cell/style/index'
import 'vant/es/cell-group/style/index'
import 'vant/es/empty/style/index'
import 'vant/es/icon/style/index'
import 'vant/es/image/style/index'
import 'vant/es/list/style/index'
import 'vant/es/nav-bar/style/index'
import 'vant/es/overlay/style/index'
import 'vant/es/pull-refresh/style/index'
import 'vant/es/share-sheet/style/index'
import 'vant/es/skeleton/style/index'
import 'vant/es/tabbar/style/index'
import 'vant/es/tabbar-item/style/index'
import 'vant/es/tag/style/index'
import 'vant/es/toast/style/index'
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
