// What the browser tests of the front ends (console/, h5/) need from the running suite: signed host calls, user and
// staff tokens, polling for server-side effects, and a browser that fails the test on any console error. The suite is
// started by standalone's ConsoleE2EIT / H5E2EIT, which pass its address and secrets in the environment.
// playwright-core is the module's own (this file sits outside any node_modules): pass its `chromium` to launch().
import { createHash, createHmac, randomBytes } from 'node:crypto'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'

export const env = (name) => {
  const v = process.env[name]
  if (!v) throw new Error(`${name} is not set: run the browser tests through standalone's *E2EIT (./mvnw -B verify)`)
  return v
}

export const gateway = () => env('LAXIN_E2E_GATEWAY')

const b64url = (buf) => Buffer.from(buf).toString('base64url')

/** A token as the brand's login would issue it (HS256 with the suite's JWT secret); staff tokens carry roles. */
export function token(sub, roles = []) {
  const now = Math.floor(Date.now() / 1000)
  const head = b64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }))
  const claims = { sub, iss: 'https://login.brand.example', aud: 'laxin', iat: now, exp: now + 3600, ...(roles.length ? { roles } : {}) }
  const body = b64url(JSON.stringify(claims))
  const sig = createHmac('sha256', env('LAXIN_E2E_JWT_SECRET')).update(`${head}.${body}`).digest('base64url')
  return `${head}.${body}.${sig}`
}

/** An end user's token. */
export const userToken = (sub) => token(sub)

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

async function bearer(tok, method, path, body) {
  const r = await fetch(gateway() + path, {
    method,
    headers: { Authorization: `Bearer ${tok}`,
      ...(body === undefined ? {} : { 'Content-Type': 'application/json', 'Idempotency-Key': randomBytes(16).toString('hex') }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  if (!r.ok) throw new Error(`${method} ${path}: ${r.status} ${await r.text()}`)
  return r.json()
}

/** A GET as an end user. */
export const asUser = (user, path) => bearer(userToken(user), 'GET', path)

/** A call as staff with these roles (OPS, FINANCE, ADMIN). */
export const asStaff = (staff, roles, method, path, body) => bearer(token(staff, roles), method, path, body)

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

const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage']

/**
 * Debian's chromium through the caller's playwright-core `chromium`, headless, zh-CN in Asia/Shanghai unless
 * `options` (Playwright context options: viewport, userAgent, isMobile…) say otherwise. Every console error and page
 * error is collected so the test can fail on it.
 */
export async function launch(chromium, userDataDir, options = {}) {
  const b = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.LAXIN_E2E_CHROMIUM ?? '/usr/bin/chromium', headless: true, args: FLAGS,
    locale: 'zh-CN', timezoneId: 'Asia/Shanghai', ...options,
  })
  const errors = []
  const expected = []
  const watch = (page) => {
    page.on('console', (m) => {
      if (m.type() !== 'error') return
      // Chromium logs every 4xx answer as a console error; only a refusal the test asked for is not one
      const status = /status of (\d{3})/.exec(m.text())?.[1]
      const i = expected.indexOf(Number(status))
      if (m.text().startsWith('Failed to load resource') && i >= 0) expected.splice(i, 1)
      else errors.push(`${page.url()}: ${m.text()}`)
    })
    page.on('pageerror', (e) => errors.push(`${page.url()}: ${e.message}`))
  }
  b.pages().forEach(watch)
  b.on('page', watch)
  /** The next console error for a refused request with this status is the refusal the step expects. */
  const expectRefusal = (status) => expected.push(status)
  return { context: b, errors, expectRefusal }
}

/**
 * A screenshot function writing `<name>.png` into LAXIN_E2E_SHOTS: the whole page, or (`fullPage: false`) what the
 * window shows, as a phone's screen does.
 */
export function shots({ fullPage = true } = {}) {
  const dir = env('LAXIN_E2E_SHOTS')
  mkdirSync(dir, { recursive: true })
  return async (page, name) => page.screenshot({ path: join(dir, `${name}.png`), fullPage })
}
