import { formatFen } from './money'

type Translate = (key: string, values?: Record<string, unknown>) => string

/**
 * An amount in its unit, in words: CASH (and the balance unit FEN) in fen through the one money formatter (¥12.34),
 * POINTS as points, COUPON as a number of coupons.
 */
export function formatAmount(t: Translate, kind: string, amount: number): string {
  switch (kind) {
    case 'CASH':
    case 'FEN':
      return formatFen(amount)
    case 'POINTS':
      return t('amount.points', { n: amount.toLocaleString('en-US') })
    case 'COUPON':
      return t('amount.coupons', { n: amount })
    default:
      return `${amount} ${kind}`
  }
}
