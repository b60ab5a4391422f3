import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router'
import type { Role } from '@/auth/roles'
import { useSession } from '@/stores/session'

declare module 'vue-router' {
  interface RouteMeta {
    /** public pages need no sign-in */
    public?: boolean
    /** the staff roles that may open the page (any one; ADMIN holds every role) */
    roles?: Role[]
    /** i18n key of the navigation label */
    nav?: string
  }
}

/** Mirrors the gateway's role rules and the services' checks, so navigation shows only what will work. */
export const STAFF_READ: Role[] = ['OPS', 'FINANCE']

export const routes: RouteRecordRaw[] = [
  { path: '/login', name: 'login', component: () => import('@/views/login/LoginView.vue'), meta: { public: true } },
  { path: '/auth/callback', name: 'oidc-callback', component: () => import('@/views/login/OidcCallback.vue'), meta: { public: true } },
  { path: '/forbidden', name: 'forbidden', component: () => import('@/views/login/ForbiddenView.vue') },
  { path: '/', name: 'dashboard', component: () => import('@/views/dashboard/DashboardView.vue'), meta: { roles: STAFF_READ, nav: 'nav.dashboard' } },
  { path: '/campaigns', name: 'campaigns', component: () => import('@/views/campaign/CampaignList.vue'), meta: { roles: STAFF_READ, nav: 'nav.campaigns' } },
  { path: '/campaigns/new', name: 'campaign-new', component: () => import('@/views/campaign/CampaignEdit.vue'), meta: { roles: ['OPS'] } },
  { path: '/campaigns/:id(\\d+)/edit', name: 'campaign-edit', component: () => import('@/views/campaign/CampaignEdit.vue'), meta: { roles: ['OPS'] } },
  { path: '/campaigns/:id(\\d+)', name: 'campaign', component: () => import('@/views/campaign/CampaignDetail.vue'), meta: { roles: STAFF_READ } },
  { path: '/posters', name: 'posters', component: () => import('@/views/poster/PosterTemplates.vue'), meta: { roles: ['OPS'], nav: 'nav.posters' } },
  { path: '/risk', name: 'risk', component: () => import('@/views/risk/ReviewQueue.vue'), meta: { roles: ['OPS'], nav: 'nav.risk' } },
  { path: '/risk/rules', name: 'risk-rules', component: () => import('@/views/risk/RiskRules.vue'), meta: { roles: ['OPS'], nav: 'nav.riskRules' } },
  { path: '/risk/findings', name: 'risk-findings', component: () => import('@/views/risk/RiskFindings.vue'), meta: { roles: ['OPS'], nav: 'nav.riskFindings' } },
  { path: '/settlement', name: 'settlement', component: () => import('@/views/settlement/SettlementView.vue'), meta: { roles: ['FINANCE'], nav: 'nav.settlement' } },
  { path: '/settlement/:id(\\d+)', name: 'batch', component: () => import('@/views/settlement/BatchDetail.vue'), meta: { roles: ['FINANCE'] } },
  { path: '/reports', name: 'reports', component: () => import('@/views/report/ReportView.vue'), meta: { roles: ['FINANCE'], nav: 'nav.reports' } },
  { path: '/webhooks', name: 'webhooks', component: () => import('@/views/webhook/WebhookEndpoints.vue'), meta: { roles: ['ADMIN'], nav: 'nav.webhooks' } },
  { path: '/webhooks/:id(\\d+)', name: 'webhook', component: () => import('@/views/webhook/WebhookDeliveries.vue'), meta: { roles: ['ADMIN'] } },
  { path: '/jobs', name: 'jobs', component: () => import('@/views/job/JobsView.vue'), meta: { roles: STAFF_READ, nav: 'nav.jobs' } },
  { path: '/:pathMatch(.*)*', redirect: '/' },
]

export const router = createRouter({ history: createWebHistory('/console/'), routes })

router.beforeEach((to) => {
  if (to.meta.public) return true
  const session = useSession()
  if (!session.signedIn) {
    if (session.session) session.end('expired')
    return { name: 'login', query: { redirect: to.fullPath } }
  }
  if (!session.may(to.meta.roles)) {
    if (to.name === 'dashboard') {
      // someone who may not see the dashboard lands on the first page they may see
      const first = routes.find((r) => r.meta?.nav && session.may(r.meta.roles))
      if (first && first.name !== 'dashboard') return { name: first.name as string }
    }
    return { name: 'forbidden', query: { needs: (to.meta.roles ?? []).join(','), from: to.fullPath } }
  }
  return true
})
