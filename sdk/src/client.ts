import { randomId, utf8 } from './ids.js'
import { LaxinProblem, networkProblem, problemFrom } from './problem.js'
import { decodeScene, normalizeChannel, normalizeCode, type InviteRef } from './scene.js'
import { memoryStorage, webStorage, wxStorage, type KeyValueStorage } from './storage.js'
import { fetchTransport, wxTransport, type Transport, type TransportResponse } from './transport.js'
import type {
  Balances, CampaignRules, InviteePage, Leaderboard, MyInvite, PosterImage, PosterOptions, RewardList, ScanRequestBody,
  ScanResult,
} from './types.js'
import { globalWx } from './wxapi.js'

export type TokenSource = () => string | null | undefined | Promise<string | null | undefined>

export interface LaxinOptions {
  /** The gateway's origin, e.g. https://growth.brand.example (mini-programs: on the request legal-domain list). */
  baseUrl: string
  /** The end user's JWT from the brand's login; calls without one are anonymous (scans, campaign rules). */
  getToken?: TokenSource
  /** Default: wx.request when `wx` exists, else fetch. */
  transport?: Transport
  /** Default: wx storage / localStorage / memory. */
  storage?: KeyValueStorage
  /** Per request; default 15 s. */
  timeoutMs?: number
}

/** What recordScan takes: the mini-program's scene as onLoad got it, or a code and channel already parsed. */
export type ScanInput = { scene: string } | InviteRef

export interface Laxin {
  /**
   * Stable per install: kept in wx storage / localStorage under `laxin.deviceId`. Once a scan answered a device token
   * (or one was kept with `keepDeviceToken`), this is that token — report it as the registration's `deviceId`, only a
   * token attributes (ADR 0005). Before that it is an id made up here.
   */
  deviceId(): Promise<string>
  /**
   * Keeps a device token the suite issued (the `laxinDevice` a share link put on the landing URL) as this install's
   * device id, when it has none yet: a token this install already holds is kept (a landing URL may have been
   * forwarded from someone else's phone; the next scan settles which token is this device's). Anything that does not
   * look like a token is ignored; the suite checks it on the next scan anyway.
   */
  keepDeviceToken(token: string | null | undefined): Promise<void>
  /**
   * Records a scan of a mini-program code / QR poster (POST /api/v1/public/scans, anonymous, with the device id) and
   * keeps the device token it answers, so `deviceId()` answers the token from then on.
   */
  recordScan(input: ScanInput): Promise<ScanResult>
  /** A campaign's rules as users may read them (anonymous). */
  campaign(campaignId: number): Promise<CampaignRules>
  /** My code and share link (signed in); `channel` tags the share link (default link). */
  myInvite(campaignId: number, channel?: string): Promise<MyInvite>
  /** My poster image (signed in): bytes plus a blob URL (browser) or a local file path (mini-program). */
  myPoster(campaignId: number, opts?: PosterOptions): Promise<PosterImage>
  /** My invitees, newest first, masked (signed in). */
  myInvitees(campaignId: number): Promise<InviteePage>
  /** My rewards, newest first (signed in); only the campaign's when campaignId is given. */
  myRewards(campaignId?: number): Promise<RewardList>
  /** My balances per unit (signed in). */
  myBalances(): Promise<Balances>
  /** A campaign's top referrers, names masked except mine (signed in). */
  leaderboard(campaignId: number, top?: number): Promise<Leaderboard>
}

export const DEVICE_ID_KEY = 'laxin.deviceId'

/** The shape of a device token the suite issues: `ldt1.<22 base64url>.<22 base64url>` (its MAC is checked there). */
const DEVICE_TOKEN = /^ldt1\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{22}$/

/** Whether a value has the shape of a device token the suite issues (`ldt1.…`); only the suite can tell it is valid. */
export const isDeviceToken = (v: unknown): v is string => typeof v === 'string' && DEVICE_TOKEN.test(v)

interface Call {
  method: 'GET' | 'POST'
  path: string
  query?: Record<string, string | number | undefined>
  body?: unknown
  /** A retryable write: the SDK sends an Idempotency-Key (the same one if the caller retries the same input). */
  idempotencyKey?: string
  binary?: boolean
}

