import type { CampaignRules, RewardSpec } from '@laxin/sdk'
import { formatFen } from './money'
import { formatAmount } from './reward'
import { formatDay } from './time'

type Translate = (key: string, values?: Record<string, unknown>) => string

/** One side's reward in words; a coupon is "a coupon" (its amount names the coupon template, not a count). */
export function rewardWords(t: Translate, r: RewardSpec | null | undefined): string {
  if (!r) return t('rules.noReward')
  if (r.kind === 'COUPON') return t('amount.coupon')
  return formatAmount(t, r.kind, r.amount)
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
  for (const m of [...(c.milestones ?? [])].sort((a, b) => a.invitees - b.invitees)) {
    out.push({ key: `milestone-${m.invitees}`, text: t('rules.milestone', { n: m.invitees, reward: rewardWords(t, m.reward) }) })
  }
  if (c.cashback) {
    let text = t('rules.cashback', { percent: `${Number(c.cashback.percent.toFixed(2))}%` })
    if (c.cashback.windowDays) text += t('rules.cashbackWindow', { days: c.cashback.windowDays })
    if (c.cashback.capFen !== null && c.cashback.capFen !== undefined) text += t('rules.cashbackCap', { cap: formatFen(c.cashback.capFen) })
    out.push({ key: 'cashback', text })
  }
  out.push({ key: 'hold', text: c.holdDays > 0 ? t('rules.hold', { days: c.holdDays }) : t('rules.holdNone') })
  out.push({ key: 'attribution', text: t('rules.attribution', { days: c.attributionWindowDays }) })
  out.push({ key: 'fair', text: t('rules.fair') })
  return out
}
