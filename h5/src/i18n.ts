import { createI18n } from 'vue-i18n'
import { Locale as VantLocale } from 'vant'
import vantEn from 'vant/es/locale/lang/en-US'
import vantZh from 'vant/es/locale/lang/zh-CN'
import zhCN from './locales/zh-CN.json'
import en from './locales/en.json'

export type Locale = 'zh-CN' | 'en'
const KEY = 'laxin.h5.locale'

/** zh-CN by default (or what /h5/config.json says); the user's switch is remembered for the tab. */
export const i18n = createI18n({
  legacy: false,
  locale: 'zh-CN',
  fallbackLocale: 'zh-CN',
  messages: { 'zh-CN': zhCN, en },
})

export function initialLocale(configured: string): Locale {
  const chosen = sessionStorage.getItem(KEY) ?? configured
  return chosen === 'en' ? 'en' : 'zh-CN'
}

export function currentLocale(): Locale {
  return i18n.global.locale.value as Locale
}

/** Switches the page's words and Vant's own (loading, no more, confirm…). */
export function setLocale(locale: Locale): void {
  i18n.global.locale.value = locale
  if (locale === 'en') VantLocale.use('en-US', vantEn)
  else VantLocale.use('zh-CN', vantZh)
  sessionStorage.setItem(KEY, locale)
  document.documentElement.lang = locale
  document.title = i18n.global.t('app.title')
}