const positiveId = (name: string, v: number): number => {
  if (!Number.isSafeInteger(v) || v <= 0) {
    throw new LaxinProblem({ status: 400, code: 'VALIDATION_FAILED', title: 'Invalid argument',
      detail: `${name} must be a positive integer, not ${String(v)}`, errors: [{ field: name, message: 'must be a positive integer' }] })
  }
  return v
}

class LaxinClient implements Laxin {
  private readonly base: string
  private readonly transport: Transport
  private readonly storage: KeyValueStorage
  private device?: string

  constructor(private readonly options: LaxinOptions) {
    if (!options.baseUrl || !/^https?:\/\//i.test(options.baseUrl)) {
      throw new Error(`baseUrl must be the gateway's http(s) origin, not '${options.baseUrl}'`)
    }
    this.base = options.baseUrl.replace(/\/+$/, '')
    const wx = globalWx()
    this.transport = options.transport ?? (wx ? wxTransport(wx) : fetchTransport())
    this.storage = options.storage ?? (wx ? wxStorage(wx) : webStorage())
  }

  async deviceId(): Promise<string> {
    if (this.device) return this.device
    let id: string | null = null
    try {
      id = this.storage.get(DEVICE_ID_KEY)
    } catch {
      id = null
    }
    if (!id || id.length > 128) {
      id = `lx-${randomId()}`
      try {
        this.storage.set(DEVICE_ID_KEY, id)
      } catch {
        /* kept for this session only */
      }
    }
    this.device = id
    return id
  }

  async recordScan(input: ScanInput): Promise<ScanResult> {
    const body: ScanRequestBody = 'scene' in input
      ? { scene: decodeScene(input.scene ?? '') }
      : { code: normalizeCode(input.code) ?? input.code, channel: normalizeChannel(input.channel) }
    body.deviceId = await this.deviceId()
    const result = await this.json<ScanResult>({ method: 'POST', path: '/api/v1/public/scans', body, idempotencyKey: randomId() })
    // the suite's answer is this device's token (its cookie, or the token it was sent): it replaces what is kept
    await this.storeDeviceToken(result?.deviceToken)
    return result
  }

  async keepDeviceToken(token: string | null | undefined): Promise<void> {
    if (!isDeviceToken(token) || isDeviceToken(await this.deviceId())) return
    await this.storeDeviceToken(token)
  }

  private async storeDeviceToken(token: string | null | undefined): Promise<void> {
    if (!isDeviceToken(token) || token === this.device) return
    this.device = token
    try {
      this.storage.set(DEVICE_ID_KEY, token)
    } catch {
      /* kept for this session only */
    }
  }

  async campaign(campaignId: number): Promise<CampaignRules> {
    return this.json({ method: 'GET', path: `/api/v1/public/campaigns/${positiveId('campaignId', campaignId)}` })
  }

  async myInvite(campaignId: number, channel?: string): Promise<MyInvite> {
    return this.json({ method: 'GET', path: '/api/v1/invites/mine',
      query: { campaignId: positiveId('campaignId', campaignId), channel: channel === undefined ? undefined : normalizeChannel(channel) } })
  }

  async myPoster(campaignId: number, opts: PosterOptions = {}): Promise<PosterImage> {
    const format = opts.format ?? 'png'
    const r = await this.send({ method: 'GET', path: '/api/v1/posters/mine', binary: true, query: {
      campaignId: positiveId('campaignId', campaignId), format, lang: opts.lang, templateId: opts.templateId,
      templateVersion: opts.templateVersion, nickname: opts.nickname, avatarUrl: opts.avatarUrl } })
    const bytes = r.response.bytes ?? new Uint8Array(0)
    const contentType = r.response.headers['content-type'] ?? (format === 'png' ? 'image/png' : 'image/jpeg')
    const etag = r.response.headers['etag'] ?? null
    const poster: PosterImage = { bytes, contentType, etag }
    if (this.transport.saveFile) {
      const key = (etag ?? randomId()).replace(/[^A-Za-z0-9_-]/g, '').slice(0, 64) || 'poster'
      poster.tempFilePath = await this.transport.saveFile(bytes, `laxin-poster-${key}.${format === 'png' ? 'png' : 'jpg'}`)
    } else {
      const U = (globalThis as { URL?: { createObjectURL?: (b: unknown) => string } }).URL
      const B = (globalThis as { Blob?: new (parts: unknown[], o: { type: string }) => unknown }).Blob
      if (U?.createObjectURL && B) poster.url = U.createObjectURL(new B([bytes], { type: contentType }))
    }
    return poster
  }

