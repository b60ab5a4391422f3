import { defineStore } from 'pinia'
import type { Role } from '@/auth/roles'
import { allows } from '@/auth/roles'

/** Who is signed in. The token lives in memory and sessionStorage (gone with the tab), never localStorage. */
export interface Session {
  accessToken: string
  userId: string
  name: string
  roles: Role[]
  expiresAt: string
}

const KEY = 'laxin.console.session'

function restore(): Session | null {
  try {
    const raw = sessionStorage.getItem(KEY)
    if (!raw) return null
    const s = JSON.parse(raw) as Session
    return new Date(s.expiresAt).getTime() > Date.now() ? s : null
  } catch {
    return null
  }
}

export const useSession = defineStore('session', {
  state: () => ({ session: restore() as Session | null, endedBecause: null as null | 'expired' | 'signed-out' }),
  getters: {
    signedIn: (s) => s.session !== null && new Date(s.session.expiresAt).getTime() > Date.now(),
    roles: (s): Role[] => s.session?.roles ?? [],
  },
  actions: {
    start(session: Session) {
      this.session = session
      this.endedBecause = null
      sessionStorage.setItem(KEY, JSON.stringify(session))
    },
    end(why: 'expired' | 'signed-out') {
      this.session = null
      this.endedBecause = why
      sessionStorage.removeItem(KEY)
    },
    may(anyOf: readonly Role[] | undefined): boolean {
      return allows(this.roles, anyOf)
    },
    /** The token for a call, or null once it has expired (the caller then sends the user to sign in). */
    token(): string | null {
      if (!this.session) return null
      if (new Date(this.session.expiresAt).getTime() <= Date.now()) {
        this.end('expired')
        return null
      }
      return this.session.accessToken
    },
  },
})
