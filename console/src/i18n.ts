import { createI18n } from 'vue-i18n'
import zhCN from './locales/zh-CN.json'
import en from './locales/en.json'

export type Locale = 'zh-CN' | 'en'
const KEY = 'laxin.console.locale'

/** zh-CN by default (or what the gateway's console config says); the user's switch is remembered per tab. */
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

export function setLocale(locale: Locale): void {
  i18n.global.locale.value = locale
  sessionStorage.setItem(KEY, locale)
  document.documentElement.lang = locale
}
