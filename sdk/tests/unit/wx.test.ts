import { describe, expect, it } from 'vitest'
import { init, LaxinProblem, memoryStorage, saveImageToAlbum, wxTransport } from '../../src/index'
import type { WxApi, WxSetting } from '../../src/wxapi'
import { fakeWx, PNG } from './fakes'

const BASE = 'https://growth.brand.example'

describe('wx.request transport', () => {
  it('calls wx.request with the headers, the JSON body and raw text answers', async () => {
    const { wx, requests } = fakeWx(() => ({ statusCode: 200, header: { 'Content-Type': 'application/json' },
      data: JSON.stringify({ code: 'K7PX3MWQ', channel: 'qr', campaignId: 3, counted: true, landingUrl: null, miniProgramPage: 'pages/invite/index' }) }))
    const laxin = init({ baseUrl: BASE, getToken: () => 'wx-user-jwt', transport: wxTransport(wx), storage: memoryStorage() })
    const scan = await laxin.recordScan({ scene: 'i=K7PX3MWQ&c=qr' })
    expect(scan.miniProgramPage).toBe('pages/invite/index')
    const r = requests[0]
    expect(r.url).toBe(`${BASE}/api/v1/public/scans`)
    expect(r.method).toBe('POST')
    expect(r.dataType).not.toBe('json')
    expect(r.responseType).toBe('text')
    expect(JSON.parse(r.data as string)).toEqual({ scene: 'i=K7PX3MWQ&c=qr', deviceId: await laxin.deviceId() })
    expect(r.header).toMatchObject({ Authorization: 'Bearer wx-user-jwt', 'X-Device-Id': await laxin.deviceId(),
      'Content-Type': 'application/json' })
    expect(r.header?.['Idempotency-Key']).toMatch(/^[0-9a-f-]{36}$/)
    expect(r.header?.['X-Request-Id']).toMatch(/^[0-9a-f-]{36}$/)
  })

  it('is the default transport inside a mini-program', async () => {
    const { wx, requests } = fakeWx(() => ({ data: '[]' }))
    ;(globalThis as { wx?: WxApi }).wx = wx
    try {
      await init({ baseUrl: BASE }).myBalances()
      expect(requests).toHaveLength(1)
    } finally {
      delete (globalThis as { wx?: WxApi }).wx
    }
  })

  it('turns problem+json into a LaxinProblem', async () => {
    const { wx } = fakeWx(() => ({ statusCode: 404, header: { 'content-type': 'application/problem+json' },
      data: JSON.stringify({ title: 'Not found', status: 404, detail: 'no such code', code: 'INVITE_CODE_NOT_FOUND' }) }))
    const e = await init({ baseUrl: BASE, transport: wxTransport(wx), storage: memoryStorage() })
      .recordScan({ code: 'ZZZZ9999', channel: 'poster' }).catch((x: unknown) => x)
    expect(e).toBeInstanceOf(LaxinProblem)
    expect(e).toMatchObject({ code: 'INVITE_CODE_NOT_FOUND', status: 404, detail: 'no such code' })
  })

  it('reports a failed wx.request (domain not whitelisted, offline) as NETWORK_ERROR', async () => {
    const { wx } = fakeWx(() => ({ fail: 'request:fail url not in domain list' }))
    const e = (await init({ baseUrl: BASE, transport: wxTransport(wx), storage: memoryStorage() }).myBalances()
      .catch((x: unknown) => x)) as LaxinProblem
    expect(e.code).toBe('NETWORK_ERROR')
    expect(e.detail).toContain('url not in domain list')
  })

  it('downloads the poster as bytes into a local file named by its content key', async () => {
    const { wx, requests, files } = fakeWx(() => ({ statusCode: 200, header: { 'Content-Type': 'image/png', ETag: '"k3y"' }, data: PNG.slice().buffer }))
    const poster = await init({ baseUrl: BASE, getToken: () => 't', transport: wxTransport(wx), storage: memoryStorage() }).myPoster(12)
    expect(requests[0].responseType).toBe('arraybuffer')
    expect(requests[0].url).toBe(`${BASE}/api/v1/posters/mine?campaignId=12&format=png`)
    expect(poster.tempFilePath).toBe('wxfile://usr/laxin-poster-k3y.png')
    expect(poster.url).toBeUndefined()
    expect(poster.etag).toBe('"k3y"')
    expect(Array.from(files.get(poster.tempFilePath!)!)).toEqual(Array.from(PNG))
    expect(Array.from(poster.bytes)).toEqual(Array.from(PNG))
  })

  it('reads a refused poster (problem+json as an arraybuffer) as a LaxinProblem', async () => {
    const body = new TextEncoder().encode(JSON.stringify({ title: 'Gone', status: 410, code: 'INVITE_CODE_REVOKED', detail: '码已作废' }))
    const { wx, files } = fakeWx(() => ({ statusCode: 410, header: { 'content-type': 'application/problem+json' }, data: body.buffer }))
    const e = await init({ baseUrl: BASE, transport: wxTransport(wx), storage: memoryStorage() }).myPoster(12).catch((x: unknown) => x)
    expect(e).toMatchObject({ code: 'INVITE_CODE_REVOKED', status: 410, detail: '码已作废' })
    expect(files.size).toBe(0)
  })
})

