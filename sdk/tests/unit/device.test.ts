import { afterEach, describe, expect, it, vi } from 'vitest'
import { DEVICE_ID_KEY, init, memoryStorage, webStorage, wxStorage } from '../../src/index'
import { fakeWx } from './fakes'

const BASE = 'https://growth.brand.example'

afterEach(() => {
  vi.unstubAllGlobals()
})

describe('device id', () => {
  it('stays the same across restarts of a mini-program (wx storage)', async () => {
    const { wx, storage } = fakeWx(() => ({ data: '{}' }))
    const first = await init({ baseUrl: BASE, storage: wxStorage(wx) }).deviceId()
    const again = await init({ baseUrl: BASE, storage: wxStorage(wx) }).deviceId()
    expect(first).toMatch(/^lx-[0-9a-f-]{36}$/)
    expect(again).toBe(first)
    expect(storage.get(DEVICE_ID_KEY)).toBe(first)
  })

  it('uses wx storage by default inside a mini-program', async () => {
    const { wx, storage } = fakeWx(() => ({ data: '{}' }))
    storage.set(DEVICE_ID_KEY, 'lx-kept-from-last-week')
    vi.stubGlobal('wx', wx)
    expect(await init({ baseUrl: BASE }).deviceId()).toBe('lx-kept-from-last-week')
  })

  it('stays the same across page loads (localStorage by default in a browser)', async () => {
    const values = new Map<string, string>()
    vi.stubGlobal('localStorage', { getItem: (k: string) => values.get(k) ?? null, setItem: (k: string, v: string) => values.set(k, v) })
    const first = await init({ baseUrl: BASE }).deviceId()
    const again = await init({ baseUrl: BASE }).deviceId()
    expect(again).toBe(first)
    expect(values.get(DEVICE_ID_KEY)).toBe(first)
  })

  it('differs between two installs', async () => {
    const a = await init({ baseUrl: BASE, storage: memoryStorage() }).deviceId()
    const b = await init({ baseUrl: BASE, storage: memoryStorage() }).deviceId()
    expect(a).not.toBe(b)
  })

  it('falls back to memory when localStorage refuses, stable for the page', async () => {
    const refusing = {
      getItem: () => {
        throw new Error('SecurityError')
      },
      setItem: () => {
        throw new Error('QuotaExceededError')
      },
    }
    const storage = webStorage(refusing)
    const client = init({ baseUrl: BASE, storage })
    const first = await client.deviceId()
    expect(await client.deviceId()).toBe(first)
    expect(await init({ baseUrl: BASE, storage }).deviceId()).toBe(first)
  })

  it('replaces a stored value that cannot be a device id (over 128 characters)', async () => {
    const storage = memoryStorage()
    storage.set(DEVICE_ID_KEY, 'x'.repeat(129))
    const id = await init({ baseUrl: BASE, storage }).deviceId()
    expect(id).toMatch(/^lx-/)
    expect(storage.get(DEVICE_ID_KEY)).toBe(id)
  })
})
