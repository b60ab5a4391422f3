// The console's browser tests: Debian chromium through playwright-core against the real suite (gateway + four
// services on real MySQL, Redis and the in-process RocketMQ broker), started by standalone's ConsoleE2EIT.
// Each step clicks what a person clicks and waits on what the page shows; any browser console error fails the run.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createServer } from 'node:http'
import { asUser, browser, eventually, gateway, host, openShareLink, shots } from './suite.mjs'
import { verifyLaxinWebhook } from '../../../docs/snippets/verify-laxin-webhook.mjs'

let ctx
let page
let errors
let expectRefusal
const shot = shots()
const stamp = Date.now().toString(36)
const CAMPAIGN = `双十二老带新 E2E ${stamp}`
const u = (name) => `${name}-${stamp}`
let campaignId
let batchId

before(async () => {
  ;({ context: ctx, errors, expectRefusal } = await browser(mkdtempSync(join(tmpdir(), 'laxin-chromium-'))))
  page = ctx.pages()[0] ?? (await ctx.newPage())
  page.setDefaultTimeout(20_000)
})

after(async () => {
  await ctx?.close()
})

async function signInAs(id) {
  await page.goto(`${gateway()}/console/login`)
  // from the keyboard, as anyone may: focus the button and press Enter
  await page.getByTestId(`demo-${id}`).focus()
  await page.keyboard.press('Enter')
  await page.getByTestId('who').waitFor()
}

async function signOut() {
  await page.getByTestId('sign-out').click()
  await page.getByTestId(`demo-ops-wang`).waitFor()
}

/** Clicks the page's reload button until `check` holds on what it shows (server effects travel through RocketMQ). */
async function reloadUntil(check, what) {
  await eventually(async () => {
    await page.getByTestId('reload').click()
    await page.waitForLoadState('networkidle')
    return check()
  }, what)
}

async function confirmPrompt(text) {
  const box = page.locator('.el-message-box')
  await box.waitFor()
  if (text !== undefined) await box.locator('input, textarea').first().fill(text)
  await box.locator('.el-message-box__btns .el-button--primary').click()
  await box.waitFor({ state: 'hidden' })
}

test('an operator signs in and sees the dashboard, in Chinese by default', async () => {
  await page.goto(`${gateway()}/console/`)
  await page.getByTestId('demo-ops-wang').waitFor()
  await shot(page, '01-login')
  await signInAs('ops-wang')
  await page.getByTestId('today').waitFor()
  assert.match(await page.locator('h1').first().innerText(), /数据看板/)
  await shot(page, '02-dashboard')
})

test('the operator creates a campaign through the form; a bad field is refused on the field', async () => {
  await page.getByTestId('nav-campaigns').click()
  await page.getByTestId('new-campaign').click()
  // fields are found by their labels, as a screen reader finds them
  await page.getByLabel('活动名称').fill(CAMPAIGN)
  await page.getByTestId('p-referrer').fill('5.00')
  await page.getByTestId('p-invitee').fill('100')
  await page.locator('#p-hold').fill('0')
  // no landing page yet: the form names the field and sends nothing
  await page.getByTestId('c-submit').click()
  await page.getByText('H5 落地页和小程序页面至少填一个').waitFor()
  await page.getByLabel('H5 落地页').fill('https://brand.example/register')
  await shot(page, '03-campaign-form')
  // Enter in a field submits the form
  await page.getByLabel('活动名称').press('Enter')
  await page.getByTestId('campaign-name').filter({ hasText: CAMPAIGN }).waitFor()
  campaignId = Number(new URL(page.url()).pathname.split('/').pop())
  assert.ok(campaignId > 0)
  assert.match(await page.getByTestId('campaign-status').innerText(), /进行中/)
})

