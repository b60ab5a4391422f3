// @laxin/sdk — the Laxin referral suite for WeChat mini-programs (wx.request) and H5 / Node (fetch).
export { init, defaultStorage, DEVICE_ID_KEY, isDeviceToken } from './client.js'
export type { Laxin, LaxinOptions, ScanInput, TokenSource } from './client.js'
export { parseScene, parseUrl, decodeScene, normalizeCode, normalizeChannel, CHANNELS } from './scene.js'
export type { InviteRef, Channel } from './scene.js'
export { LaxinProblem, isLaxinProblem } from './problem.js'
export type { FieldError } from './problem.js'
export { fetchTransport, wxTransport } from './transport.js'
export type { Transport, TransportRequest, TransportResponse } from './transport.js'
export { memoryStorage, webStorage, wxStorage } from './storage.js'
export type { KeyValueStorage } from './storage.js'
export { saveImageToAlbum, ALBUM_SCOPE } from './wx.js'
export type { AlbumOutcome } from './wx.js'
export type { WxApi } from './wxapi.js'
export type {
  Balance, Balances, CampaignRules, Cashback, Invitee, InviteePage, Leaderboard, LeaderboardPlace, Milestone, MyInvite,
  PosterImage, PosterOptions, Reward, RewardKind, RewardList, RewardSpec, ScanRequestBody, ScanResult,
} from './types.js'
