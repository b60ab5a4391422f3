import { http } from './http'
import type { Page } from './invite'

export interface Evidence { ruleId: string; detail: string; weight: number; observed: string | null; threshold: string | null }
export interface CaseAudit { action: string; actor: string; note: string | null; at: string }
export interface RiskCase {
  id: number; screeningId: string | null; campaignId: number; referrerUserId: string; inviteeUserId: string
  source: string; status: 'OPEN' | 'APPROVED' | 'REJECTED'; score: number; evidence: Evidence[]; openedAt: string
  decidedBy: string | null; decidedAt: string | null; note: string | null; audit: CaseAudit[]
}
export interface Decision { caseId: number; status: string; changed: boolean; problem: string | null }
export interface Rule { ruleId: string; description: string; enabled: boolean; weight: number; threshold: number; params: string | null }
export interface RuleBook { campaignId: number; reviewAt: number; rejectAt: number; rules: Rule[] }
export interface RuleAudit { id: number; campaignId: number; subject: string; oldValue: string; newValue: string; changedBy: string; changedAt: string }
export interface ListEntry {
  id: number; list: 'BLACK' | 'WHITE'; type: string; value: string; reason: string | null
  expiresAt: string | null; createdBy: string; createdAt: string
}
export interface CaseQuery {
  status?: string; campaignId?: number; ruleId?: string; minScore?: number; maxScore?: number; page: number; size: number
}

const base = '/api/v1/admin/risk'

export const riskApi = {
  cases: (q: CaseQuery) => http.get<Page<RiskCase>>(`${base}/cases`, { ...q }),
  case: (id: number) => http.get<RiskCase>(`${base}/cases/${id}`),
  decide: (id: number, decision: 'APPROVE' | 'REJECT', note: string, key: string) =>
    http.post<Decision>(`${base}/cases/${id}/decision`, { decision, note }, key),
  decideMany: (caseIds: number[], decision: 'APPROVE' | 'REJECT', note: string, key: string) =>
    http.post<{ outcomes: Decision[] }>(`${base}/cases/decisions`, { caseIds, decision, note }, key),
  rules: (campaignId = 0) => http.get<RuleBook>(`${base}/rules`, { campaignId }),
  changeRule: (ruleId: string, change: Partial<Pick<Rule, 'enabled' | 'weight' | 'threshold' | 'params'>>, campaignId = 0) =>
    http.put<Rule>(`${base}/rules/${ruleId}`, change, { campaignId }),
  thresholds: (reviewAt: number, rejectAt: number, campaignId = 0) =>
    http.put<RuleBook>(`${base}/rules/decision-thresholds`, { reviewAt, rejectAt }, { campaignId }),
  audit: (campaignId = 0, limit = 50) => http.get<RuleAudit[]>(`${base}/rules/audit`, { campaignId, limit }),
  lists: () => http.get<ListEntry[]>(`${base}/rules/lists`),
  addListEntry: (e: { list: string; type: string; value: string; reason?: string; expiresAt?: string | null }, key: string) =>
    http.post<ListEntry>(`${base}/rules/lists`, e, key),
  removeListEntry: (id: number) => http.del<void>(`${base}/rules/lists/${id}`),
  runAnalysis: (key: string) => http.post<Record<string, number | boolean>>(`${base}/analysis/runs`, undefined, key),
}
