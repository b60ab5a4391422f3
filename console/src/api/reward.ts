import { http, request } from './http'

export interface JobRun {
  id: number; job: string; subject: string | null; status: string; total: number; done: number
  percent: number | null; summary: string | null; startedBy: string | null; startedAt: string
  updatedAt: string | null; finishedAt: string | null
}
export interface BatchCollection { jobRunId: number; status: string; done: number; total: number; percent: number | null }
export type BatchState = 'COLLECTING' | 'DRAFT' | 'SUBMITTED' | 'APPROVED' | 'PAID' | 'REJECTED' | 'FAILED'
export interface SettlementBatch {
  id: number; campaignId: number; from: string; to: string; minPayoutFen: number; state: BatchState
  lineCount: number; totalFen: number; rewardCount: number; carriedOverUsers: number; note: string | null
  createdBy: string; createdAt: string; submittedBy: string | null; submittedAt: string | null
  approvedBy: string | null; approvedAt: string | null; rejectedBy: string | null; rejectedAt: string | null
  paidBy: string | null; paidAt: string | null; collection: BatchCollection | null
}
export interface StatementLine { id: number; userId: string; amountFen: number; rewardCount: number; reference: string }
export interface CreateBatch { campaignId: number; day?: string; from?: string; to?: string; minPayoutFen?: number }
export interface Tally { count: number; amount?: number; amountFen?: number; amountYuan?: string }
export interface ByKind { points: Tally; cash: Tally; coupon: Tally }
export interface RewardReport {
  from: string; to: string; campaignId: number | null
  issued: ByKind; released: ByKind; revoked: ByKind; clawedBack: ByKind; paid: ByKind
  budget: { budgetFen: number | null; usedFen: number; leftFen: number | null }
  acquisition: { attributedInvitees: number; standingCashFen: number; standingPoints: number; fenPerHundredPoints: number; costPerUserFen: number | null }
  topReferrersByInvitees: { userId: string; rewardedInvitees: number; cashFen: number }[]
  topReferrersByCash: { userId: string; rewardedInvitees: number; cashFen: number }[]
  refusedAndRevoked: { status: string; reason: string; count: number; worth: ByKind }[]
}
export interface ReconciliationCheck { name: string; ok: boolean; note: string | null; discrepancies: Record<string, unknown>[] }
export interface Reconciliation { ok: boolean; runId: number; checks: ReconciliationCheck[] }
export interface ReleaseRun { runId: number | null; released: number; batches: number }

const batches = '/api/v1/admin/settlements/batches'

export const rewardApi = {
  releaseNow: (key: string) => http.post<ReleaseRun>('/api/v1/admin/rewards/release-runs', undefined, key),
  jobs: (job: string, limit = 20) => http.get<JobRun[]>('/api/v1/admin/rewards/jobs', { job, limit }),
  job: (id: number) => http.get<JobRun>(`/api/v1/admin/rewards/jobs/${id}`),
  batches: (campaignId?: number, page = 0, size = 20) => http.get<SettlementBatch[]>(batches, { campaignId, page, size }),
  batch: (id: number) => http.get<SettlementBatch>(`${batches}/${id}`),
  lines: (id: number, page = 0, size = 50) => http.get<StatementLine[]>(`${batches}/${id}/lines`, { page, size }),
  createBatch: (b: CreateBatch, key: string) => http.post<SettlementBatch>(batches, b, key),
  move: (id: number, to: 'submit' | 'approve' | 'payout-confirmation', key: string) =>
    http.post<SettlementBatch>(`${batches}/${id}/${to}`, undefined, key),
  reject: (id: number, note: string, key: string) => http.post<SettlementBatch>(`${batches}/${id}/reject`, { note }, key),
  payoutFile: (id: number) => request<string>('GET', `${batches}/${id}/payout-file`, { as: 'text' }),
  report: (from: string, to: string, campaignId?: number) =>
    http.get<RewardReport>('/api/v1/admin/reports/rewards', { from, to, campaignId }),
  reportFile: (format: 'csv' | 'xlsx', from: string, to: string, campaignId?: number) =>
    http.blob(`/api/v1/admin/reports/rewards.${format}`, { from, to, campaignId }),
  reconcile: (campaignId?: number) => http.get<Reconciliation>('/api/v1/admin/reports/reconciliation', { campaignId }),
  cancelCampaign: (campaignId: number, key: string) =>
    http.post<JobRun>(`/api/v1/admin/rewards/campaigns/${campaignId}/cancellation`, undefined, key),
}

/** Jobs the Jobs page follows (reward-service's job_run names). */
export const REWARD_JOBS = ['release', 'settlement', 'campaign-cancellation', 'reconciliation', 'report-export'] as const
