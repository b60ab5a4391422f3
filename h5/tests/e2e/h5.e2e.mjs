// The H5 invite page's browser tests: Debian chromium through playwright-core, as a phone in WeChat (375×667, touch,
// WeChat's user agent), against the real suite (gateway + four services on real MySQL, Redis and the in-process
// RocketMQ broker), started by standalone's H5E2EIT. Each step does what a person does and waits on what the page
// shows; any browser console error fails the run. Screenshots of each page land in LAXIN_E2E_SHOTS.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium } from 'playwright-core'
import { asStaff, asUser, eventually, gateway, host, launch, shots, userToken } from '../../../scripts/e2e-support.mjs'

const WECHAT_IPHONE = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) '
  + 'Mobile/15E148 MicroMessenger/8.0.50(0x1800323c) NetType/WIFI Language/zh_CN'
const PHONE = { viewport: { width: 375, height: 667 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, userAgent: WECHAT_IPHONE }
const HOST_PAGE = 'https://brand.example/register'

let ctx
let page
let errors
let expectRefusal
// what a phone's screen shows (a full-page shot would draw the fixed tab bar mid-page)
const shot = shots({ fullPage: false })
const stamp = Date.now().toString(36)
const CAMPAIGN = `好友助力 E2E ${stamp}`
const u = (name) => `${name}-${stamp}`
let campaignId
let code

before(async () => {
  ;({ context: ctx, errors, expectRefusal } = await launch(chromium, mkdtempSync(join(tmpdir(), 'laxin-chromium-')), PHONE))
  await ctx.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: gateway() })
  // the brand's registration page the landing page leads to: answered here, so the browser never leaves the machine
  await ctx.route(`${HOST_PAGE}**`, (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>Register</title><h1>Brand registration</h1>' }))
  page = ctx.pages()[0] ?? (await ctx.newPage())
  page.setDefaultTimeout(20_000)
  const campaign = await asStaff('ops-e2e', ['OPS'], 'POST', '/api/v1/admin/campaigns', {
    name: CAMPAIGN, startsAt: '2026-01-01T00:00:00Z', endsAt: '2030-01-01T00:00:00Z', attributionWindowDays: 7,
    landingUrl: HOST_PAGE,
    rewardPolicy: {
      referrerReward: { kind: 'CASH', amount: 500 }, inviteeReward: { kind: 'POINTS', amount: 100 }, holdDays: 7,
      milestones: [{ nth: 3, reward: { kind: 'CASH', amount: 1000 } }],
    },
  })
  campaignId = campaign.id
  code = (await asUser(u('alice'), `/api/v1/invites/mine?campaignId=${campaignId}`)).code
})

after(async () => {
  await ctx?.close()
})

/** Until the page's transitions (an overlay fading in, a sheet sliding up) have finished, for a screenshot. */
const settled = () => page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'))

const tab = async (name) => {
  await page.getByTestId(`tab-${name}`).click()
  await page.waitForURL(new RegExp(`/h5/${name === 'invite' ? '' : name}(\\?|$)`))
}

/**
 * Reloads the page until `check` holds on what it shows once loaded (`loaded`: a test id the page shows when its data
 * has arrived); server effects travel through RocketMQ.
 */
async function reloadUntil(loaded, check, what) {
  await eventually(async () => {
    await page.reload()
    await page.getByTestId(loaded).waitFor()
    return check()
  }, what)
}

test('without a token the page says where to open it from; in the local run a demo user is one tap away', async () => {
  await page.goto(`${gateway()}/h5/?campaign=${campaignId}`)
  await page.getByTestId('signin').getByText('请从品牌 App 打开').waitFor()
  await page.getByTestId('demo-alice').waitFor()
  assert.equal(await page.getByTestId('signin-expired').count(), 0)
  await shot(page, '00-signin')
  // the local run's picker signs in as a demo end user
  await page.getByTestId('demo-alice').click()
  await page.getByTestId('my-code').waitFor()
  assert.equal(new URL(page.url()).pathname, '/h5/')
})

test('a user opened from the brand\'s app sees the campaign, their code and their poster; the token leaves the URL', async () => {
  await page.goto(`${gateway()}/h5/?campaign=${campaignId}#token=${userToken(u('alice'))}`)
  await page.getByTestId('my-code').filter({ hasText: code }).waitFor()
  assert.equal(await page.getByTestId('campaign-name').innerText(), CAMPAIGN)
  assert.equal(new URL(page.url()).hash, '')
  assert.ok(!page.url().includes('token'))
  assert.equal(await page.evaluate(() => localStorage.getItem('laxin.h5.token')), null)
  assert.ok(await page.evaluate(() => sessionStorage.getItem('laxin.h5.token')))
  // the poster is a real image the browser decoded
  const poster = page.getByTestId('poster')
  await poster.waitFor()
  await page.waitForFunction(() => {
    const img = document.querySelector('[data-testid=poster]')
    return img instanceof HTMLImageElement && img.complete && img.naturalWidth > 0
  })
  assert.ok(await poster.evaluate((img) => img.naturalWidth >= 375))
  await page.getByText('长按图片保存到相册').waitFor()
  // Vant's icons come from the page's own bundle (never a CDN): the icon font has loaded
  assert.ok(await page.evaluate(async () => (await document.fonts.load('16px vant-icon')).length > 0))
  await shot(page, '01-invite-card')
  await poster.scrollIntoViewIfNeeded()
  await shot(page, '01-poster')
})

test('the code is copied with a toast; the moments guide points at WeChat\'s menu', async () => {
  await page.getByTestId('copy-code').click()
  await page.locator('.van-toast').filter({ hasText: '已复制' }).waitFor()
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), code)
  await page.locator('.van-toast').waitFor({ state: 'hidden' })
  await page.getByTestId('copy-link').click()
  await page.locator('.van-toast').filter({ hasText: '已复制' }).waitFor()
  assert.match(await page.evaluate(() => navigator.clipboard.readText()), new RegExp(`/s/${code}`))
  await page.locator('.van-toast').waitFor({ state: 'hidden' })
  await page.getByTestId('moments').click()
  const guide = page.getByTestId('moments-guide')
  await guide.getByText('点击右上角 ··· 按钮').waitFor()
  await settled()
  // the guide dims the whole screen, whatever is scrolled
  const box = await guide.boundingBox()
  assert.deepEqual(box, { x: 0, y: 0, width: 375, height: 667 })
  await shot(page, '02-moments-guide')
  await guide.click()
  await guide.waitFor({ state: 'hidden' })
  await page.getByTestId('share').click()
  await page.locator('.van-share-sheet').getByText('复制链接').waitFor()
  await settled()
  await shot(page, '03-share-sheet')
  await page.locator('.van-share-sheet').getByText('复制链接').click()
  await page.locator('.van-toast').filter({ hasText: '已复制' }).waitFor()
})

