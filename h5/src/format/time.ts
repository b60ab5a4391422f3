/** Dates are shown in the business time zone (Asia/Shanghai unless /h5/config.json says otherwise). */
let zone = 'Asia/Shanghai'

export function setBusinessTimeZone(z: string): void {
  // throws a RangeError for an unknown zone, so a misconfiguration shows at start
  new Intl.DateTimeFormat('en', { timeZone: z })
  zone = z
}

function parts(d: Date): Record<string, string> {
  const f = new Intl.DateTimeFormat('en-GB', {
    timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  })
  return Object.fromEntries(f.formatToParts(d).map((p) => [p.type, p.value]))
}

/** An instant → "2026-12-01 18:05"; "—" for none. */
export function formatTime(iso: string | null | undefined): string {
  if (!iso) return '—'
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return '—'
  const p = parts(d)
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`
}

/** An instant → its calendar day "2026-12-01". */
export function formatDay(iso: string | null | undefined): string {
  return formatTime(iso).split(' ')[0]
}
