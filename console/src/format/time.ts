/** Times are shown in the business time zone (Asia/Shanghai unless the gateway's console config says otherwise). */
let zone = 'Asia/Shanghai'

export function setBusinessTimeZone(z: string): void {
  // throws a RangeError for an unknown zone, so a misconfiguration shows at start
  new Intl.DateTimeFormat('en', { timeZone: z })
  zone = z
}

export function businessTimeZone(): string {
  return zone
}

function parts(d: Date, withSeconds: boolean): Record<string, string> {
  const f = new Intl.DateTimeFormat('en-GB', {
    timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
    ...(withSeconds ? { second: '2-digit' } : {}), hourCycle: 'h23',
  })
  return Object.fromEntries(f.formatToParts(d).map((p) => [p.type, p.value]))
}

/** An instant → "2026-12-01 18:05" in the business time zone; "—" for none. */
export function formatTime(iso: string | null | undefined, withSeconds = false): string {
  if (!iso) return '—'
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return '—'
  const p = parts(d, withSeconds)
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}${withSeconds ? `:${p.second}` : ''}`
}

/** The calendar day of an instant in the business time zone: "2026-12-01". */
export function businessDay(iso: string | Date): string {
  const p = parts(typeof iso === 'string' ? new Date(iso) : iso, false)
  return `${p.year}-${p.month}-${p.day}`
}

/** Midnight of a business-zone calendar day ("2026-12-01") as an instant (ISO, UTC). */
export function startOfBusinessDay(day: string): string {
  const [y, m, d] = day.split('-').map(Number)
  // the zone's offset at that day's noon (no zone changes its offset around noon)
  const noonUtc = Date.UTC(y, m - 1, d, 12)
  const p = parts(new Date(noonUtc), true)
  const shownAsUtc = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute))
  const offset = shownAsUtc - noonUtc
  return new Date(Date.UTC(y, m - 1, d) - offset).toISOString()
}
