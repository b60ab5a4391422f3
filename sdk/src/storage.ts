import type { WxApi } from './wxapi.js'

/** Where the SDK keeps its few values (the device id). Synchronous, like both platforms' storage. */
export interface KeyValueStorage {
  get(key: string): string | null
  set(key: string, value: string): void
}

/** Kept in memory only: a new device id per process / page load. The fallback when nothing else works. */
export function memoryStorage(): KeyValueStorage {
  const values = new Map<string, string>()
  return {
    get: (key) => values.get(key) ?? null,
    set: (key, value) => {
      values.set(key, value)
    },
  }
}

/** wx.getStorageSync / wx.setStorageSync: survives restarts of the mini-program. */
export function wxStorage(wx: WxApi): KeyValueStorage {
  return {
    get(key) {
      const v = wx.getStorageSync(key)
      return typeof v === 'string' && v !== '' ? v : null
    },
    set(key, value) {
      wx.setStorageSync(key, value)
    },
  }
}

interface WebStorage {
  getItem(key: string): string | null
  setItem(key: string, value: string): void
}

/**
 * The browser's localStorage, falling back to memory when it is missing or refuses (Safari private mode, storage
 * disabled, quota): the SDK keeps working, with a device id that lasts as long as the page.
 */
export function webStorage(storage?: WebStorage): KeyValueStorage {
  const fallback = memoryStorage()
  const ls = (): WebStorage | undefined => {
    if (storage) return storage
    try {
      return (globalThis as { localStorage?: WebStorage }).localStorage
    } catch {
      return undefined
    }
  }
  return {
    get(key) {
      try {
        const v = ls()?.getItem(key)
        if (v) return v
      } catch {
        /* storage refused: use memory */
      }
      return fallback.get(key)
    },
    set(key, value) {
      fallback.set(key, value)
      try {
        ls()?.setItem(key, value)
      } catch {
        /* storage refused: memory keeps it */
      }
    },
  }
}
