import { describe, expect, it } from 'vitest'
import { check, emptyForm, fieldOf, formOf, type CampaignForm } from '@/views/campaign/campaignForm'
import { idempotentSubmitFor } from './helpers'

function valid(): CampaignForm {
  return { ...emptyForm(new Date('2026-12-01T00:00:00Z')), name: '双十二拉新', landingUrl: 'https://brand.example/r',
    referrer: { kind: 'CASH', value: '12.34' }, invitee: { kind: 'POINTS', value: '500' } }
}

describe('campaign form', () => {
  it('turns yuan into fen and empty fields into none', () => {
    const r = check(valid(), false)
    expect(r.ok).toBe(true)
    if (!r.ok) return
    expect(r.campaign.rewardPolicy.referrerReward).toEqual({ kind: 'CASH', amount: 1234 })
    expect(r.campaign.rewardPolicy.inviteeReward).toEqual({ kind: 'POINTS', amount: 500 })
    expect(r.campaign.rewardPolicy.caps).toBeNull()
    expect(r.campaign.rewardPolicy.budgetFen).toBeNull()
    expect(r.campaign.rewardPolicy.cashback).toBeNull()
    expect(r.campaign.status).toBeUndefined()
    expect(check(valid(), true).ok && (check(valid(), true) as { campaign: { status?: string } }).campaign.status).toBe('DRAFT')
  })
  it('mirrors the server rules: caps in order, milestones once each, landing needed, cashback that gives something', () => {
    const f = valid()
    f.perDay = '10'
    f.perMonth = '5'
    f.milestones = [{ nth: 3, reward: { kind: 'CASH', value: '10' } }, { nth: 3, reward: { kind: 'CASH', value: '20' } }]
    f.landingUrl = ''
    f.cashbackOn = true
    f.sharePercent = ''
    const r = check(f, false)
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.errors.perDay).toBe('validation.capsOrder')
    expect(r.errors['milestones.1.nth']).toBe('validation.milestoneUnique')
    expect(r.errors.landingUrl).toBe('validation.landing')
    expect(r.errors.sharePercent).toBe('validation.cashbackNothing')
  })
  it('reads a cashback share in percent as basis points exactly', () => {
    const f = valid()
    f.cashbackOn = true
    f.sharePercent = '5.25'
    f.windowDays = '30'
    const r = check(f, false)
    expect(r.ok && r.campaign.rewardPolicy.cashback).toEqual({ shareBasisPoints: 525, windowDays: 30, firstOrders: null, firstOrderReferrerBonus: null, firstOrderInviteeBonus: null })
  })
  it('refuses an end before the start and a bad amount', () => {
    const f = valid()
    f.endsAt = '2026-11-01T00:00:00Z'
    f.referrer.value = '1.234'
    const r = check(f, false)
    expect(!r.ok && r.errors).toMatchObject({ endsAt: 'validation.endAfterStart', referrer: 'validation.yuan' })
  })
  it('round-trips a stored campaign', () => {
    const r = check(valid(), false)
    if (!r.ok) throw new Error('invalid')
    const back = formOf({ ...r.campaign, id: 1, status: 'ACTIVE', policyVersion: 1 })
    expect(back.referrer).toEqual({ kind: 'CASH', value: '12.34' })
    expect(check(back, false)).toEqual(r)
  })
  it('shows a server refusal on the field it names', () => {
    expect(fieldOf({ status: 400, code: 'VALIDATION_FAILED', errors: [{ field: 'rewardPolicy.holdDays', message: 'must be ≤ 365' }] })).toBe('holdDays')
    expect(fieldOf({ status: 400, code: 'VALIDATION_FAILED', detail: 'rewardPolicy: caps.perDay (5) must not exceed caps.perMonth (3)' })).toBe('perDay')
    expect(fieldOf({ status: 400, code: 'VALIDATION_FAILED', detail: 'rewardPolicy.referrerReward.amount: must be ≥ 0' })).toBe('referrer')
    expect(fieldOf({ status: 409, code: 'CAMPAIGN_NOT_EDITABLE', detail: 'Nothing can change once ENDED' })).toBeNull()
  })
  it('sends one idempotency key per submission and ignores a double click', async () => {
    const { keys, submit } = idempotentSubmitFor()
    await Promise.all([submit({ a: 1 }), submit({ a: 1 })])
    expect(keys).toHaveLength(1)
    await submit({ a: 1 })
    expect(keys).toHaveLength(2)
    expect(keys[0]).not.toBe(keys[1])
  })
})