test('a scripted host reports touches and registrations; the funnel chart shows exactly those numbers', async () => {
  const alice = u('alice')
  const invite = await asUser(alice, `/api/v1/invites/mine?campaignId=${campaignId}`)
  // five opens of alice's link: four devices (one opens twice) in two channels
  await openShareLink(invite.code, 'moments', u('dev-1'))
  await openShareLink(invite.code, 'moments', u('dev-2'))
  await openShareLink(invite.code, 'moments', u('dev-3'))
  await openShareLink(invite.code, 'moments', u('dev-1'))
  await openShareLink(invite.code, 'wechat', u('dev-9'))
  // two friends register on the devices that opened the link; a third types the code on an emulator → review
  const reg = (invitee, extra) => host('POST', '/api/v1/host/registrations', { campaignId, inviteeUserId: u(invitee), inviteCode: invite.code, ...extra })
  assert.equal((await reg('bob', { deviceId: u('dev-1'), ip: '203.0.113.11' })).outcome, 'ATTRIBUTED')
  assert.equal((await reg('carol', { deviceId: u('dev-2'), ip: '203.0.113.12' })).outcome, 'ATTRIBUTED')
  assert.equal((await reg('dave', { ip: '198.51.100.7', client: { emulator: true } })).outcome, 'PENDING_REVIEW')
  // bob pays a first order
  await host('POST', '/api/v1/host/orders/paid', { orderId: u('order-1'), buyerUserId: u('bob'), amountFen: 8800, paidAt: new Date().toISOString().replace(/\.\d+Z$/, 'Z') })

  await page.getByTestId('reload').click()
  await reloadUntil(async () => (await page.getByTestId('funnel-total-firstOrders').innerText()) === '1', 'the first order reaching the funnel')
  const total = async (s) => page.getByTestId(`funnel-total-${s}`).innerText()
  assert.equal(await total('touches'), '5')
  assert.equal(await total('uniqueTouches'), '4')
  assert.equal(await total('registrations'), '3')
  assert.equal(await total('attributed'), '2')
  assert.equal(await total('firstOrders'), '1')
  // the chart itself (SVG) carries the same figures
  const funnel = page.getByTestId('funnel-chart')
  for (const label of ['触达（原始）: 5', '触达（独立）: 4', '注册: 3', '归因成功: 2', '首单: 1']) {
    await funnel.getByText(label).waitFor()
  }
  await page.getByTestId('leaderboard').getByText(u('alice')).waitFor()
  assert.equal(await page.getByTestId('k-factor').innerText(), '2.00')
  await shot(page, '04-campaign-detail')
})

test('the dashboard shows today\'s figures and the campaign\'s GMV factors, computed by the server', async () => {
  await page.getByTestId('nav-dashboard').click()
  await page.getByTestId('today-touches').filter({ hasText: /^5$/ }).waitFor()
  assert.equal(await page.getByTestId('today-registrations').innerText(), '3')
  assert.equal(await page.getByTestId('today-attributed').innerText(), '2')
  const row = page.getByTestId('gmv-table').locator('tr', { hasText: CAMPAIGN })
  // traffic 5, conversion 3/5, average order ¥88.00, K-factor 2.00, LTV ¥88.00 / 2 invitees, invitees' GMV ¥88.00
  await eventually(async () => (await row.innerText()).includes('¥44.00') || (await page.getByTestId('reload-dashboard').click(), false), 'the order in the GMV row')
  const cells = (await row.innerText()).split(/\t|\n/).map((c) => c.trim()).filter(Boolean)
  assert.deepEqual(cells.slice(-6), ['5', '60.0%', '¥88.00', '2.00', '¥44.00', '¥88.00'])
  await shot(page, '02-dashboard')
})

test('a held case is rejected in the review queue and its referral shows REJECTED', async () => {
  await page.getByTestId('nav-risk').click()
  await page.getByTestId(`case-${u('dave')}`).waitFor()
  await shot(page, '05-review-queue')
  await page.getByTestId(`reject-${u('dave')}`).click()
  await confirmPrompt('emulator farm, same as last week')
  await page.getByTestId(`case-${u('dave')}`).waitFor({ state: 'detached' })
  // the decision travels to invite-service through RocketMQ: the referral becomes REJECTED
  const referral = await eventually(async () => {
    const r = await host('GET', `/api/v1/host/referrals?inviteeUserId=${u('dave')}`)
    return JSON.stringify(r).includes('REJECTED') ? r : null
  }, 'the referral turning REJECTED')
  assert.ok(referral)
  await page.goto(`${gateway()}/console/campaigns/${campaignId}`)
  await reloadUntil(async () => (await page.getByTestId('stats').innerText()).replace(/\s+/g, ' ').includes('已拒绝 1'), 'the campaign counting one rejected referral')
  await signOut()
})

