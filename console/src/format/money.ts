/** Money arrives in fen (integer minor units) and is shown in yuan: 1234 → ¥12.34, -5 → -¥0.05. */
export function formatFen(fen: number | null | undefined): string {
  if (fen === null || fen === undefined || Number.isNaN(fen)) return '—'
  if (!Number.isInteger(fen)) throw new Error(`fen must be an integer, got ${fen}`)
  const sign = fen < 0 ? '-' : ''
  const abs = Math.abs(fen)
  const yuan = Math.floor(abs / 100)
  const cents = String(abs % 100).padStart(2, '0')
  return `${sign}¥${yuan.toLocaleString('en-US')}.${cents}`
}

/** A yuan amount typed into a form ("12.34", "12", "0.5") → fen; null when it is not a non-negative amount. */
export function yuanToFen(input: string | number | null | undefined): number | null {
  if (input === null || input === undefined) return null
  const s = String(input).trim()
  const m = /^(\d{1,12})(?:\.(\d{1,2}))?$/.exec(s)
  if (!m) return null
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'))
}

/** fen → the yuan string a form field shows ("12.34"). */
export function fenToYuanInput(fen: number | null | undefined): string {
  if (fen === null || fen === undefined) return ''
  return (fen / 100).toFixed(2)
}

/** Basis points (1/10000) as a percent: 500 → "5%", 125 → "1.25%". */
export function formatBasisPoints(bp: number): string {
  return `${Number((bp / 100).toFixed(2))}%`
}
