import type { WxApi } from './wxapi.js'

export interface TransportRequest {
  method: 'GET' | 'POST'
  url: string
  headers: Record<string, string>
  /** A JSON text for writes. */
  body?: string
  /** Answer as bytes (posters) rather than text. */
  binary?: boolean
  timeoutMs?: number
}

export interface TransportResponse {
  status: number
  /** Header names in lower case. */
  headers: Record<string, string>
  /** The body as text (when the request was not binary). */
  text?: string
  /** The body as bytes (when the request was binary). */
  bytes?: Uint8Array
}

/**
 * How the SDK reaches the gateway. `request` resolves for any HTTP answer (4xx / 5xx included) and rejects only when
 * there was none (offline, DNS, TLS, timeout, a domain not on the mini-program's whitelist).
 */
export interface Transport {
  readonly name: string
  request(req: TransportRequest): Promise<TransportResponse>
  /** Keeps downloaded bytes as a local file and answers its path (mini-programs: under wx.env.USER_DATA_PATH). */
  saveFile?(bytes: Uint8Array, fileName: string): Promise<string>
}

const lowerCaseHeaders = (h: Record<string, string | string[] | undefined> | undefined): Record<string, string> => {
  const out: Record<string, string> = {}
  for (const [k, v] of Object.entries(h ?? {})) {
    if (v !== undefined) out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : String(v)
  }
  return out
}

type FetchLike = (input: string, init?: {
  method?: string
  headers?: Record<string, string>
  body?: string
  signal?: AbortSignal
}) => Promise<{
  status: number
  headers: { forEach(cb: (value: string, key: string) => void): void }
  text(): Promise<string>
  arrayBuffer(): Promise<ArrayBuffer>
}>

/** The transport of H5 pages and Node 18+: the global `fetch` (or one you pass, e.g. for tests). */
export function fetchTransport(fetchImpl?: FetchLike): Transport {
  return {
    name: 'fetch',
    async request(req) {
      const f: FetchLike | undefined = fetchImpl ?? (globalThis as { fetch?: FetchLike }).fetch
      if (!f) throw new Error('no fetch in this environment: pass options.transport')
      const timeout = req.timeoutMs && typeof AbortSignal !== 'undefined' && 'timeout' in AbortSignal
        ? (AbortSignal as unknown as { timeout(ms: number): AbortSignal }).timeout(req.timeoutMs) : undefined
      const r = await f(req.url, { method: req.method, headers: req.headers, body: req.body, signal: timeout })
      const headers: Record<string, string> = {}
      r.headers.forEach((value, key) => {
        headers[key.toLowerCase()] = value
      })
      if (req.binary) return { status: r.status, headers, bytes: new Uint8Array(await r.arrayBuffer()) }
      return { status: r.status, headers, text: await r.text() }
    },
  }
}

/** The mini-program transport: wx.request (text, or arraybuffer for posters) and wx's file system for posters. */
export function wxTransport(wx: WxApi): Transport {
  return {
    name: 'wx',
    request(req) {
      return new Promise((resolve, reject) => {
        wx.request({
          url: req.url,
          method: req.method,
          header: req.headers,
          data: req.body,
          // anything but 'json' leaves the body as the server sent it; the SDK parses it (and problem+json) itself
          dataType: 'text',
          responseType: req.binary ? 'arraybuffer' : 'text',
          timeout: req.timeoutMs,
          success: (res) => {
            const headers = lowerCaseHeaders(res.header)
            if (req.binary) {
              const bytes = res.data instanceof ArrayBuffer ? new Uint8Array(res.data)
                : ArrayBuffer.isView(res.data) ? new Uint8Array(res.data.buffer, res.data.byteOffset, res.data.byteLength)
                : new Uint8Array(0)
              resolve({ status: res.statusCode, headers, bytes })
            } else {
              resolve({ status: res.statusCode, headers,
                text: typeof res.data === 'string' ? res.data : res.data == null ? '' : JSON.stringify(res.data) })
            }
          },
          fail: (err) => reject(err),
        })
      })
    },
    saveFile(bytes, fileName) {
      return new Promise((resolve, reject) => {
        const fs = wx.getFileSystemManager?.()
        const dir = wx.env?.USER_DATA_PATH
        if (!fs || !dir) {
          reject(new Error('wx.getFileSystemManager / wx.env.USER_DATA_PATH are not available'))
          return
        }
        const filePath = `${dir}/${fileName}`
        const copy = bytes.slice().buffer as ArrayBuffer
        fs.writeFile({ filePath, data: copy, success: () => resolve(filePath), fail: (err) => reject(err) })
      })
    },
  }
}