test('finance 1 creates and submits a batch; their own approval is refused on screen', async () => {
  // both referrer rewards must exist before they can be released (issued through RocketMQ)
  await eventually(async () => (await asUser(u('alice'), '/api/v1/rewards/mine')).filter((r) => r.campaignId === campaignId).length === 2, 'alice\'s two rewards')
  await signInAs('fin-li')
  await page.getByTestId('nav-settlement').click()
  await page.getByTestId('release-now').click()
  await page.getByText(/已释放 \d+ 条奖励/).waitFor()
  await page.locator('#b-campaign').fill(String(campaignId))
  await shot(page, '06-settlement')
  await page.getByTestId('b-create').click()
  await page.getByTestId('batch-state').waitFor()
  batchId = Number(new URL(page.url()).pathname.split('/').pop())
  assert.match(await page.getByTestId('batch-state').innerText(), /草稿/)
  assert.equal(await page.getByTestId('batch-total').innerText(), '¥10.00')
  await page.getByTestId('submit-batch').click()
  await page.getByTestId('batch-state').filter({ hasText: '已提交' }).waitFor()
  assert.equal(await page.getByTestId('submitted-by').innerText(), 'fin-li')
  expectRefusal(403)
  await page.getByTestId('approve-batch').click()
  const refusal = page.getByTestId('problem')
  await refusal.waitFor()
  assert.equal(await refusal.getAttribute('data-code'), 'SETTLEMENT_SELF_APPROVAL')
  assert.match(await refusal.innerText(), /四眼原则/)
  assert.match(await page.getByTestId('batch-state').innerText(), /已提交/)
  await shot(page, '07-batch-self-approval-refused')
  await signOut()
})

test('finance 2 approves and downloads the payout file, whose rows are the expected amounts', async () => {
  await signInAs('fin-zhang')
  await page.goto(`${gateway()}/console/settlement/${batchId}`)
  await page.getByTestId('approve-batch').click()
  await page.getByTestId('batch-state').filter({ hasText: '已通过' }).waitFor()
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('payout-file').click()])
  const rows = readFileSync(await download.path(), 'utf8').trim().split(/\r?\n/)
  assert.equal(rows[0], 'user_id,amount_fen,reference')
  assert.deepEqual(rows.slice(1).map((r) => r.split(',').slice(0, 2).join(',')), [`${u('alice')},1000`])
  assert.match(rows[1], new RegExp(`,LX-${batchId}-\\d+$`))
  await shot(page, '08-batch-approved')
  await page.getByTestId('nav-reports').click()
  await page.getByRole('button', { name: '生成报表' }).click()
  await page.getByTestId('report-table').waitFor()
  await shot(page, '09-reports')
  await page.getByTestId('nav-jobs').click()
  await page.getByTestId('jobs-table').getByText('结算汇总').first().waitFor()
  await shot(page, '10-jobs')
})

test('an operator may not open finance pages, and the page says which role is missing', async () => {
  await signOut()
  await signInAs('ops-wang')
  assert.equal(await page.getByTestId('nav-settlement').count(), 0)
  await page.goto(`${gateway()}/console/settlement`)
  await page.getByTestId('forbidden').getByText('财务').waitFor()
  await page.getByTestId('language').click()
  await page.getByTestId('forbidden').getByText('Finance').waitFor()
})

