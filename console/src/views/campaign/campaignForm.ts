import type { Campaign, CampaignInput, RewardKind, RewardPolicy, RewardSpec } from '@/api/invite'
import type { Problem } from '@/api/http'
import { fenToYuanInput, yuanToFen } from '@/format/money'

/**
 * The campaign form: what a person types (yuan, percents, empty for "none") and the campaign the server takes,
 * with the server's own rules checked first so most mistakes show before sending. The server stays the judge: its
 * problem+json is shown on the field it names.
 */
export interface SpecForm { kind: RewardKind; value: string }
export interface CampaignForm {
  name: string
  startsAt: string
  endsAt: string
  attributionWindowDays: number | null
  bindingMode: Campaign['bindingMode']
  landingUrl: string
  miniProgramPage: string
  referrers: Campaign['referrers']
  referrer: SpecForm
  invitee: SpecForm
  holdDays: number | null
  milestones: { nth: number | null; reward: SpecForm }[]
  perDay: string
  perMonth: string
  perCampaign: string
  budgetYuan: string
  cashbackOn: boolean
  sharePercent: string
  windowDays: string
  firstOrders: string
  referrerBonusOn: boolean
  referrerBonus: SpecForm
  inviteeBonusOn: boolean
  inviteeBonus: SpecForm
}
export type Errors = Record<string, string>
/** i18n keys of the messages; the page translates them. */
export type Checked = { ok: true; campaign: CampaignInput } | { ok: false; errors: Errors }

const PAGE = /^[A-Za-z0-9_-]+(\/[A-Za-z0-9_-]+)*$/

export function emptyForm(now = new Date()): CampaignForm {
  const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()))
  const end = new Date(start.getTime() + 30 * 86_400_000)
  return {
    name: '', startsAt: start.toISOString(), endsAt: end.toISOString(), attributionWindowDays: 7,
    bindingMode: 'FIRST_TOUCH', landingUrl: '', miniProgramPage: '', referrers: 'EVERYONE',
    referrer: { kind: 'CASH', value: '' }, invitee: { kind: 'POINTS', value: '' }, holdDays: 7, milestones: [],
    perDay: '', perMonth: '', perCampaign: '', budgetYuan: '', cashbackOn: false, sharePercent: '', windowDays: '',
    firstOrders: '', referrerBonusOn: false, referrerBonus: { kind: 'CASH', value: '' }, inviteeBonusOn: false,
    inviteeBonus: { kind: 'CASH', value: '' },
  }
}

function specValue(s: RewardSpec): string {
  return s.kind === 'CASH' ? fenToYuanInput(s.amount) : String(s.amount)
}

export function formOf(c: Campaign): CampaignForm {
  const p = c.rewardPolicy
  const base = emptyForm()
  return {
    ...base,
    name: c.name, startsAt: c.startsAt, endsAt: c.endsAt, attributionWindowDays: c.attributionWindowDays,
    bindingMode: c.bindingMode, landingUrl: c.landingUrl ?? '', miniProgramPage: c.miniProgramPage ?? '',
    referrers: c.referrers,
    referrer: { kind: p.referrerReward.kind, value: specValue(p.referrerReward) },
    invitee: { kind: p.inviteeReward.kind, value: specValue(p.inviteeReward) },
    holdDays: p.holdDays,
    milestones: (p.milestones ?? []).map((m) => ({ nth: m.nth, reward: { kind: m.reward.kind, value: specValue(m.reward) } })),
    perDay: p.caps?.perDay?.toString() ?? '', perMonth: p.caps?.perMonth?.toString() ?? '',
    perCampaign: p.caps?.perCampaign?.toString() ?? '',
    budgetYuan: p.budgetFen === null || p.budgetFen === undefined ? '' : fenToYuanInput(p.budgetFen),
    cashbackOn: p.cashback !== null && p.cashback !== undefined,
    sharePercent: p.cashback ? String(p.cashback.shareBasisPoints / 100) : '',
    windowDays: p.cashback?.windowDays?.toString() ?? '', firstOrders: p.cashback?.firstOrders?.toString() ?? '',
    referrerBonusOn: Boolean(p.cashback?.firstOrderReferrerBonus),
    referrerBonus: p.cashback?.firstOrderReferrerBonus ? { kind: p.cashback.firstOrderReferrerBonus.kind, value: specValue(p.cashback.firstOrderReferrerBonus) } : base.referrerBonus,
    inviteeBonusOn: Boolean(p.cashback?.firstOrderInviteeBonus),
    inviteeBonus: p.cashback?.firstOrderInviteeBonus ? { kind: p.cashback.firstOrderInviteeBonus.kind, value: specValue(p.cashback.firstOrderInviteeBonus) } : base.inviteeBonus,
  }
}

