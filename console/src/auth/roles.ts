/** Staff roles as the gateway knows them; ADMIN holds every role. */
export type Role = 'OPS' | 'FINANCE' | 'ADMIN'
export const ROLES: Role[] = ['OPS', 'FINANCE', 'ADMIN']

/** True when a holder of `held` may do what needs one of `anyOf` (no requirement: anyone signed in). */
export function allows(held: readonly string[], anyOf: readonly Role[] | undefined): boolean {
  if (!anyOf || anyOf.length === 0) return true
  if (held.includes('ADMIN')) return true
  return anyOf.some((r) => held.includes(r))
}

/** The roles a token's claims grant, read from `claim` (a name or a dotted path such as realm_access.roles). */
export function rolesFromClaims(claims: Record<string, unknown>, claim = 'roles'): Role[] {
  let value: unknown = claims
  for (const part of claim.split('.')) {
    value = value && typeof value === 'object' ? (value as Record<string, unknown>)[part] : undefined
  }
  if (!Array.isArray(value)) return []
  return value.filter((r): r is Role => typeof r === 'string' && (ROLES as string[]).includes(r))
}

/** The payload of a JWT, without checking it (the gateway checks every call); null when it is not a JWT. */
export function jwtClaims(token: string): Record<string, unknown> | null {
  const parts = token.split('.')
  if (parts.length !== 3) return null
  try {
    const b64 = parts[1].replace(/-/g, '+').replace(/_/g, '/')
    const json = decodeURIComponent(Array.from(atob(b64.padEnd(b64.length + ((4 - (b64.length % 4)) % 4), '=')))
      .map((c) => '%' + c.charCodeAt(0).toString(16).padStart(2, '0')).join(''))
    return JSON.parse(json) as Record<string, unknown>
  } catch {
    return null
  }
}
