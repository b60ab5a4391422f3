import { init, LaxinProblem, type Laxin } from '@laxin/sdk'
import { session } from './session'

/**
 * The page's one client for the suite: the SDK over fetch, against the gateway that serves this page (same origin),
 * with the signed-in user's token. Every data call of the page goes through it.
 */
export const laxin: Laxin = init({
  baseUrl: window.location.origin,
  getToken: () => session.token,
})

export { LaxinProblem }

/** The SDK's problem for a failure, whatever was thrown. */
export function asProblem(e: unknown): LaxinProblem {
  if (e instanceof LaxinProblem) return e
  return new LaxinProblem({ status: 0, code: 'CLIENT_ERROR', title: 'Error', detail: e instanceof Error ? e.message : String(e) })
}
