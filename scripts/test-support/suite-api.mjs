// What Node tests of a front end need from the running suite (no dependencies, Node 18+): its address and secrets
// from the environment, user and staff tokens, signed host calls, share-link touches and polling. Shared by the
// console's browser tests (console/tests/e2e), the SDK's integration test (sdk/tests/integration) and the H5 page's
// browser tests; the suite itself is started by the standalone ITs (ConsoleE2EIT, SdkIT, …), which pass
// LAXIN_E2E_GATEWAY, LAXIN_E2E_JWT_SECRET, LAXIN_E2E_HOST_KEY_ID and LAXIN_E2E_HOST_SECRET.
import { createHash, createHmac, randomBytes } from 'node:crypto'

export const env = (name) => {
  const v = process.env[name]
  if (!v) throw new Error(`${name} is not set: run these tests through their standalone IT (./mvnw -B verify)`)
  return v
}

export const gateway = () => env('LAXIN_E2E_GATEWAY')

const b64url = (buf) => Buffer.from(buf).toString('base64url')

function jwt(claims) {
  const now = Math.floor(Date.now() / 1000)
  const head = b64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }))
  const body = b64url(JSON.stringify({ iss: 'https://login.brand.example', aud: 'laxin', iat: now, exp: now + 3600, ...claims }))
  const sig = createHmac('sha256', env('LAXIN_E2E_JWT_SECRET')).update(`${head}.${body}`).digest('base64url')
  return `${head}.${body}.${sig}`
}

/** An end user's token, as the brand's login would issue it (HS256 with the suite's JWT secret). */
export function userToken(sub) {
  return jwt({ sub })
}

/** A staff member's token with the given roles (OPS, FINANCE, ADMIN), as the brand's staff login would issue it. */
export function staffToken(sub, roles) {
  return jwt({ sub, roles })
}

/** A signed host call (X-Api-Key + timestamp + nonce + HMAC over method, path, time, nonce and body digest). */
export async function host(method, path, body) {
  const text = body === undefined ? '' : JSON.stringify(body)
  const ts = String(Math.floor(Date.now() / 1000))
  const nonce = randomBytes(16).toString('hex')
  const digest = createHash('sha256').update(text).digest('hex')
  const signature = createHmac('sha256', env('LAXIN_E2E_HOST_SECRET')).update(`${method}\n${path}\n${ts}\n${nonce}\n${digest}`).digest('hex')
  const r = await fetch(gateway() + path, {
    method,
    headers: { 'X-Api-Key': env('LAXIN_E2E_HOST_KEY_ID'), 'X-Timestamp': ts, 'X-Nonce': nonce, 'X-Signature': signature,
      ...(body === undefined ? {} : { 'Content-Type': 'application/json', 'Idempotency-Key': nonce }) },
    body: body === undefined ? undefined : text,
  })
  const answer = await r.text()
  if (r.status >= 300) throw new Error(`${method} ${path}: ${r.status} ${answer}`)
  return answer ? JSON.parse(answer) : null
}

async function asBearer(token, path) {
  const r = await fetch(gateway() + path, { headers: { Authorization: `Bearer ${token}` } })
  if (!r.ok) throw new Error(`${path}: ${r.status} ${await r.text()}`)
  return r.json()
}

/** GET as an end user. */
export const asUser = (user, path) => asBearer(userToken(user), path)

/** GET as staff with the given roles (default OPS). */
export const asStaff = (path, roles = ['OPS'], sub = 'ops-e2e') => asBearer(staffToken(sub, roles), path)

/** A friend opening a share link in WeChat: one touch, counted as unique per device. */
export async function openShareLink(code, channel, device) {
  const r = await fetch(`${gateway()}/s/${code}?ch=${channel}&d=${device}`, {
    redirect: 'manual', headers: { 'User-Agent': 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) MicroMessenger/8.0.50' },
  })
  if (r.status !== 302) throw new Error(`/s/${code}: ${r.status}`)
}

/** Polls `probe` until it answers something truthy (server-side effects that travel through RocketMQ). */
export async function eventually(probe, what, ms = 30_000) {
  const until = Date.now() + ms
  let last
  while (Date.now() < until) {
    try {
      last = await probe()
      if (last) return last
    } catch (e) {
      last = e
    }
    await new Promise((r) => setTimeout(r, 250))
  }
  throw new Error(`${what} did not happen within ${ms} ms (last: ${last})`)
}
