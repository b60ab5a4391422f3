import { describe, expect, it, beforeEach } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { allows, jwtClaims, rolesFromClaims } from '@/auth/roles'
import { routes } from '@/router'
import { useSession } from '@/stores/session'

function token(payload: object): string {
  const b64 = (o: object) => btoa(JSON.stringify(o)).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_')
  return `${b64({ alg: 'HS256' })}.${b64(payload)}.sig`
}

describe('role gating', () => {
  it('lets ADMIN do everything and others only their roles', () => {
    expect(allows(['ADMIN'], ['FINANCE'])).toBe(true)
    expect(allows(['OPS'], ['FINANCE'])).toBe(false)
    expect(allows(['OPS'], ['OPS', 'FINANCE'])).toBe(true)
    expect(allows([], undefined)).toBe(true)
  })
  it('reads roles from the configured claim, nested ones too, ignoring unknown roles', () => {
    expect(rolesFromClaims({ roles: ['OPS', 'INTERN'] })).toEqual(['OPS'])
    expect(rolesFromClaims({ realm_access: { roles: ['FINANCE'] } }, 'realm_access.roles')).toEqual(['FINANCE'])
    expect(rolesFromClaims({ roles: 'OPS' })).toEqual([])
    expect(jwtClaims('not-a-jwt')).toBeNull()
    expect(jwtClaims(token({ sub: 'fin-zhang', roles: ['FINANCE'] }))).toEqual({ sub: 'fin-zhang', roles: ['FINANCE'] })
  })
  it('puts finance pages behind FINANCE and risk pages behind OPS, as the gateway does', () => {
    const need = (name: string) => routes.find((r) => r.name === name)?.meta?.roles
    expect(need('settlement')).toEqual(['FINANCE'])
    expect(need('reports')).toEqual(['FINANCE'])
    expect(need('risk')).toEqual(['OPS'])
    expect(need('campaign-new')).toEqual(['OPS'])
    expect(allows(['OPS'], need('settlement'))).toBe(false)
    expect(allows(['FINANCE'], need('risk'))).toBe(false)
  })
})

describe('session', () => {
  beforeEach(() => {
    sessionStorage.clear()
    localStorage.clear()
    setActivePinia(createPinia())
  })
  it('keeps the token in sessionStorage, never localStorage', () => {
    const s = useSession()
    s.start({ accessToken: 't', userId: 'u', name: 'U', roles: ['OPS'], expiresAt: new Date(Date.now() + 60_000).toISOString() })
    expect(sessionStorage.getItem('laxin.console.session')).toContain('"accessToken":"t"')
    expect(localStorage.length).toBe(0)
    expect(s.token()).toBe('t')
  })
  it('ends an expired session and says why', () => {
    const s = useSession()
    s.start({ accessToken: 't', userId: 'u', name: 'U', roles: ['OPS'], expiresAt: new Date(Date.now() - 1).toISOString() })
    expect(s.token()).toBeNull()
    expect(s.endedBecause).toBe('expired')
    expect(sessionStorage.getItem('laxin.console.session')).toBeNull()
  })
})
