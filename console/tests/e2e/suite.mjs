// What the browser tests need: the running suite (scripts/test-support/suite-api.mjs) and a browser that fails the
// test on any console error. The suite itself is started by standalone's ConsoleE2EIT, which passes its address
// and secrets in the environment.
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { chromium } from 'playwright-core'
import { env } from '../../../scripts/test-support/suite-api.mjs'

// the suite's address, tokens, signed host calls and polling are shared with the other front ends' tests
export { env, gateway, userToken, staffToken, host, asUser, asStaff, openShareLink, eventually } from '../../../scripts/test-support/suite-api.mjs'

const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage']

/** Debian's chromium, headless; every console error and page error is collected so the test can fail on it. */
export async function browser(userDataDir) {
  const b = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.LAXIN_E2E_CHROMIUM ?? '/usr/bin/chromium', headless: true, args: FLAGS,
    viewport: { width: 1440, height: 900 }, acceptDownloads: true, locale: 'zh-CN', timezoneId: 'Asia/Shanghai',
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

export function shots() {
  const dir = env('LAXIN_E2E_SHOTS')
  mkdirSync(dir, { recursive: true })
  return async (page, name) => page.screenshot({ path: join(dir, `${name}.png`), fullPage: true })
}
