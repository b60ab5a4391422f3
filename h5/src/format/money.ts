/**
 * The one money formatter: amounts arrive in fen (integer minor units) and are shown in yuan, 1234 → ¥12.34,
 * -5 → -¥0.05. Fractional fen are refused rather than rounded.
 */
export function formatFen(fen: number | null | undefined): string {
  if (fen === null || fen === undefined || Number.isNaN(fen)) return '—'
  if (!Number.isInteger(fen)) throw new Error(`fen must be an integer, got ${fen}`)
  const sign = fen < 0 ? '-' : ''
  const abs = Math.abs(fen)
  const yuan = Math.floor(abs / 100)
  const cents = String(abs % 100).padStart(2, '0')
  return `${sign}¥${yuan.toLocaleString('en-US')}.${cents}`
}