  async myInvitees(campaignId: number): Promise<InviteePage> {
    return this.json({ method: 'GET', path: '/api/v1/invites/mine/invitees', query: { campaignId: positiveId('campaignId', campaignId) } })
  }

  async myRewards(campaignId?: number): Promise<RewardList> {
    const all = await this.json<RewardList>({ method: 'GET', path: '/api/v1/rewards/mine' })
    return campaignId === undefined ? all : all.filter((r) => r.campaignId === campaignId)
  }

  async myBalances(): Promise<Balances> {
    return this.json({ method: 'GET', path: '/api/v1/rewards/mine/balances' })
  }

  async leaderboard(campaignId: number, top?: number): Promise<Leaderboard> {
    return this.json({ method: 'GET', path: `/api/v1/campaigns/${positiveId('campaignId', campaignId)}/leaderboard`, query: { top } })
  }

  private async json<T>(call: Call): Promise<T> {
    const { response } = await this.send(call)
    const text = response.text ?? ''
    try {
      return (text ? JSON.parse(text) : null) as T
    } catch (e) {
      throw new LaxinProblem({ status: response.status, code: 'BAD_RESPONSE', title: 'Unreadable answer',
        detail: `not JSON: ${text.slice(0, 120)}`, cause: e })
    }
  }

  private async send(call: Call): Promise<{ response: TransportResponse; requestId: string }> {
    const requestId = randomId()
    const headers: Record<string, string> = {
      Accept: call.binary ? 'image/*, application/problem+json' : 'application/json, application/problem+json',
      'X-Request-Id': requestId,
      'X-Device-Id': await this.deviceId(),
    }
    let token: string | null | undefined
    try {
      token = await this.options.getToken?.()
    } catch (e) {
      throw new LaxinProblem({ status: 0, code: 'TOKEN_UNAVAILABLE', title: 'No user token', detail: String(e), requestId, cause: e })
    }
    if (token) headers.Authorization = `Bearer ${token}`
    if (call.body !== undefined) headers['Content-Type'] = 'application/json'
    if (call.idempotencyKey) headers['Idempotency-Key'] = call.idempotencyKey
    const query = Object.entries(call.query ?? {})
      .filter(([, v]) => v !== undefined && v !== '')
      .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
      .join('&')
    let response: TransportResponse
    try {
      response = await this.transport.request({
        method: call.method,
        url: `${this.base}${call.path}${query ? `?${query}` : ''}`,
        headers,
        body: call.body === undefined ? undefined : JSON.stringify(call.body),
        binary: call.binary,
        timeoutMs: this.options.timeoutMs ?? 15_000,
      })
    } catch (e) {
      throw networkProblem(e, requestId)
    }
    if (response.status < 200 || response.status >= 300) {
      const text = response.text ?? (response.bytes ? utf8(response.bytes) : '')
      throw problemFrom(response.status, text, requestId)
    }
    return { response, requestId }
  }
}

/** A client for one gateway. Cheap: make one per app (mini-program: in app.js; H5: in main.ts). */
export function init(options: LaxinOptions): Laxin {
  return new LaxinClient(options)
}

/** For tests and custom setups: the storage the SDK would pick here. */
export function defaultStorage(): KeyValueStorage {
  const wx = globalWx()
  if (wx) return wxStorage(wx)
  return typeof (globalThis as { localStorage?: unknown }).localStorage !== 'undefined' ? webStorage() : memoryStorage()
}