test('the aggregated API docs load in the browser, one entry per service, without internal endpoints', async () => {
  for (const [service, title] of [['invite', 'Laxin invite-service'], ['reward', 'Laxin reward-service'],
    ['poster', 'Laxin poster-service'], ['antifraud', 'Laxin antifraud-service'], ['webhook', 'Laxin webhook-service']]) {
    const doc = await (await fetch(`${gateway()}/v3/api-docs/${service}`)).json()
    assert.equal(doc.info.title, title)
    assert.deepEqual(Object.keys(doc.components.securitySchemes).sort(), ['bearer', 'host'])
    assert.deepEqual(Object.keys(doc.paths).filter((p) => p.startsWith('/internal')), [])
    assert.equal(doc.servers[0].url, '/')
  }
  await page.goto(`${gateway()}/swagger-ui.html`)
  await page.locator('.information-container .title').filter({ hasText: 'Laxin invite-service' }).waitFor()
  await page.getByText('/api/v1/admin/campaigns').first().waitFor()
  for (const [name, title] of [['reward-service', 'Laxin reward-service'], ['poster-service', 'Laxin poster-service'],
    ['antifraud-service', 'Laxin antifraud-service'], ['webhook-service', 'Laxin webhook-service'],
    ['gateway', 'Laxin gateway']]) {
    await page.locator('.topbar select').selectOption({ label: name })
    await page.locator('.information-container .title').filter({ hasText: title }).waitFor()
  }
  assert.equal(await page.getByText('Failed to load API definition').count(), 0)
  await shot(page, '11-api-docs')
})

test('an admin registers a webhook endpoint, sees its secret once, pings it and reads the delivery log', async () => {
  const received = []
  const receiver = createServer((req, res) => {
    let body = ''
    req.on('data', (c) => { body += c })
    req.on('end', () => {
      received.push({ headers: req.headers, body })
      res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"ok":true}')
    })
  })
  await new Promise((resolve) => receiver.listen(0, '127.0.0.1', resolve))
  const url = `http://127.0.0.1:${receiver.address().port}/laxin/webhooks/${stamp}`
  try {
    await page.goto(`${gateway()}/console/`)
    await signOut()
    await signInAs('admin-chen')
    await page.getByTestId('nav-webhooks').click()
    await page.getByTestId('webhook-new').click()
    await page.getByTestId('webhook-url').fill(url)
    await page.getByTestId('webhook-description').fill('CRM 同步')
    await page.getByTestId('webhook-type-reward.released').click()
    await page.getByTestId('webhook-save').click()
    const secret = (await page.getByTestId('webhook-secret-value').textContent()).trim()
    assert.match(secret, /^whsec_/)
    const row = page.getByTestId('webhook-table').locator('tr', { hasText: url })
    await row.waitFor()
    assert.equal(await row.getByText(secret).count(), 0, 'the list shows the secret masked')
    const id = Number((await row.locator('a').getAttribute('data-testid')).replace('webhook-', ''))
    await page.getByTestId(`webhook-state-${id}`).waitFor()
    await eventually(async () => (await page.locator('.el-loading-mask').count()) === 0, 'the list loaded')
    await shot(page, '12-webhooks')

    await page.getByTestId(`webhook-ping-${id}`).click()
    await eventually(async () => received.length === 1, 'the ping reaches the receiver')
    const ping = received[0]
    assert.equal(ping.headers['laxin-event-type'], 'webhook.ping')
    assert.equal(ping.headers['user-agent'], 'Laxin-Webhooks/1')
    assert.equal(verifyLaxinWebhook(ping.headers['laxin-signature'], ping.body, secret), true)
    assert.equal(verifyLaxinWebhook(ping.headers['laxin-signature'], ping.body.replace('webhook.ping', 'x'), secret), false)

    await page.getByTestId(`webhook-${id}`).click()
    const delivery = Number(ping.headers['laxin-delivery-id'])
    await reloadUntil(async () => (await page.getByTestId(`delivery-status-${delivery}`).locator('[data-status=DELIVERED]').count()) === 1,
      'the delivery log shows the ping delivered')
    await page.getByTestId('delivery-table').locator('.el-table__expand-icon').first().click()
    await page.getByTestId(`attempt-code-${delivery}-1`).getByText('200').waitFor()
    await eventually(async () => (await page.locator('.el-loading-mask').count()) === 0, 'the log loaded')
    await shot(page, '13-webhook-deliveries')
    await page.getByTestId(`redeliver-${delivery}`).click()
    await eventually(async () => received.length === 2, 'the redelivery reaches the receiver')
    assert.equal(received[1].body, ping.body)

    await page.goto(`${gateway()}/console/webhooks`)
    await page.getByTestId(`webhook-toggle-${id}`).click()
    await page.getByTestId(`webhook-state-${id}`).getByText(/已停用|Disabled/).waitFor()
  } finally {
    receiver.close()
  }
})

test('no browser console error on any page', () => {
  assert.deepEqual(errors, [])
})