/** A reward as typed: cash in yuan (→ fen), points and coupon template ids as whole numbers. */
function spec(s: SpecForm, field: string, errors: Errors, positive = false): RewardSpec | null {
  const amount = s.kind === 'CASH' ? yuanToFen(s.value) : /^\d{1,12}$/.test(s.value.trim()) ? Number(s.value.trim()) : null
  if (amount === null) {
    errors[field] = s.value.trim() === '' ? 'validation.required' : s.kind === 'CASH' ? 'validation.yuan' : 'validation.nonNegative'
    return null
  }
  if (positive && amount <= 0) {
    errors[field] = 'validation.positive'
    return null
  }
  return { kind: s.kind, amount }
}

function optionalPositive(v: string, field: string, errors: Errors, max = 1_000_000): number | null {
  if (v.trim() === '') return null
  if (!/^\d+$/.test(v.trim()) || Number(v) < 1 || Number(v) > max) {
    errors[field] = 'validation.positive'
    return null
  }
  return Number(v)
}

export function check(f: CampaignForm, draft: boolean): Checked {
  const errors: Errors = {}
  if (!f.name.trim()) errors.name = 'validation.required'
  else if (f.name.trim().length > 100) errors.name = 'validation.range'
  if (!f.startsAt) errors.startsAt = 'validation.required'
  if (!f.endsAt) errors.endsAt = 'validation.required'
  if (f.startsAt && f.endsAt && new Date(f.endsAt) <= new Date(f.startsAt)) errors.endsAt = 'validation.endAfterStart'
  if (f.attributionWindowDays === null || f.attributionWindowDays < 1 || f.attributionWindowDays > 365) errors.attributionWindowDays = 'validation.range'
  const landing = f.landingUrl.trim()
  const page = f.miniProgramPage.trim()
  if (!landing && !page) errors.landingUrl = 'validation.landing'
  if (landing && !/^https?:\/\/\S+$/.test(landing)) errors.landingUrl = 'validation.url'
  if (page && (!PAGE.test(page) || page.length > 128)) errors.miniProgramPage = 'validation.page'

  const referrerReward = spec(f.referrer, 'referrer', errors)
  const inviteeReward = spec(f.invitee, 'invitee', errors)
  if (f.holdDays === null || f.holdDays < 0 || f.holdDays > 365) errors.holdDays = 'validation.range'
  const seen = new Set<number>()
  const milestones = f.milestones.map((m, i) => {
    if (m.nth === null || m.nth < 1 || m.nth > 100_000) errors[`milestones.${i}.nth`] = 'validation.positive'
    else if (seen.has(m.nth)) errors[`milestones.${i}.nth`] = 'validation.milestoneUnique'
    else seen.add(m.nth)
    const reward = spec(m.reward, `milestones.${i}.reward`, errors, true)
    return reward && m.nth ? { nth: m.nth, reward } : null
  })
  const perDay = optionalPositive(f.perDay, 'perDay', errors)
  const perMonth = optionalPositive(f.perMonth, 'perMonth', errors)
  const perCampaign = optionalPositive(f.perCampaign, 'perCampaign', errors)
  if (perDay !== null && perMonth !== null && perDay > perMonth) errors.perDay = 'validation.capsOrder'
  if (perMonth !== null && perCampaign !== null && perMonth > perCampaign) errors.perMonth = 'validation.capsOrder'
  if (perDay !== null && perCampaign !== null && perDay > perCampaign) errors.perDay = 'validation.capsOrder'
  let budgetFen: number | null = null
  if (f.budgetYuan.trim() !== '') {
    budgetFen = yuanToFen(f.budgetYuan)
    if (budgetFen === null) errors.budgetYuan = 'validation.yuan'
  }
  let cashback: RewardPolicy['cashback'] = null
  if (f.cashbackOn) {
    let share = 0
    if (f.sharePercent.trim() !== '') {
      const m = /^(\d{1,3})(?:\.(\d{1,2}))?$/.exec(f.sharePercent.trim())
      share = m ? Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0')) : -1
      if (share < 0 || share > 10_000) errors.sharePercent = 'validation.percent'
    }
    const windowDays = optionalPositive(f.windowDays, 'windowDays', errors, 3650)
    const firstOrders = optionalPositive(f.firstOrders, 'firstOrders', errors, 1000)
    const referrerBonus = f.referrerBonusOn ? spec(f.referrerBonus, 'referrerBonus', errors, true) : null
    const inviteeBonus = f.inviteeBonusOn ? spec(f.inviteeBonus, 'inviteeBonus', errors, true) : null
    if (share === 0 && !f.referrerBonusOn && !f.inviteeBonusOn) errors.sharePercent = 'validation.cashbackNothing'
    cashback = { shareBasisPoints: Math.max(share, 0), windowDays, firstOrders, firstOrderReferrerBonus: referrerBonus, firstOrderInviteeBonus: inviteeBonus }
  }
  if (Object.keys(errors).length > 0 || !referrerReward || !inviteeReward) return { ok: false, errors }
  const caps = perDay === null && perMonth === null && perCampaign === null ? null : { perDay, perMonth, perCampaign }
  return {
    ok: true,
    campaign: {
      name: f.name.trim(), startsAt: f.startsAt, endsAt: f.endsAt, attributionWindowDays: f.attributionWindowDays!,
      bindingMode: f.bindingMode, landingUrl: landing || null, miniProgramPage: page || null, referrers: f.referrers,
      rewardPolicy: {
        referrerReward, inviteeReward, holdDays: f.holdDays!,
        milestones: milestones.filter((m): m is NonNullable<typeof m> => m !== null), caps, budgetFen, cashback,
      },
      ...(draft ? { status: 'DRAFT' as const } : {}),
    },
  }
}

