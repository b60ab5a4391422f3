import type { Funnel, FunnelRow } from '@/api/invite'

/** The funnel's rows summed by channel and by day, for the charts: what the server counted, only regrouped. */
export function byChannel(f: Funnel): FunnelRow[] {
  return group(f.rows, (r) => r.channel ?? '—')
}

export function byDay(f: Funnel): FunnelRow[] {
  return group(f.rows, (r) => r.day ?? '—')
}

function group(rows: FunnelRow[], key: (r: FunnelRow) => string): FunnelRow[] {
  const m = new Map<string, FunnelRow>()
  for (const r of rows) {
    const k = key(r)
    const g = m.get(k) ?? { day: null, channel: null, touches: 0, uniqueTouches: 0, registrations: 0, attributed: 0, firstOrders: 0 }
    g.touches += r.touches
    g.uniqueTouches += r.uniqueTouches
    g.registrations += r.registrations
    g.attributed += r.attributed
    g.firstOrders += r.firstOrders
    m.set(k, g)
  }
  return [...m.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([k, g]) => ({ ...g, channel: k, day: k }))
}

export const STAGES = ['touches', 'uniqueTouches', 'registrations', 'attributed', 'firstOrders'] as const
