import { reactive } from 'vue'

/**
 * Who is signed in and which campaign the page shows. The brand's H5 opens the page as
 * `/h5/?campaign=ID#token=<user JWT>`: the token is taken from the fragment (never sent to a server in a URL, never
 * kept in history), held in sessionStorage only (gone when the tab closes) and removed from the address bar.
 */
const TOKEN = 'laxin.h5.token'
const CAMPAIGN = 'laxin.h5.campaign'

export type SignOutReason = 'none' | 'expired'

export const session = reactive({
  token: null as string | null,
  campaignId: null as number | null,
  /** why there is no token: never given, or refused by the server (401) */
  reason: 'none' as SignOutReason,
})

function positiveId(v: string | null | undefined): number | null {
  if (!v || !/^\d{1,18}$/.test(v)) return null
  const n = Number(v)
  return n > 0 && Number.isSafeInteger(n) ? n : null
}

/**
 * Reads the token from the URL fragment (`#token=…`) and the campaign from `?campaign=`, keeps them for the tab and
 * rewrites the address without the token.
 */
export function adoptFromUrl(loc: Location, history: History, fallbackCampaign: number | null): void {
  const hash = new URLSearchParams(loc.hash.replace(/^#/, ''))
  const token = hash.get('token')
  if (token) {
    sessionStorage.setItem(TOKEN, token)
    hash.delete('token')
    const rest = hash.toString()
    history.replaceState(history.state, '', loc.pathname + loc.search + (rest ? `#${rest}` : ''))
  }
  const query = new URLSearchParams(loc.search)
  const campaign = positiveId(query.get('campaign'))
  if (campaign) sessionStorage.setItem(CAMPAIGN, String(campaign))
  session.token = sessionStorage.getItem(TOKEN)
  session.campaignId = positiveId(sessionStorage.getItem(CAMPAIGN)) ?? fallbackCampaign
  session.reason = 'none'
}

export function signIn(token: string): void {
  sessionStorage.setItem(TOKEN, token)
  session.token = token
  session.reason = 'none'
}

/** The server refused the token (expired or invalid): forget it and say so. */
export function signOut(reason: SignOutReason): void {
  sessionStorage.removeItem(TOKEN)
  session.token = null
  session.reason = reason
}

export function chooseCampaign(id: number): void {
  sessionStorage.setItem(CAMPAIGN, String(id))
  session.campaignId = id
}
