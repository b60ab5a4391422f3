import { http } from './http'

export type CampaignStatus = 'DRAFT' | 'ACTIVE' | 'PAUSED' | 'ENDED'
export type RewardKind = 'POINTS' | 'CASH' | 'COUPON'
export interface RewardSpec { kind: RewardKind; amount: number }
export interface Milestone { nth: number; reward: RewardSpec }
export interface Caps { perDay: number | null; perMonth: number | null; perCampaign: number | null }
export interface Cashback {
  shareBasisPoints: number
  windowDays: number | null
  firstOrders: number | null
  firstOrderReferrerBonus: RewardSpec | null
  firstOrderInviteeBonus: RewardSpec | null
}
export interface RewardPolicy {
  referrerReward: RewardSpec
  inviteeReward: RewardSpec
  holdDays: number
  milestones: Milestone[] | null
  caps: Caps | null
  budgetFen: number | null
  cashback: Cashback | null
}
export interface Campaign {
  id: number
  name: string
  status: CampaignStatus
  startsAt: string
  endsAt: string
  attributionWindowDays: number
  bindingMode: 'FIRST_TOUCH' | 'CODE_AT_REGISTRATION' | 'LAST_TOUCH'
  landingUrl: string | null
  miniProgramPage: string | null
  referrers: 'EVERYONE' | 'DESIGNATED'
  rewardPolicy: RewardPolicy
  policyVersion: number
}
export type CampaignInput = Omit<Campaign, 'id' | 'status' | 'policyVersion'> & { status?: 'DRAFT' | 'ACTIVE' }
export interface Page<T> { items: T[]; total: number; page: number; size: number }
export interface PolicyVersion { version: number; policy: RewardPolicy; createdAt: string; createdBy: string }
export interface FunnelRow {
  day: string | null; channel: string | null; touches: number; uniqueTouches: number
  registrations: number; attributed: number; firstOrders: number
}
export interface Funnel { campaignId: number; from: string; to: string; rows: FunnelRow[]; totals: FunnelRow; firstOrders: number }
export interface KFactor {
  campaignId: number; from: string; to: string; referrers: number; uniqueTouches: number; attributed: number
  invitesPerReferrer: number; conversion: number; kFactor: number
}
export interface CampaignStats {
  campaignId: number; touches: number; uniqueTouches: number; registrations: number; attributed: number
  pendingReview: number; rejected: number; rewardsIssued: number | null
}
export interface StaffPlace { rank: number; referrerUserId: string; invitees: number }
export interface InviteCode {
  campaignId: number; userId: string; code: string; status: 'ACTIVE' | 'RETIRED' | 'REVOKED'
  createdAt: string; revokedAt: string | null; revokedBy: string | null; revokedReason: string | null
}
export interface VanityRequest {
  id: number; campaignId: number; userId: string; code: string; status: 'PENDING' | 'APPROVED' | 'REJECTED'
  requestedBy: string; requestedAt: string; decidedBy: string | null; decidedAt: string | null; note: string | null
}
export interface DesignatedReferrer { userId: string; addedAt: string; addedBy: string }
export interface DashboardDay {
  day: string; touches: number; uniqueTouches: number; registrations: number; attributed: number
  rewardsIssued: number | null; costPerUserFen: number | null
}
export interface CampaignFigures {
  campaignId: number; name: string; status: CampaignStatus; traffic: number; uniqueTouches: number
  registrations: number; attributed: number; firstOrders: number; conversion: number; referrers: number
  kFactor: number; inviteeBuyers: number | null; inviteeOrders: number | null; avgOrderValueFen: number | null
  inviteeOrderFen: number | null; ltvFen: number | null
}
export interface Dashboard {
  from: string; to: string; computedAt: string; statusCounts: Record<CampaignStatus, number>; today: DashboardDay
  days: DashboardDay[]; campaigns: CampaignFigures[]; rewardsAvailable: boolean
}

const base = '/api/v1/admin/campaigns'

export const inviteApi = {
  dashboard: (days = 30) => http.get<Dashboard>('/api/v1/admin/dashboard', { days }),
  list: (q: { status?: CampaignStatus | ''; q?: string; page: number; size: number }) => http.get<Page<Campaign>>(base, q),
  get: (id: number) => http.get<Campaign>(`${base}/${id}`),
  create: (c: CampaignInput, key: string) => http.post<Campaign>(base, c, key),
  edit: (id: number, c: Partial<CampaignInput>, key: string) => http.patch<Campaign>(`${base}/${id}`, c, key),
  transition: (id: number, to: 'activate' | 'pause' | 'end', key: string) => http.post<Campaign>(`${base}/${id}/${to}`, undefined, key),
  policies: (id: number) => http.get<PolicyVersion[]>(`${base}/${id}/policies`),
  stats: (id: number) => http.get<CampaignStats>(`${base}/${id}/stats`),
  funnel: (id: number, from?: string, to?: string) => http.get<Funnel>(`${base}/${id}/funnel`, { from, to }),
  kFactor: (id: number, from?: string, to?: string) => http.get<KFactor>(`${base}/${id}/k-factor`, { from, to }),
  leaderboard: (id: number, top = 10) => http.get<StaffPlace[]>(`${base}/${id}/leaderboard`, { top }),
  rebuildLeaderboard: (id: number, key: string) => http.post<unknown>(`${base}/${id}/leaderboard/rebuild`, undefined, key),
  codes: (id: number, userId: string) => http.get<InviteCode[]>(`${base}/${id}/codes`, { userId }),
  revokeCode: (id: number, code: string, reason: string, key: string) =>
    http.post<InviteCode>(`${base}/${id}/codes/${encodeURIComponent(code)}/revoke`, { reason }, key),
  vanity: (id: number, status: string, page: number, size: number) =>
    http.get<Page<VanityRequest>>(`${base}/${id}/vanity-codes`, { status, page, size }),
  decideVanity: (id: number, requestId: number, decision: 'approve' | 'reject', note: string, key: string) =>
    http.post<VanityRequest>(`${base}/${id}/vanity-codes/${requestId}/${decision}`, { note }, key),
  referrers: (id: number, page: number, size: number) => http.get<Page<DesignatedReferrer>>(`${base}/${id}/referrers`, { page, size }),
  designate: (id: number, userIds: string[], key: string) => http.post<{ changed: number }>(`${base}/${id}/referrers`, { userIds }, key),
  undesignate: (id: number, userIds: string[], key: string) =>
    http.post<{ changed: number }>(`${base}/${id}/referrers/remove`, { userIds }, key),
}
