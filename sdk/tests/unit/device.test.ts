import { afterEach, describe, expect, it, vi } from 'vitest'
import { DEVICE_ID_KEY, fetchTransport, init, isDeviceToken, memoryStorage, webStorage, wxStorage } from '../../src/index'
import { fakeFetch, fakeWx } from './fakes'

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

  const TOKEN = 'ldt1.AbCdEfGhIjKlMnOpQrStUv.0123456789abcdefghij_-'
  const scanAnswer = (deviceToken: unknown) => ({ status: 200, headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code: 'K7PX3MWQ', channel: 'poster', campaignId: 7, counted: true, landingUrl: null,
      miniProgramPage: null, deviceToken }) })

  it('keeps the device token a scan answers and answers it as the device id from then on', async () => {
    const storage = memoryStorage()
    const f = fakeFetch(() => scanAnswer(TOKEN))
    const laxin = init({ baseUrl: BASE, transport: fetchTransport(f.fetch), storage })
    const madeUp = await laxin.deviceId()

    await laxin.recordScan({ scene: 'i=K7PX3MWQ&c=poster' })
    await laxin.recordScan({ scene: 'i=K7PX3MWQ&c=poster' })

    expect(JSON.parse(f.calls[0].body as string).deviceId).toBe(madeUp)
    expect(JSON.parse(f.calls[1].body as string).deviceId).toBe(TOKEN)
    expect(f.calls[1].headers['X-Device-Id']).toBe(TOKEN)
    expect(await laxin.deviceId()).toBe(TOKEN)
    expect(storage.get(DEVICE_ID_KEY)).toBe(TOKEN)
    expect(await init({ baseUrl: BASE, storage }).deviceId()).toBe(TOKEN)
  })

  it('keeps what it has when a scan answers no token or something that is not one', async () => {
    const storage = memoryStorage()
    for (const answer of [undefined, null, 'lx-not-a-token', 'ldt1.short.x']) {
      const f = fakeFetch(() => scanAnswer(answer))
      const laxin = init({ baseUrl: BASE, transport: fetchTransport(f.fetch), storage })
      const before = await laxin.deviceId()
      await laxin.recordScan({ code: 'K7PX3MWQ', channel: 'poster' })
      expect(await laxin.deviceId()).toBe(before)
    }
  })

  it('keeps the token a share link put on the landing URL (laxinDevice), and nothing else', async () => {
    const storage = memoryStorage()
    const laxin = init({ baseUrl: BASE, storage })
    await laxin.keepDeviceToken('planted-raw-id')
    expect(await laxin.deviceId()).toMatch(/^lx-/)
    await laxin.keepDeviceToken(TOKEN)
    expect(await laxin.deviceId()).toBe(TOKEN)
    expect(storage.get(DEVICE_ID_KEY)).toBe(TOKEN)
    expect(isDeviceToken(TOKEN)).toBe(true)
    expect(isDeviceToken(`${TOKEN}x`)).toBe(false)
  })

  it('keeps its own token over one on a forwarded landing URL; the next scan settles it', async () => {
    const storage = memoryStorage()
    const other = 'ldt1.ZyXwVuTsRqPoNmLkJiHgFe.9876543210zyxwvutsrq_-'
    const f = fakeFetch(() => scanAnswer(TOKEN))
    const laxin = init({ baseUrl: BASE, transport: fetchTransport(f.fetch), storage })
    await laxin.keepDeviceToken(TOKEN)

    await laxin.keepDeviceToken(other)
    expect(await laxin.deviceId()).toBe(TOKEN)
    expect(storage.get(DEVICE_ID_KEY)).toBe(TOKEN)

    const g = fakeFetch(() => scanAnswer(other))
    const scanned = init({ baseUrl: BASE, transport: fetchTransport(g.fetch), storage })
    await scanned.recordScan({ code: 'K7PX3MWQ', channel: 'poster' })
    expect(await scanned.deviceId()).toBe(other)
  })
})
