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

// --- public endpoints (invite-service /api/v1/public/**) ------------------------------------------------------------
// Written from the contract until the endpoints are in the suite's documents; then derived like the rest.

export type RewardKind = 'CASH' | 'POINTS' | 'COUPON'

/** What a campaign gives: `amount` in fen for CASH, points for POINTS, coupons for COUPON. */
export interface RewardSpec {
  kind: RewardKind
  amount: number
  couponTemplateId: number | null
}

export interface Milestone {
  invitees: number
  reward: RewardSpec
}

export interface Cashback {
  percent: number
  windowDays: number
  capFen: number | null
}

/** GET /api/v1/public/campaigns/{id}: the rules a user may read. */
export interface CampaignRules {
  id: number
  name: string
  status: string
  startsAt: string | null
  endsAt: string | null
  attributionWindowDays: number
  holdDays: number
  referrerReward: RewardSpec | null
  inviteeReward: RewardSpec | null
  milestones: Milestone[]
  cashback: Cashback | null
}

/** POST /api/v1/public/scans: the touch the scan recorded. */
export interface ScanResult {
  code: string
  channel: string
  campaignId: number
  /** False for a repeat of the same device within the hour, a crawler, or when the touch store is down. */
  counted: boolean
  landingUrl: string | null
  miniProgramPage: string | null
}

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
