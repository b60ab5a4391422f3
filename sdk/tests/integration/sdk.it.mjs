// The SDK's integration test: the built package (dist/) over its fetch transport against the whole suite (gateway +
// four services on real MySQL, Redis and the in-process RocketMQ broker), started by standalone's SdkIT, which passes
// the gateway's address and the suite's secrets in the environment. A friend scans alice's mini-program code, the
// scan shows in the campaign's funnel as a poster touch, and the host's report of the friend's registration from the
// same device, without a code, is attributed to alice; then every SDK call answers as the server does.
import assert from 'node:assert/strict'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { before, test } from 'node:test'
import { asStaff, eventually, gateway, host, userToken } from '../../../scripts/e2e-support.mjs'
import { differences, generate, GENERATED } from '../../scripts/openapi.mjs'
import { fetchTransport, init, LaxinProblem, memoryStorage } from '../../dist/index.js'

const stamp = Date.now().toString(36)
const u = (name) => `${name}-${stamp}`
const ALICE = u('alice')
const BOB = u('bob')
let campaignId
let code
/** alice's phone, signed in */
let alice
/** bob's phone before he has an account: no token */
let friend

const staff = (method, path, body) => asStaff('ops-sdk', ['OPS'], method, path, body)
const as = (user) => init({ baseUrl: gateway(), getToken: () => userToken(user), transport: fetchTransport(), storage: memoryStorage() })

before(async () => {
  const created = await staff('POST', '/api/v1/admin/campaigns', {
    name: `SDK 扫码拉新 ${stamp}`, status: 'DRAFT', startsAt: '2020-01-01T00:00:00Z', endsAt: '2099-01-01T00:00:00Z',
    attributionWindowDays: 7, landingUrl: 'https://brand.example/register',
    rewardPolicy: { referrerReward: { kind: 'POINTS', amount: 300 }, inviteeReward: { kind: 'POINTS', amount: 100 }, holdDays: 7 },
  })
  campaignId = created.id
  await staff('POST', `/api/v1/admin/campaigns/${campaignId}/activate`, {})
  alice = as(ALICE)
  friend = init({ baseUrl: gateway(), transport: fetchTransport(), storage: memoryStorage() })
})

test('the committed wire types are what the running suite documents', async () => {
  const { files, missing } = await generate(gateway())
  assert.deepEqual(missing, [], 'every path the SDK calls is in the OpenAPI documents')
  const differing = differences(files)
  if (process.env.LAXIN_SDK_WRITE_OPENAPI === '1') {
    for (const name of differing) writeFileSync(join(GENERATED, name), files[name])
  }
  assert.deepEqual(differing, [], process.env.LAXIN_SDK_WRITE_OPENAPI === '1'
    ? 'rewrote these from the suite: review and commit them, and fix the SDK types they break'
    : 'src/generated differs from the suite: regenerate with LAXIN_SDK_WRITE_OPENAPI=1 (SdkIT) and fix the SDK types')
})

test('a scan of alice\'s mini-program code counts as a poster touch and attributes bob\'s registration to her', async () => {
  const invite = await alice.myInvite(campaignId)
  code = invite.code
  assert.match(code, /^[A-Z0-9]{4,16}$/)
  assert.equal(invite.campaignId, campaignId)
  assert.match(invite.shareLink, new RegExp(`/s/${code}`))

  // WeChat hands onLoad the scene URL-encoded
  const scan = await friend.recordScan({ scene: encodeURIComponent(`i=${code.toLowerCase()}&c=poster`) })
  assert.equal(scan.code, code)
  assert.equal(scan.channel, 'poster')
  assert.equal(scan.campaignId, campaignId)
  assert.equal(scan.counted, true)
  // the scan answers a device token; the SDK keeps it as the phone's device id from now on (ADR 0005)
  assert.match(scan.deviceToken, /^ldt1\./)
  assert.equal(await friend.deviceId(), scan.deviceToken)
  // the same phone scanning again within the hour (now with its token) is not counted twice
  const again = await friend.recordScan({ scene: `i=${code}&c=poster` })
  assert.equal(again.counted, false)
  assert.equal(again.deviceToken, scan.deviceToken)

  const funnel = await eventually(async () => {
    const f = await staff('GET', `/api/v1/admin/campaigns/${campaignId}/funnel`)
    return f.rows.some((r) => r.channel === 'poster' && r.touches > 0) ? f : null
  }, 'the scan reaching the funnel')
  const poster = funnel.rows.filter((r) => r.channel === 'poster')
  assert.equal(poster.reduce((n, r) => n + r.touches, 0), 2)
  assert.equal(poster.reduce((n, r) => n + r.uniqueTouches, 0), 1)
  assert.equal(funnel.rows.filter((r) => r.channel !== 'poster').reduce((n, r) => n + r.touches, 0), 0)

  // bob signs up in the brand's app on the same phone; the host reports it with the SDK's device id (the token) and
  // without any code
  const registered = await host('POST', '/api/v1/host/registrations', {
    campaignId, inviteeUserId: BOB, deviceId: await friend.deviceId(), ip: '203.0.113.21',
  })
  assert.equal(registered.outcome, 'ATTRIBUTED', JSON.stringify(registered))
  assert.equal(registered.referrerUserId, ALICE)

  const invitees = await alice.myInvitees(campaignId)
  assert.equal(invitees.length, 1)
  assert.equal(invitees[0].channel, 'poster')
  assert.notEqual(invitees[0].invitee, BOB, 'the invitee is masked')
})

