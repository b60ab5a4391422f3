import { describe, expect, it } from 'vitest'
import { fetchTransport, init, LaxinProblem, memoryStorage } from '../../src/index'
import { fakeFetch, PNG } from './fakes'

const BASE = 'https://growth.brand.example/'
const json = (body: unknown, status = 200) => ({ status, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
const problem = (status: number, code: string, extra: Record<string, unknown> = {}) => ({
  status, headers: { 'content-type': 'application/problem+json' },
  body: JSON.stringify({ type: 'about:blank', title: 'Refused', status, detail: `${code} detail`, code, ...extra }),
})

function client(answer: Parameters<typeof fakeFetch>[0], token: string | null = 'user-jwt') {
  const f = fakeFetch(answer)
  const laxin = init({ baseUrl: BASE, getToken: async () => token, transport: fetchTransport(f.fetch), storage: memoryStorage() })
  return { laxin, calls: f.calls }
}

describe('fetch transport', () => {
  it('sends the bearer token, the device id and a fresh request id with every call', async () => {
    const { laxin, calls } = client(() => json({ campaignId: 7, code: 'K7PX3MWQ', shareLink: 'https://g/s/K7PX3MWQ', miniProgramPage: null }))
    const invite = await laxin.myInvite(7)
    await laxin.myInvite(7, 'POSTER')
    expect(invite.code).toBe('K7PX3MWQ')
    expect(calls[0].url).toBe('https://growth.brand.example/api/v1/invites/mine?campaignId=7')
    expect(calls[1].url).toBe('https://growth.brand.example/api/v1/invites/mine?campaignId=7&channel=poster')
    expect(calls[0].method).toBe('GET')
    expect(calls[0].headers.Authorization).toBe('Bearer user-jwt')
    expect(calls[0].headers['X-Device-Id']).toBe(await laxin.deviceId())
    expect(calls[0].headers['X-Request-Id']).toMatch(/^[0-9a-f-]{36}$/)
    expect(calls[1].headers['X-Request-Id']).not.toBe(calls[0].headers['X-Request-Id'])
    expect(calls[0].headers['Idempotency-Key']).toBeUndefined()
  })

  it('sends no Authorization header when there is no user token', async () => {
    const { laxin, calls } = client(() => json({ id: 3, name: 'x' }), null)
    await laxin.campaign(3)
    expect(calls[0].url).toBe('https://growth.brand.example/api/v1/public/campaigns/3')
    expect(calls[0].headers.Authorization).toBeUndefined()
  })

  it('posts a scan with its scene, the device id and an Idempotency-Key', async () => {
    const { laxin, calls } = client(() => json({ code: 'K7PX3MWQ', channel: 'poster', campaignId: 1, counted: true, landingUrl: null, miniProgramPage: null }))
    const scan = await laxin.recordScan({ scene: 'i%3DK7PX3MWQ%26c%3Dposter' })
    expect(scan.counted).toBe(true)
    const call = calls[0]
    expect(call.method).toBe('POST')
    expect(call.url).toBe('https://growth.brand.example/api/v1/public/scans')
    expect(call.headers['Content-Type']).toBe('application/json')
    expect(call.headers['Idempotency-Key']).toMatch(/^[0-9a-f-]{36}$/)
    expect(JSON.parse(call.body!)).toEqual({ scene: 'i=K7PX3MWQ&c=poster', deviceId: await laxin.deviceId() })
  })

  it('posts a parsed invite as code and channel', async () => {
    const { laxin, calls } = client(() => json({}))
    await laxin.recordScan({ code: 'k7px3mwq', channel: 'QR' })
    expect(JSON.parse(calls[0].body!)).toMatchObject({ code: 'K7PX3MWQ', channel: 'qr' })
  })

  it('turns problem+json into a LaxinProblem with the server code, status, detail and field errors', async () => {
    const { laxin, calls } = client(() => problem(400, 'VALIDATION_FAILED', { errors: [{ field: 'campaignId', message: 'must be positive' }] }))
    const e = await laxin.myInvitees(9).catch((x: unknown) => x)
    expect(e).toBeInstanceOf(LaxinProblem)
    const p = e as LaxinProblem
    expect(p.code).toBe('VALIDATION_FAILED')
    expect(p.status).toBe(400)
    expect(p.title).toBe('Refused')
    expect(p.detail).toBe('VALIDATION_FAILED detail')
    expect(p.errors).toEqual([{ field: 'campaignId', message: 'must be positive' }])
    expect(p.requestId).toBe(calls[0].headers['X-Request-Id'])
  })

  it('gives an error answer that is not a problem the code HTTP_<status>', async () => {
    const { laxin } = client(() => ({ status: 502, headers: { 'content-type': 'text/html' }, body: '<html>Bad gateway</html>' }))
    await expect(laxin.myBalances()).rejects.toMatchObject({ code: 'HTTP_502', status: 502 })
  })

  it('reports a failed connection as NETWORK_ERROR with status 0', async () => {
    const { laxin } = client(() => {
      throw new TypeError('fetch failed')
    })
    const e = (await laxin.leaderboard(4).catch((x: unknown) => x)) as LaxinProblem
    expect(e).toBeInstanceOf(LaxinProblem)
    expect(e.code).toBe('NETWORK_ERROR')
    expect(e.status).toBe(0)
    expect(e.detail).toContain('fetch failed')
  })

  it('refuses a campaign id that is not a positive integer without calling', async () => {
    const { laxin, calls } = client(() => json({}))
    await expect(laxin.leaderboard(0)).rejects.toMatchObject({ code: 'VALIDATION_FAILED' })
    await expect(laxin.myInvite(1.5)).rejects.toMatchObject({ code: 'VALIDATION_FAILED' })
    expect(calls).toHaveLength(0)
  })

  it('filters my rewards by campaign when asked', async () => {
    const { laxin, calls } = client(() => json([{ id: 1, campaignId: 1 }, { id: 2, campaignId: 2 }]))
    expect((await laxin.myRewards(2)).map((r) => r.id)).toEqual([2])
    expect(await laxin.myRewards()).toHaveLength(2)
    expect(calls[0].url).toBe('https://growth.brand.example/api/v1/rewards/mine')
  })

  it('asks the leaderboard for the top N', async () => {
    const { laxin, calls } = client(() => json([]))
    await laxin.leaderboard(5, 20)
    expect(calls[0].url).toBe('https://growth.brand.example/api/v1/campaigns/5/leaderboard?top=20')
  })

  it('answers the poster as bytes and a blob URL', async () => {
    const { laxin, calls } = client(() => ({ status: 200, headers: { 'content-type': 'image/png', etag: '"abc123"' }, body: PNG }))
    const poster = await laxin.myPoster(7, { lang: 'en' })
    expect(calls[0].url).toBe('https://growth.brand.example/api/v1/posters/mine?campaignId=7&format=png&lang=en')
    expect(calls[0].headers.Authorization).toBe('Bearer user-jwt')
    expect(Array.from(poster.bytes)).toEqual(Array.from(PNG))
    expect(poster.contentType).toBe('image/png')
    expect(poster.etag).toBe('"abc123"')
    expect(poster.url).toMatch(/^blob:/)
    const blob = await (await fetch(poster.url!)).arrayBuffer()
    expect(Array.from(new Uint8Array(blob))).toEqual(Array.from(PNG))
    URL.revokeObjectURL(poster.url!)
  })

  it('turns a refused poster into a LaxinProblem', async () => {
    const { laxin } = client(() => problem(400, 'POSTER_FORMAT_UNSUPPORTED'))
    await expect(laxin.myPoster(7, { format: 'jpeg' })).rejects.toMatchObject({ code: 'POSTER_FORMAT_UNSUPPORTED', status: 400 })
  })
})
