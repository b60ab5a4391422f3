import type { RiskCase } from '@/api/risk'

/** One finding of the late analysis: the cases it raised (one per referral), drawn as referrer → invitee edges. */
export interface FindingGroup {
  title: string
  cases: RiskCase[]
  nodes: string[]
  referrers: string[]
  edges: { from: string; to: string }[]
  statuses: string[]
}

/** Cases grouped by the finding that raised them (the same evidence detail names the same ring or cluster). */
export function findingGroups(cases: RiskCase[], ruleId: string): FindingGroup[] {
  const groups = new Map<string, RiskCase[]>()
  for (const c of cases) {
    const e = c.evidence.find((x) => x.ruleId === ruleId)
    if (!e) continue
    const key = `${c.campaignId}|${e.detail}`
    groups.set(key, [...(groups.get(key) ?? []), c])
  }
  return [...groups.entries()].map(([key, cs]) => {
    const edges = cs.map((c) => ({ from: c.referrerUserId, to: c.inviteeUserId }))
    const nodes = [...new Set(edges.flatMap((e) => [e.from, e.to]))].sort()
    return {
      title: `#${key.split('|')[0]} ${key.slice(key.indexOf('|') + 1)}`,
      cases: cs, nodes, edges,
      referrers: [...new Set(edges.map((e) => e.from))].sort(),
      statuses: [...new Set(cs.map((c) => c.status))].sort(),
    }
  })
}