/** The server's names of fields, longest first, and the form field each one is shown on. */
const SERVER_FIELDS: [string, string][] = ([
  ['rewardPolicy.referrerReward', 'referrer'], ['rewardPolicy.inviteeReward', 'invitee'],
  ['rewardPolicy.holdDays', 'holdDays'], ['rewardPolicy.milestones', 'milestones'], ['rewardPolicy.caps.perDay', 'perDay'],
  ['rewardPolicy.caps.perMonth', 'perMonth'], ['rewardPolicy.caps.perCampaign', 'perCampaign'], ['rewardPolicy.budgetFen', 'budgetYuan'],
  ['rewardPolicy.cashback.shareBasisPoints', 'sharePercent'], ['rewardPolicy.cashback.windowDays', 'windowDays'],
  ['rewardPolicy.cashback.firstOrders', 'firstOrders'], ['rewardPolicy.cashback.firstOrderReferrerBonus', 'referrerBonus'],
  ['rewardPolicy.cashback.firstOrderInviteeBonus', 'inviteeBonus'], ['rewardPolicy.cashback', 'sharePercent'],
  ['caps.perDay', 'perDay'], ['caps.perMonth', 'perMonth'], ['caps.perCampaign', 'perCampaign'], ['budgetFen', 'budgetYuan'],
  ['cashback.shareBasisPoints', 'sharePercent'], ['cashback.windowDays', 'windowDays'], ['cashback.firstOrders', 'firstOrders'],
  ['cashback', 'sharePercent'], ['holdDays', 'holdDays'], ['milestone', 'milestones'], ['Both sides', 'referrer'],
  ['attributionWindowDays', 'attributionWindowDays'], ['startsAt', 'startsAt'], ['endsAt', 'endsAt'],
  ['landingUrl', 'landingUrl'], ['miniProgramPage', 'miniProgramPage'], ['name', 'name'],
] as [string, string][]).sort((a, b) => b[0].length - a[0].length)

/** The form field a server refusal is about: its per-field errors first, else the field its detail names first. */
export function fieldOf(problem: Problem): string | null {
  const named = problem.errors?.[0]?.field ?? problem.detail ?? ''
  let best: { at: number; form: string } | null = null
  for (const [server, form] of SERVER_FIELDS) {
    // the field named first wins; at the same place the longest (most precise) name, as the list is sorted so
    const at = named.indexOf(server)
    if (at >= 0 && (best === null || at < best.at)) best = { at, form }
  }
  return best?.form ?? null
}
