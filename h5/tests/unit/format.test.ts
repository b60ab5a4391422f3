import { describe, expect, it } from 'vitest'
import type { CampaignRules } from '@laxin/sdk'
import { formatFen } from '@/format/money'
import { formatAmount } from '@/format/reward'
import { percent, ruleSentences } from '@/format/rules'
import { formatTime, setBusinessTimeZone } from '@/format/time'
import { createI18n } from 'vue-i18n'
import zhCN from '@/locales/zh-CN.json'
import en from '@/locales/en.json'

const i18n = createI18n({ legacy: false, locale: 'zh-CN', messages: { 'zh-CN': zhCN, en } })
const t = (key: string, values?: Record<string, unknown>): string => i18n.global.t(key, values ?? {})

describe('money', () => {
  it('shows fen as yuan with two decimals and a sign', () => {
    expect(formatFen(1234)).toBe('¥12.34')
    expect(formatFen(5)).toBe('¥0.05')
    expect(formatFen(-150)).toBe('-¥1.50')
    expect(formatFen(123456789)).toBe('¥1,234,567.89')
    expect(formatFen(null)).toBe('—')
  })
  it('refuses fractional fen rather than rounding money', () => {
    expect(() => formatFen(1.5)).toThrow()
  })
  it('shows cash through the money formatter and points and coupons as such', () => {
    expect(formatAmount(t, 'CASH', 1000)).toBe('¥10.00')
    expect(formatAmount(t, 'FEN', 250)).toBe('¥2.50')
    expect(formatAmount(t, 'POINTS', 1500)).toBe('1,500 积分')
    expect(formatAmount(t, 'COUPON', 2)).toBe('2 张优惠券')
  })
})

describe('percent', () => {
  it('shows basis points as a percent', () => {
    expect(percent(500)).toBe('5%')
    expect(percent(125)).toBe('1.25%')
  })
})

describe('time', () => {
  it('shows instants in the business time zone', () => {
    setBusinessTimeZone('Asia/Shanghai')
    expect(formatTime('2026-11-30T16:30:00Z')).toBe('2026-12-01 00:30')
  })
})

describe('campaign rules in plain words', () => {
  const campaign: CampaignRules = {
    id: 12, name: '双十二老带新', status: 'ACTIVE', startsAt: '2026-11-30T16:00:00Z', endsAt: '2026-12-31T15:59:59Z',
    attributionWindowDays: 7, holdDays: 14,
    referrerReward: { kind: 'CASH', amount: 500 },
    inviteeReward: { kind: 'POINTS', amount: 100 },
    milestones: [{ nth: 10, reward: { kind: 'CASH', amount: 5000 } }, { nth: 3, reward: { kind: 'COUPON', amount: 88 } }],
    cashback: { shareBasisPoints: 500, windowDays: 30, firstOrders: 3, firstOrderReferrerBonus: { kind: 'POINTS', amount: 200 },
      firstOrderInviteeBonus: null },
  }
  it('says the window, both sides, milestones in order, cashback, hold and attribution window', () => {
    const text = ruleSentences(t, campaign).map((s) => s.text)
    expect(text).toEqual([
      '活动时间：2026-12-01 至 2026-12-31',
      '每成功邀请一位好友注册，你可获得 ¥5.00',
      '被邀请的好友注册后可获得 100 积分',
      '累计成功邀请 3 位好友，额外获得 优惠券',
      '累计成功邀请 10 位好友，额外获得 ¥50.00',
      '好友下单后，你可获得订单金额 5% 的返现（好友注册后 30 天内的订单）（仅限好友的前 3 单）',
      '好友完成首单，你额外获得 200 积分',
      '奖励发放后冻结 14 天，之后可用',
      '好友需在打开你的邀请链接后 7 天内注册，才算你邀请的',
      '同一设备、同一手机号只算一次；异常邀请会被审核，审核不通过的不发放奖励',
    ])
  })
  it('leaves out what the campaign does not have', () => {
    const keys = ruleSentences(t, { ...campaign, milestones: [], cashback: null, holdDays: 0, endsAt: null }).map((s) => s.key)
    expect(keys).toEqual(['window', 'referrer', 'invitee', 'hold', 'attribution', 'fair'])
    expect(ruleSentences(t, { ...campaign, holdDays: 0 }).find((s) => s.key === 'hold')?.text).toBe('奖励发放后立即可用')
  })
})
