/** An invite code and the channel that carried it. */
export interface InviteRef {
  code: string
  channel: string
}

/** Channels the suite counts; anything else is counted as `link`. */
export const CHANNELS = ['poster', 'qr', 'link', 'moments', 'group', 'private'] as const
export type Channel = (typeof CHANNELS)[number]

const CODE = /^[A-Za-z0-9]{4,16}$/

/** `K7px3mwq` → `K7PX3MWQ`; null when it is not 4–16 letters or digits. */
export function normalizeCode(code: string | null | undefined): string | null {
  if (code == null) return null
  const c = code.trim()
  return CODE.test(c) ? c.toUpperCase() : null
}

/** A known channel in lower case; unknown or missing → `fallback` (link). */
export function normalizeChannel(channel: string | null | undefined, fallback: Channel = 'link'): Channel {
  const c = (channel ?? '').trim().toLowerCase()
  return (CHANNELS as readonly string[]).includes(c) ? (c as Channel) : fallback
}

/**
 * Undoes URL encoding, once or twice over (WeChat hands `onLoad` a scene that still needs decodeURIComponent, and
 * some pages encode it again when passing it on). Stops at the first round that is not valid encoding.
 */
export function decodeScene(scene: string): string {
  let s = scene.trim()
  for (let i = 0; i < 3 && s.includes('%'); i++) {
    let next: string
    try {
      next = decodeURIComponent(s)
    } catch {
      break
    }
    if (next === s) break
    s = next
  }
  return s
}

/**
 * A mini-program code's scene → the invite it carries. The scene is `i=<code>&c=<channel>` (at most 32 characters,
 * as WeChat requires), URL-encoded or not; `+` and spaces around are tolerated. Null when there is no valid code.
 * A missing channel is `qr` (the scene came from a scanned code), an unknown one `link` — as the server reads it.
 */
export function parseScene(scene: string | null | undefined): InviteRef | null {
  if (!scene) return null
  const params = new Map<string, string>()
  for (const part of decodeScene(scene).split('&')) {
    const eq = part.indexOf('=')
    if (eq <= 0) continue
    const key = part.slice(0, eq).trim().toLowerCase()
    if (!params.has(key)) params.set(key, part.slice(eq + 1).replace(/\+/g, ' ').trim())
  }
  const code = normalizeCode(params.get('i'))
  return code ? { code, channel: params.get('c') ? normalizeChannel(params.get('c')) : 'qr' } : null
}

/**
 * An H5 page's URL → the invite it carries: `?inviteCode=CODE&channel=poster` (the landing URL the suite redirects
 * to), `/s/CODE?ch=poster` (a share link), `?scene=i%3DCODE%26c%3Dqr` (a page handed a mini-program scene) or
 * `?i=CODE&c=qr`. Relative URLs and hash routes (`/#/landing?inviteCode=…`) are read too. Null when there is no valid
 * code.
 */
export function parseUrl(url: string | null | undefined): InviteRef | null {
  if (!url) return null
  let u: URL
  try {
    u = new URL(url, 'http://laxin.invalid/')
  } catch {
    return null
  }
  const queries = [u.searchParams]
  const hashQuery = u.hash.indexOf('?')
  if (hashQuery >= 0) queries.push(new URLSearchParams(u.hash.slice(hashQuery + 1)))
  const pick = (...names: string[]): string | null => {
    for (const q of queries) {
      for (const n of names) {
        const v = q.get(n)
        if (v) return v
      }
    }
    return null
  }
  const share = /\/s\/([^/?#]+)\/?$/.exec(u.pathname)
  if (share) {
    const code = normalizeCode(decodeScene(share[1]))
    return code ? { code, channel: normalizeChannel(pick('ch', 'channel')) } : null
  }
  const explicit = pick('inviteCode', 'invite_code', 'i')
  if (explicit) {
    const code = normalizeCode(explicit)
    return code ? { code, channel: normalizeChannel(pick('channel', 'ch', 'c')) } : null
  }
  return parseScene(pick('scene'))
}
