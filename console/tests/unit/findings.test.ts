import { describe, expect, it } from 'vitest'
import { findingGroups } from '@/views/risk/findings'
import { byChannel } from '@/views/campaign/funnelCharts'
import type { RiskCase } from '@/api/risk'

const kase = (id: number, from: string, to: string, detail: string): RiskCase => ({
  id, screeningId: null, campaignId: 7, referrerUserId: from, inviteeUserId: to, source: 'ANALYSIS', status: 'REJECTED',
  score: 100, evidence: [{ ruleId: 'REFERRAL_RING', detail, weight: 100, observed: '2', threshold: '>= 2' }], openedAt: '', decidedBy: null,
  decidedAt: null, note: null, audit: [],
})

describe('late-analysis findings', () => {
  it('groups the cases of one ring into one graph of referrer → invitee edges', () => {
    const ring = 'Referrers invite each other: ring of 2 (a → b)'
    const groups = findingGroups([kase(1, 'a', 'b', ring), kase(2, 'b', 'a', ring), kase(3, 'c', 'd', 'other ring')], 'REFERRAL_RING')
    expect(groups).toHaveLength(2)
    expect(groups[0].nodes).toEqual(['a', 'b'])
    expect(groups[0].edges).toEqual([{ from: 'a', to: 'b' }, { from: 'b', to: 'a' }])
  })
})

describe('funnel regrouping', () => {
  it('sums the server rows by channel without inventing numbers', () => {
    const rows = byChannel({ campaignId: 1, from: '', to: '', firstOrders: 1, totals: { day: null, channel: null, touches: 5, uniqueTouches: 4, registrations: 3, attributed: 2, firstOrders: 1 },
      rows: [
        { day: '2026-12-01', channel: 'moments', touches: 3, uniqueTouches: 2, registrations: 2, attributed: 1, firstOrders: 1 },
        { day: '2026-12-02', channel: 'moments', touches: 2, uniqueTouches: 2, registrations: 0, attributed: 0, firstOrders: 0 },
        { day: '2026-12-02', channel: 'code', touches: 0, uniqueTouches: 0, registrations: 1, attributed: 1, firstOrders: 0 },
      ] })
    expect(rows.map((r) => [r.channel, r.touches, r.registrations])).toEqual([['code', 0, 1], ['moments', 5, 2]])
  })
})
