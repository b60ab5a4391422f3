import { createRouter, createWebHistory, type RouteRecordRaw, type Router } from 'vue-router'
import { session } from '@/session'

declare module 'vue-router' {
  interface RouteMeta {
    /** pages anyone may open (no token): the sign-in empty state and the invitee's landing page */
    public?: boolean
    /** i18n key of the bottom tab this page is */
    tab?: string
  }
}

export const routes: RouteRecordRaw[] = [
  { path: '/', name: 'invite', component: () => import('@/views/InviteCard.vue'), meta: { tab: 'tab.invite' } },
  { path: '/invitees', name: 'invitees', component: () => import('@/views/Invitees.vue'), meta: { tab: 'tab.invitees' } },
  { path: '/rewards', name: 'rewards', component: () => import('@/views/Rewards.vue'), meta: { tab: 'tab.rewards' } },
  { path: '/leaderboard', name: 'leaderboard', component: () => import('@/views/Leaderboard.vue'), meta: { tab: 'tab.leaderboard' } },
  { path: '/rules', name: 'rules', component: () => import('@/views/Rules.vue'), meta: { tab: 'tab.rules', public: true } },
  { path: '/landing', name: 'landing', component: () => import('@/views/Landing.vue'), meta: { public: true } },
  { path: '/signin', name: 'signin', component: () => import('@/views/SignIn.vue'), meta: { public: true } },
  { path: '/:pathMatch(.*)*', redirect: '/' },
]

/** The bottom tabs, in order. */
export const tabs = routes.filter((r) => r.meta?.tab)

/**
 * Made only after the token has been taken out of the address (adoptFromUrl): the router records the address it
 * starts on in the history, and must not record the token there.
 */
export function createAppRouter(): Router {
  const router = createRouter({ history: createWebHistory('/h5/'), routes })
  router.beforeEach((to) => {
    if (to.meta.public || session.token) return true
    return { name: 'signin' }
  })
  return router
}