function albumWx(initial: boolean | undefined, opts: { authorize: boolean; openSetting?: boolean; saveFails?: string }) {
  const asked: string[] = []
  const saved: string[] = []
  const setting = (v: boolean | undefined): WxSetting => ({ authSetting: v === undefined ? {} : { 'scope.writePhotosAlbum': v } })
  const wx = {
    ...fakeWx(() => ({ data: '' })).wx,
    getSetting: (o: { success?: (r: WxSetting) => void }) => {
      asked.push('getSetting')
      o.success?.(setting(initial))
    },
    authorize: (o: { scope: string; success?: () => void; fail?: (e: { errMsg: string }) => void }) => {
      asked.push(`authorize ${o.scope}`)
      if (opts.authorize) o.success?.()
      else o.fail?.({ errMsg: 'authorize:fail auth deny' })
    },
    openSetting: (o: { success?: (r: WxSetting) => void }) => {
      asked.push('openSetting')
      o.success?.(setting(opts.openSetting))
    },
    saveImageToPhotosAlbum: (o: { filePath: string; success?: () => void; fail?: (e: { errMsg: string }) => void }) => {
      asked.push('save')
      if (opts.saveFails) o.fail?.({ errMsg: opts.saveFails })
      else {
        saved.push(o.filePath)
        o.success?.()
      }
    },
  } satisfies WxApi
  return { wx, asked, saved }
}

describe('saveImageToAlbum', () => {
  it('asks for the album scope the first time, then saves', async () => {
    const { wx, asked, saved } = albumWx(undefined, { authorize: true })
    expect(await saveImageToAlbum('wxfile://usr/p.png', wx)).toBe('saved')
    expect(asked).toEqual(['getSetting', 'authorize scope.writePhotosAlbum', 'save'])
    expect(saved).toEqual(['wxfile://usr/p.png'])
  })

  it('saves straight away once the scope was granted', async () => {
    const { wx, asked } = albumWx(true, { authorize: false })
    expect(await saveImageToAlbum('wxfile://usr/p.png', wx)).toBe('saved')
    expect(asked).toEqual(['getSetting', 'save'])
  })

  it('answers denied and saves nothing when the user refuses the prompt', async () => {
    const { wx, saved } = albumWx(undefined, { authorize: false })
    expect(await saveImageToAlbum('wxfile://usr/p.png', wx)).toBe('denied')
    expect(saved).toEqual([])
  })

  it('opens the settings page after an earlier refusal and saves when the user turns it on', async () => {
    const { wx, asked } = albumWx(false, { authorize: false, openSetting: true })
    expect(await saveImageToAlbum('wxfile://usr/p.png', wx)).toBe('saved')
    expect(asked).toEqual(['getSetting', 'openSetting', 'save'])
  })

  it('answers denied when the user leaves the settings page with the scope off', async () => {
    const { wx, saved } = albumWx(false, { authorize: false, openSetting: false })
    expect(await saveImageToAlbum('wxfile://usr/p.png', wx)).toBe('denied')
    expect(saved).toEqual([])
  })

  it('passes on a save that fails for another reason', async () => {
    const { wx } = albumWx(true, { authorize: true, saveFails: 'saveImageToPhotosAlbum:fail file not found' })
    await expect(saveImageToAlbum('wxfile://usr/gone.png', wx)).rejects.toMatchObject({ errMsg: expect.stringContaining('file not found') })
  })
})
