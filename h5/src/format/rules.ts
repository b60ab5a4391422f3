import type { CampaignRules, RewardSpec } from '@laxin/sdk'
import { formatAmount } from './reward'
import { formatDay } from './time'

type Translate = (key: string, values?: Record<string, unknown>) => string

/** One side's reward in words; a coupon is "a coupon" (a campaign's COUPON amount names the coupon template). */
export function rewardWords(t: Translate, r: RewardSpec | null | undefined): string {
  if (!r) return t('rules.noReward')
  if (r.kind === 'COUPON') return t('amount.coupon')
  return formatAmount(t, r.kind, r.amount)
}

/** Basis points as a percent: 500 → "5%", 125 → "1.25%". */
export function percent(basisPoints: number): string {
  return `${Number((basisPoints / 100).toFixed(2))}%`
}

/** A campaign's rules as plain sentences, in the order a user asks about them. */
export function ruleSentences(t: Translate, c: CampaignRules): { key: string; text: string }[] {
  const out: { key: string; text: string }[] = []
  if (c.startsAt) {
    out.push({ key: 'window', text: c.endsAt ? t('rules.window', { from: formatDay(c.startsAt), to: formatDay(c.endsAt) })
      : t('rules.windowOpen', { from: formatDay(c.startsAt) }) })
  }
  out.push({ key: 'referrer', text: t('rules.referrerReward', { reward: rewardWords(t, c.referrerReward) }) })
  out.push({ key: 'invitee', text: t('rules.inviteeReward', { reward: rewardWords(t, c.inviteeReward) }) })
  for (const m of [...(c.milestones ?? [])].sort((a, b) => a.nth - b.nth)) {
    out.push({ key: `milestone-${m.nth}`, text: t('rules.milestone', { n: m.nth, reward: rewardWords(t, m.reward) }) })
  }
  const cb = c.cashback
  if (cb && cb.shareBasisPoints > 0) {
    let text = t('rules.cashback', { percent: percent(cb.shareBasisPoints) })
    if (cb.windowDays) text += t('rules.cashbackWindow', { days: cb.windowDays })
    if (cb.firstOrders) text += t('rules.cashbackFirstOrders', { n: cb.firstOrders })
    out.push({ key: 'cashback', text })
  }
  if (cb?.firstOrderReferrerBonus) {
    out.push({ key: 'first-order-referrer', text: t('rules.firstOrderReferrer', { reward: rewardWords(t, cb.firstOrderReferrerBonus) }) })
  }
  if (cb?.firstOrderInviteeBonus) {
    out.push({ key: 'first-order-invitee', text: t('rules.firstOrderInvitee', { reward: rewardWords(t, cb.firstOrderInviteeBonus) }) })
  }
  out.push({ key: 'hold', text: c.holdDays > 0 ? t('rules.hold', { days: c.holdDays }) : t('rules.holdNone') })
  out.push({ key: 'attribution', text: t('rules.attribution', { days: c.attributionWindowDays }) })
  out.push({ key: 'fair', text: t('rules.fair') })
  return out
}
