/**
 * The one HTTP client: adds the bearer token and a request id, sends an Idempotency-Key with writes, and turns
 * problem+json into a ProblemError whose `code` a page can switch on.
 */
export interface FieldProblem { field: string; message: string }

export interface Problem {
  type?: string
  title?: string
  status: number
  detail?: string
  code: string
  requestId?: string
  errors?: FieldProblem[]
}

export class ProblemError extends Error {
  readonly problem: Problem
  constructor(problem: Problem) {
    super(problem.detail ?? problem.title ?? problem.code)
    this.problem = problem
  }
  get code(): string { return this.problem.code }
  get status(): number { return this.problem.status }
}

export interface RequestOptions {
  query?: Record<string, string | number | boolean | null | undefined>
  body?: unknown
  idempotencyKey?: string
  /** what to read the answer as (default json) */
  as?: 'json' | 'blob' | 'text' | 'response'
}

interface Hooks {
  token: () => string | null
  onUnauthenticated: (problem: Problem) => void
}

let hooks: Hooks = { token: () => null, onUnauthenticated: () => {} }

export function configureHttp(h: Hooks): void {
  hooks = h
}

export function newKey(): string {
  const bytes = new Uint8Array(16)
  crypto.getRandomValues(bytes)
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')
}

export function url(path: string, query?: RequestOptions['query']): string {
  const params = new URLSearchParams()
  for (const [k, v] of Object.entries(query ?? {})) {
    if (v !== null && v !== undefined && v !== '') params.set(k, String(v))
  }
  const q = params.toString()
  return q ? `${path}?${q}` : path
}

export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { 'X-Request-Id': newKey(), Accept: 'application/json, application/problem+json, */*' }
  const token = hooks.token()
  if (token) headers.Authorization = `Bearer ${token}`
  if (options.body !== undefined) headers['Content-Type'] = 'application/json'
  if (options.idempotencyKey) headers['Idempotency-Key'] = options.idempotencyKey
  let response: Response
  try {
    response = await fetch(url(path, options.query), {
      method, headers, body: options.body === undefined ? undefined : JSON.stringify(options.body),
    })
  } catch (e) {
    throw new ProblemError({ status: 0, code: 'NETWORK_ERROR', title: 'Network error', detail: String(e) })
  }
  if (!response.ok) {
    const problem = await readProblem(response)
    if (response.status === 401) hooks.onUnauthenticated(problem)
    throw new ProblemError(problem)
  }
  switch (options.as ?? 'json') {
    case 'response': return response as unknown as T
    case 'blob': return (await response.blob()) as unknown as T
    case 'text': return (await response.text()) as unknown as T
    default: {
      const text = await response.text()
      return (text ? JSON.parse(text) : null) as T
    }
  }
}

async function readProblem(response: Response): Promise<Problem> {
  const text = await response.text()
  try {
    const body = JSON.parse(text) as Partial<Problem>
    if (body && typeof body.code === 'string') return { ...body, status: body.status ?? response.status } as Problem
  } catch {
    // not JSON: described below
  }
  return { status: response.status, code: `HTTP_${response.status}`, title: response.statusText, detail: text.slice(0, 200) }
}

export const http = {
  get: <T>(path: string, query?: RequestOptions['query']) => request<T>('GET', path, { query }),
  post: <T>(path: string, body?: unknown, idempotencyKey?: string, query?: RequestOptions['query']) =>
    request<T>('POST', path, { body, idempotencyKey, query }),
  patch: <T>(path: string, body: unknown, idempotencyKey?: string) => request<T>('PATCH', path, { body, idempotencyKey }),
  put: <T>(path: string, body: unknown, query?: RequestOptions['query']) => request<T>('PUT', path, { body, query }),
  del: <T>(path: string) => request<T>('DELETE', path),
  blob: (path: string, query?: RequestOptions['query']) => request<Blob>('GET', path, { query, as: 'blob' }),
}