test('alice\'s poster, rewards, balances and the leaderboard answer through the SDK', async () => {
  const poster = await alice.myPoster(campaignId, { format: 'png' })
  assert.equal(poster.contentType, 'image/png')
  assert.deepEqual([...poster.bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
  assert.ok(poster.bytes.length > 10_000, `a whole poster, not ${poster.bytes.length} bytes`)
  assert.ok(poster.etag)
  assert.match(poster.url, /^blob:/)
  const viaUrl = new Uint8Array(await (await fetch(poster.url)).arrayBuffer())
  assert.equal(viaUrl.length, poster.bytes.length)
  URL.revokeObjectURL(poster.url)

  const rewards = await eventually(async () => {
    const r = await alice.myRewards(campaignId)
    return r.length === 1 ? r : null
  }, 'alice\'s referrer reward')
  assert.equal(rewards[0].role, 'REFERRER')
  assert.equal(rewards[0].kind, 'POINTS')
  assert.equal(rewards[0].amount, 300)
  assert.equal(rewards[0].status, 'PENDING')
  assert.deepEqual(await alice.myRewards(campaignId + 1_000_000), [])

  const balances = await alice.myBalances()
  const points = balances.find((b) => b.unit === 'POINTS')
  assert.deepEqual(points, { unit: 'POINTS', pending: 300, available: 0 })

  const board = await eventually(async () => {
    const b = await alice.leaderboard(campaignId)
    return b.some((p) => p.me) ? b : null
  }, 'alice on the leaderboard')
  assert.deepEqual(board.find((p) => p.me), { rank: 1, referrer: board[0].referrer, me: true, invitees: 1 })

  const rules = await friend.campaign(campaignId)
  assert.equal(rules.id, campaignId)
  assert.equal(rules.name, `SDK 扫码拉新 ${stamp}`)
  assert.equal(rules.status, 'ACTIVE')
  assert.equal(rules.attributionWindowDays, 7)
  assert.equal(rules.holdDays, 7)
  assert.deepEqual(rules.milestones, [])
  assert.deepEqual(rules.inviteeReward, { kind: 'POINTS', amount: 100 })
  assert.equal(rules.referrerReward.kind, 'POINTS')
  assert.equal(rules.referrerReward.amount, 300)
})

test('refusals arrive as LaxinProblem with the server\'s code', async () => {
  const problem = async (promise) => {
    const e = await promise.then(() => null, (x) => x)
    assert.ok(e instanceof LaxinProblem, `a LaxinProblem, not ${e}`)
    return e
  }
  const malformed = await problem(friend.recordScan({ scene: 'c=poster' }))
  assert.equal(malformed.code, 'INVITE_SCENE_MALFORMED')
  assert.equal(malformed.status, 400)
  assert.ok(malformed.requestId)

  const unknown = await problem(friend.recordScan({ scene: 'i=ZZZZ0000ZZ&c=qr' }))
  assert.equal(unknown.code, 'INVITE_CODE_NOT_FOUND')
  assert.equal(unknown.status, 404)

  const anonymous = await problem(friend.myInvite(campaignId))
  assert.equal(anonymous.status, 401)

  const offline = await problem(init({ baseUrl: 'http://127.0.0.1:9', transport: fetchTransport(), storage: memoryStorage() }).myBalances())
  assert.equal(offline.code, 'NETWORK_ERROR')
  assert.equal(offline.status, 0)
})