test('two friends register with the code: the invitees tab shows both, masked, with their outcome', async () => {
  const reg = (invitee, extra) => host('POST', '/api/v1/host/registrations', { campaignId, inviteeUserId: u(invitee), inviteCode: code, ...extra })
  assert.equal((await reg('bob', { deviceId: u('dev-bob'), ip: '203.0.113.21', phone: '13812345678' })).outcome, 'ATTRIBUTED')
  // an emulator is held for review by the risk rules
  assert.equal((await reg('dave', { ip: '198.51.100.27', client: { emulator: true } })).outcome, 'PENDING_REVIEW')
  await tab('invitees')
  await page.getByTestId('invitee').nth(1).waitFor()
  const rows = await page.getByTestId('invitee').allInnerTexts()
  assert.equal(rows.length, 2)
  const text = rows.join('\n')
  assert.match(text, /138\*\*\*\*5678/)
  assert.match(text, /d\*\*\*\w/)
  assert.ok(!text.includes('13812345678') && !text.includes(u('bob')) && !text.includes(u('dave')), text)
  assert.deepEqual((await page.locator('[data-testid=invitee] .van-tag').allInnerTexts()).sort(), ['审核中', '邀请成功'])
  await shot(page, '04-invitees')
})

test('the rewards tab shows the pending cash reward in yuan with the day it is released, and the balances', async () => {
  await tab('rewards')
  await reloadUntil('balances', async () => (await page.getByTestId('reward').count()) === 1, 'alice\'s referral reward')
  assert.equal(await page.getByTestId('reward-amount').innerText(), '¥5.00')
  const reward = await page.getByTestId('reward').innerText()
  assert.match(reward, /冻结中/)
  assert.match(reward, /\d{4}-\d{2}-\d{2} 解冻/)
  assert.match(await page.getByTestId('balance-FEN-pending').innerText(), /¥5\.00/)
  assert.equal(await page.getByTestId('balance-FEN-available').innerText(), '¥0.00')
  await shot(page, '05-rewards')
})

test('the leaderboard shows the user first, highlighted', async () => {
  await tab('leaderboard')
  await reloadUntil('my-rank', async () => (await page.locator('[data-testid=place][data-me=true]').count()) === 1, 'alice on the board')
  const first = page.getByTestId('place').first()
  assert.equal(await first.getAttribute('data-rank'), '1')
  assert.equal(await first.getAttribute('data-me'), 'true')
  assert.equal(await first.getByTestId('place-count').innerText(), '1 人')
  await page.getByTestId('my-rank').filter({ hasText: '我的排名：第 1 名' }).waitFor()
  await shot(page, '06-leaderboard')
})

