// The console's browser tests use the front ends' shared e2e support (scripts/e2e-support.mjs) with a desktop window.
import { chromium } from 'playwright-core'
import { launch } from '../../../scripts/e2e-support.mjs'

export { asUser, eventually, gateway, host, openShareLink, shots, userToken } from '../../../scripts/e2e-support.mjs'

/** Debian's chromium, headless, in a desktop window; console and page errors collected. */
export const browser = (userDataDir) => launch(chromium, userDataDir, { viewport: { width: 1440, height: 900 }, acceptDownloads: true })
