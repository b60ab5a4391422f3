import { beforeEach, describe, expect, it } from 'vitest'
import { adoptFromUrl, session, signOut } from '@/session'

function at(url: string): { loc: Location; history: History; replaced: () => string | null } {
  const u = new URL(url)
  let replaced: string | null = null
  const loc = { hash: u.hash, search: u.search, pathname: u.pathname } as Location
  const history = { state: null, replaceState: (_s: unknown, _t: string, to: string) => { replaced = to } } as unknown as History
  return { loc, history, replaced: () => replaced }
}

describe('signing in from the link the brand opens', () => {
  beforeEach(() => sessionStorage.clear())

  it('takes the token from the fragment, keeps it for the tab only and removes it from the address', () => {
    const page = at('https://growth.brand.example/h5/rewards?campaign=12#token=eyJ.abc.def')
    adoptFromUrl(page.loc, page.history, null)
    expect(session.token).toBe('eyJ.abc.def')
    expect(sessionStorage.getItem('laxin.h5.token')).toBe('eyJ.abc.def')
    expect(localStorage.getItem('laxin.h5.token')).toBeNull()
    expect(page.replaced()).toBe('/h5/rewards?campaign=12')
    expect(session.campaignId).toBe(12)
  })

  it('keeps other fragment parameters and the campaign across pages of the tab', () => {
    const first = at('https://g.example/h5/?campaign=7#token=t1&x=1')
    adoptFromUrl(first.loc, first.history, null)
    expect(first.replaced()).toBe('/h5/?campaign=7#x=1')
    const next = at('https://g.example/h5/invitees')
    adoptFromUrl(next.loc, next.history, 99)
    expect(next.replaced()).toBeNull()
    expect(session.token).toBe('t1')
    expect(session.campaignId).toBe(7)
  })

  it('falls back to the configured campaign and ignores ids that are not ids', () => {
    const page = at('https://g.example/h5/?campaign=12abc')
    adoptFromUrl(page.loc, page.history, 3)
    expect(session.campaignId).toBe(3)
    expect(session.token).toBeNull()
  })

  it('forgets a refused token and says why', () => {
    const page = at('https://g.example/h5/#token=t2')
    adoptFromUrl(page.loc, page.history, null)
    signOut('expired')
    expect(session.token).toBeNull()
    expect(session.reason).toBe('expired')
    expect(sessionStorage.getItem('laxin.h5.token')).toBeNull()
  })
})
