import { UserManager, WebStorageStateStore } from 'oidc-client-ts'
import type { ConsoleConfig } from '@/config'
import type { Session } from '@/stores/session'
import { jwtClaims, rolesFromClaims } from './roles'

/**
 * Production sign-in: OpenID Connect authorization code with PKCE against the brand's identity provider. oidc-client-ts
 * keeps its state in sessionStorage (never localStorage); the access token goes to the gateway, which verifies it.
 */
let manager: UserManager | null = null

function userManager(config: ConsoleConfig): UserManager {
  if (!manager) {
    const origin = window.location.origin
    manager = new UserManager({
      authority: config.oidc.issuer,
      client_id: config.oidc.clientId,
      redirect_uri: `${origin}/console/auth/callback`,
      post_logout_redirect_uri: `${origin}/console/login`,
      response_type: 'code',
      scope: config.oidc.scopes,
      extraQueryParams: config.oidc.audience ? { audience: config.oidc.audience } : {},
      userStore: new WebStorageStateStore({ store: window.sessionStorage }),
      stateStore: new WebStorageStateStore({ store: window.sessionStorage }),
      automaticSilentRenew: false,
    })
  }
  return manager
}

export async function signInWithOidc(config: ConsoleConfig, returnTo: string): Promise<void> {
  await userManager(config).signinRedirect({ state: returnTo })
}

/** Finishes the redirect: the session from the provider's tokens, and where the user was going. */
export async function completeOidc(config: ConsoleConfig): Promise<{ session: Session; returnTo: string }> {
  const user = await userManager(config).signinRedirectCallback()
  const claims = jwtClaims(user.access_token) ?? (user.profile as Record<string, unknown>)
  const roles = rolesFromClaims(claims, config.oidc.rolesClaim)
  const expiresAt = new Date((user.expires_at ?? Math.floor(Date.now() / 1000) + 300) * 1000).toISOString()
  const name = String(user.profile.name ?? user.profile.preferred_username ?? user.profile.sub)
  return {
    session: { accessToken: user.access_token, userId: user.profile.sub, name, roles, expiresAt },
    returnTo: typeof user.state === 'string' ? user.state : '/',
  }
}

export async function signOutOfOidc(config: ConsoleConfig): Promise<void> {
  await userManager(config).removeUser()
}
