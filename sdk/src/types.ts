// The SDK's public answer types. Each is derived from the wire type that openapi-typescript generated from the
// service's OpenAPI document (src/generated/, checked against the running suite by the integration test), so a
// field renamed or retyped on the server breaks this compile or that test. springdoc marks no property required;
// the SDK states what the server always sends (`Present`) and what it may send as null (`MaybeNull`).
import type { components as InviteWire } from './generated/invite.js'
import type { components as PosterWire } from './generated/poster.js'
import type { components as RewardWire } from './generated/reward.js'

/** Every listed property present (not undefined). */
type Present<T> = { [K in keyof T]-?: Exclude<T[K], undefined> }
/** Every property present; the listed ones may be null. */
type MaybeNull<T, K extends keyof T> = Omit<Present<T>, K> & { [P in K]-?: Exclude<T[P], undefined> | null }

type InviteSchemas = InviteWire['schemas']
type RewardSchemas = RewardWire['schemas']
/** The poster document has no answer schema (the answer is image bytes); kept so a new one shows up here. */
export type PosterSchemas = PosterWire['schemas']

/** GET /api/v1/invites/mine: my code and share link (created on first ask). */
export type MyInvite = MaybeNull<InviteSchemas['InviteResponse'], 'miniProgramPage'>

/** One of my invitees, masked as the server sends it (138****1234), with the outcome and channel. */
export type Invitee = Present<InviteSchemas['MyInvitee']>
/** GET /api/v1/invites/mine/invitees: newest first, at most 100. */
export type InviteePage = Invitee[]

/** One place on a campaign's leaderboard; `me` marks the caller. */
export type LeaderboardPlace = Present<InviteSchemas['Place']>
export type Leaderboard = LeaderboardPlace[]

/** One reward of mine; `amount` in fen for CASH, points for POINTS. */
export type Reward = MaybeNull<RewardSchemas['RewardResponse'], 'couponTemplateId' | 'releaseAt' | 'statusReason'>
export type RewardList = Reward[]

/** My balance in one unit (FEN, POINTS, COUPON): pending (held) and available (released, not settled). */
export type Balance = Present<RewardSchemas['Balance']>
export type Balances = Balance[]

/** What a campaign gives: `amount` in fen for CASH, points for POINTS, coupons for COUPON. */
export type RewardSpec = Present<InviteSchemas['RewardSpecDTO']>
export type RewardKind = RewardSpec['kind']

/** A bonus for the referrer's nth attributed invitee. */
export type Milestone = Omit<Present<InviteSchemas['MilestoneDTO']>, 'reward'> & { reward: RewardSpec }

/** Cashback on invitees' orders: shareBasisPoints (100 = 1%), for windowDays / the first N orders, plus first-order bonuses. */
export type Cashback = Omit<MaybeNull<InviteSchemas['CashbackDTO'], 'windowDays' | 'firstOrders'>,
  'firstOrderReferrerBonus' | 'firstOrderInviteeBonus'> & {
  firstOrderReferrerBonus: RewardSpec | null
  firstOrderInviteeBonus: RewardSpec | null
}

/** GET /api/v1/public/campaigns/{id}: the rules a user may read. */
export type CampaignRules = Omit<MaybeNull<InviteSchemas['PublicCampaignResponse'], 'startsAt' | 'endsAt'>,
  'referrerReward' | 'inviteeReward' | 'milestones' | 'cashback'> & {
  referrerReward: RewardSpec | null
  inviteeReward: RewardSpec | null
  milestones: Milestone[]
  cashback: Cashback | null
}

/**
 * POST /api/v1/public/scans: the touch the scan recorded. `counted` is false for a repeat of the same device within
 * the hour, a crawler, or while the touch counters are away.
 */
export type ScanResult = MaybeNull<InviteSchemas['ScanResponse'], 'landingUrl' | 'miniProgramPage'>

/** POST /api/v1/public/scans's body, as the server documents it. */
export type ScanRequestBody = InviteSchemas['ScanRequest']

/** The user's poster image. */
export interface PosterImage {
  /** The image as the server sent it (JPEG or PNG). */
  bytes: Uint8Array
  /** image/png or image/jpeg. */
  contentType: string
  /** The poster's content key (same inputs, same ETag). */
  etag: string | null
  /** fetch transport in a browser: a blob: URL for <img src>; call URL.revokeObjectURL(url) when done. */
  url?: string
  /** wx transport: a local file (under wx.env.USER_DATA_PATH) for <image src> and wx.saveImageToPhotosAlbum. */
  tempFilePath?: string
}

export interface PosterOptions {
  format?: 'png' | 'jpeg'
  lang?: 'zh-CN' | 'en'
  /** A poster template of the campaign (its latest version unless templateVersion). */
  templateId?: number
  templateVersion?: number
  nickname?: string
  avatarUrl?: string
}