test('the rules page says the campaign\'s rewards in plain words; English is one tap away', async () => {
  await tab('rules')
  await page.getByTestId('rules-campaign').filter({ hasText: CAMPAIGN }).waitFor()
  assert.equal(await page.getByTestId('rule-referrer').innerText(), '2. 每成功邀请一位好友注册，你可获得 ¥5.00')
  assert.equal(await page.getByTestId('rule-invitee').innerText(), '3. 被邀请的好友注册后可获得 100 积分')
  await page.getByTestId('rule-milestone-3').filter({ hasText: '累计成功邀请 3 位好友，额外获得 ¥10.00' }).waitFor()
  await page.getByTestId('rule-hold').filter({ hasText: '冻结 7 天' }).waitFor()
  await shot(page, '07-rules')
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'zh-CN')
  await page.getByTestId('language').click()
  await page.getByTestId('rule-referrer').filter({ hasText: 'For each friend who signs up with your invite, you get ¥5.00' }).waitFor()
  await page.getByTestId('tab-rules').getByText('Rules').waitFor()
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en')
  await shot(page, '08-rules-en')
  await tab('rewards')
  await page.getByTestId('reward').getByText('On hold').waitFor()
  await page.getByTestId('language').click()
  await page.getByTestId('reward').getByText('冻结中').waitFor()
})

test('the landing page records the visit and leads to the host\'s registration page with code, channel and device', async () => {
  const touches = async () => (await asStaff('ops-e2e', ['OPS'], 'GET', `/api/v1/admin/campaigns/${campaignId}/funnel`)).totals.touches
  const before = await touches()
  const friend = await ctx.newPage()
  await friend.goto(`${gateway()}/h5/landing?code=${code}&ch=poster`)
  await friend.getByTestId('landing-campaign').filter({ hasText: CAMPAIGN }).waitFor()
  assert.equal(await friend.getByTestId('landing-reward').innerText(), '注册即可获得 100 积分')
  await eventually(async () => (await touches()) === before + 1, 'the landing visit counted as a touch')
  await shot(friend, '09-landing')
  // the SDK keeps the device token the scan answered as the browser's device id (ADR 0005)
  const device = await friend.evaluate(() => localStorage.getItem('laxin.deviceId'))
  assert.match(device, /^ldt1\./)
  await Promise.all([friend.waitForURL(`${HOST_PAGE}**`), friend.getByTestId('join').click()])
  const target = new URL(friend.url())
  assert.equal(target.origin + target.pathname, HOST_PAGE)
  assert.equal(target.searchParams.get('inviteCode'), code)
  assert.equal(target.searchParams.get('channel'), 'poster')
  assert.equal(target.searchParams.get('laxinDevice'), device)
  await friend.close()
})

test('a share link\'s device token travels through the landing page to the host and attributes the registration', async () => {
  const link = await fetch(`${gateway()}/s/${code}?ch=moments`, { redirect: 'manual', headers: { 'User-Agent': WECHAT_IPHONE } })
  assert.equal(link.status, 302)
  const token = new URL(link.headers.get('location')).searchParams.get('laxinDevice')
  assert.match(token, /^ldt1\./)
  const cookie = link.headers.get('set-cookie')
  for (const part of [`laxin_dt=${token}`, 'Path=/', 'Max-Age=31536000', 'Secure', 'HttpOnly', 'SameSite=Lax']) {
    assert.ok(cookie.includes(part), `${part} in ${cookie}`)
  }
  const friend = await ctx.newPage()
  // this friend's phone has never been here (the browser profile is shared with the earlier pages): a device that
  // already holds a token keeps it over one on a URL, which may have been forwarded to it (the SDK's unit tests)
  await friend.addInitScript(() => localStorage.removeItem('laxin.deviceId'))
  await friend.goto(`${gateway()}/h5/landing?code=${code}&ch=moments&laxinDevice=${token}`)
  await friend.getByTestId('landing-campaign').filter({ hasText: CAMPAIGN }).waitFor()
  assert.equal(await friend.evaluate(() => localStorage.getItem('laxin.deviceId')), token)
  await Promise.all([friend.waitForURL(`${HOST_PAGE}**`), friend.getByTestId('join').click()])
  assert.equal(new URL(friend.url()).searchParams.get('laxinDevice'), token)
  await friend.close()
  // the host reports the token it got on its registration page, without a code
  const registered = await host('POST', '/api/v1/host/registrations', { campaignId, inviteeUserId: u('erin'), deviceId: token, ip: '203.0.113.40' })
  assert.equal(registered.outcome, 'ATTRIBUTED', JSON.stringify(registered))
  assert.equal(registered.referrerUserId, u('alice'))
})

test('a token the server refuses ends in the sign-in state with a message', async () => {
  // the SDK sends the token with every call, the public campaign rules too: both are refused
  expectRefusal(401)
  expectRefusal(401)
  await page.goto(`${gateway()}/h5/?campaign=${campaignId}#token=not-a-valid-token`)
  await page.getByTestId('signin-expired').filter({ hasText: '登录已过期或无效' }).waitFor()
  assert.equal(await page.evaluate(() => sessionStorage.getItem('laxin.h5.token')), null)
  await shot(page, '10-token-refused')
})

test('no browser console error on any page', () => {
  assert.deepEqual(errors, [])
})
