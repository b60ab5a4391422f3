import type { WxApi, WxRequestOptions } from '../../src/wxapi'

export interface FetchCall {
  url: string
  method: string
  headers: Record<string, string>
  body?: string
}

export interface FakeAnswer {
  status?: number
  headers?: Record<string, string>
  body?: string | Uint8Array
}

/** A fetch that records each call and answers from `answer` (or throws what it throws: a network failure). */
export function fakeFetch(answer: (call: FetchCall) => FakeAnswer) {
  const calls: FetchCall[] = []
  const fetch = async (url: string, init?: { method?: string; headers?: Record<string, string>; body?: string }) => {
    const call = { url, method: init?.method ?? 'GET', headers: { ...(init?.headers ?? {}) }, body: init?.body }
    calls.push(call)
    const a = answer(call)
    const body = a.body ?? ''
    const bytes = typeof body === 'string' ? new TextEncoder().encode(body) : body
    return {
      status: a.status ?? 200,
      headers: new Headers(a.headers ?? { 'content-type': 'application/json' }),
      text: async () => new TextDecoder().decode(bytes),
      arrayBuffer: async () => bytes.slice().buffer,
    }
  }
  return { fetch, calls }
}

/** A `wx` with request, storage and a file system, recording what the SDK asked of it. */
export function fakeWx(answer: (o: WxRequestOptions) => { statusCode?: number; header?: Record<string, string>; data?: unknown } | { fail: string }) {
  const requests: WxRequestOptions[] = []
  const storage = new Map<string, unknown>()
  const files = new Map<string, Uint8Array>()
  const wx: WxApi = {
    request(o) {
      requests.push(o)
      const a = answer(o)
      queueMicrotask(() => {
        if ('fail' in a) o.fail?.({ errMsg: a.fail })
        else o.success?.({ statusCode: a.statusCode ?? 200, header: a.header ?? {}, data: a.data })
      })
      return {}
    },
    getStorageSync: (key) => (storage.has(key) ? storage.get(key) : ''),
    setStorageSync: (key, value) => {
      storage.set(key, value)
    },
    env: { USER_DATA_PATH: 'wxfile://usr' },
    getFileSystemManager: () => ({
      writeFile(o) {
        files.set(o.filePath, new Uint8Array(o.data as ArrayBuffer))
        queueMicrotask(() => o.success?.())
      },
    }),
  }
  return { wx, requests, storage, files }
}

export const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3])
