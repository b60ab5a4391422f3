/** One field the server refused, as RFC 9457 problem+json `errors` carry them. */
export interface FieldError {
  field: string
  message: string
}

export interface ProblemInit {
  status: number
  code: string
  title: string
  detail?: string
  errors?: FieldError[]
  type?: string
  requestId?: string
  cause?: unknown
}

/**
 * Every failure of an SDK call: the server's problem+json (its stable `code`, e.g. INVITE_CODE_NOT_FOUND), a non-JSON
 * error answer (`code` HTTP_<status>), or no answer at all (`code` NETWORK_ERROR, `status` 0). Switch on `code`.
 */
export class LaxinProblem extends Error {
  static readonly NETWORK_ERROR = 'NETWORK_ERROR'

  readonly status: number
  readonly code: string
  readonly title: string
  readonly detail?: string
  readonly errors?: FieldError[]
  readonly type?: string
  /** The X-Request-Id the SDK sent with the call: quote it when asking the operators. */
  readonly requestId?: string

  constructor(init: ProblemInit) {
    super(init.detail ? `${init.code}: ${init.detail}` : `${init.code}: ${init.title}`)
    this.name = 'LaxinProblem'
    this.status = init.status
    this.code = init.code
    this.title = init.title
    this.detail = init.detail
    this.errors = init.errors
    this.type = init.type
    this.requestId = init.requestId
    if (init.cause !== undefined) (this as { cause?: unknown }).cause = init.cause
    Object.setPrototypeOf(this, LaxinProblem.prototype)
  }
}

export function isLaxinProblem(e: unknown): e is LaxinProblem {
  return e instanceof LaxinProblem
}

const asString = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined)

/** An error answer as a LaxinProblem: the problem+json fields when the body is one, else HTTP_<status>. */
export function problemFrom(status: number, body: string, requestId?: string): LaxinProblem {
  let parsed: unknown
  try {
    parsed = body ? JSON.parse(body) : undefined
  } catch {
    parsed = undefined
  }
  if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
    const p = parsed as Record<string, unknown>
    const errors = Array.isArray(p.errors)
      ? p.errors
          .filter((e): e is Record<string, unknown> => !!e && typeof e === 'object')
          .map((e) => ({ field: String(e.field ?? ''), message: String(e.message ?? '') }))
      : undefined
    return new LaxinProblem({
      status: typeof p.status === 'number' ? p.status : status,
      code: asString(p.code) ?? `HTTP_${status}`,
      title: asString(p.title) ?? `HTTP ${status}`,
      detail: asString(p.detail),
      type: asString(p.type),
      errors,
      requestId,
    })
  }
  return new LaxinProblem({ status, code: `HTTP_${status}`, title: `HTTP ${status}`, detail: asString(body?.slice(0, 200)), requestId })
}

export function networkProblem(cause: unknown, requestId?: string): LaxinProblem {
  const detail = cause instanceof Error ? cause.message : typeof cause === 'object' && cause && 'errMsg' in cause
    ? String((cause as { errMsg: unknown }).errMsg) : String(cause)
  return new LaxinProblem({ status: 0, code: LaxinProblem.NETWORK_ERROR, title: 'Network error', detail, requestId, cause })
}
