import { describe, expect, it, beforeEach } from 'vitest'
import { fenToYuanInput, formatBasisPoints, formatFen, yuanToFen } from '@/format/money'
import { businessDay, formatTime, setBusinessTimeZone, startOfBusinessDay } from '@/format/time'
import { maskPhone } from '@/format/mask'

describe('money', () => {
  it('shows fen as yuan with two decimals and a sign', () => {
    expect(formatFen(1234)).toBe('¥12.34')
    expect(formatFen(5)).toBe('¥0.05')
    expect(formatFen(-150)).toBe('-¥1.50')
    expect(formatFen(123456789)).toBe('¥1,234,567.89')
    expect(formatFen(null)).toBe('—')
  })
  it('refuses fractional fen rather than rounding money', () => {
    expect(() => formatFen(1.5)).toThrow()
  })
  it('reads typed yuan into whole fen without floating-point drift', () => {
    expect(yuanToFen('12.34')).toBe(1234)
    expect(yuanToFen('0.1')).toBe(10)
    expect(yuanToFen('19.99')).toBe(1999)
    expect(yuanToFen('7')).toBe(700)
    expect(yuanToFen('1.234')).toBeNull()
    expect(yuanToFen('-1')).toBeNull()
    expect(yuanToFen('abc')).toBeNull()
    expect(fenToYuanInput(1999)).toBe('19.99')
  })
  it('shows basis points as a percent', () => {
    expect(formatBasisPoints(500)).toBe('5%')
    expect(formatBasisPoints(125)).toBe('1.25%')
  })
})

describe('time in the business zone', () => {
  beforeEach(() => setBusinessTimeZone('Asia/Shanghai'))
  it('shows an instant in Asia/Shanghai by default', () => {
    expect(formatTime('2026-11-30T16:30:00Z')).toBe('2026-12-01 00:30')
    expect(businessDay('2026-11-30T16:30:00Z')).toBe('2026-12-01')
  })
  it('follows the configured zone', () => {
    setBusinessTimeZone('UTC')
    expect(formatTime('2026-11-30T16:30:05Z', true)).toBe('2026-11-30 16:30:05')
  })
  it('turns a business day into the instant it starts', () => {
    expect(startOfBusinessDay('2026-12-01')).toBe('2026-11-30T16:00:00.000Z')
  })
  it('refuses an unknown zone', () => {
    expect(() => setBusinessTimeZone('Mars/Olympus')).toThrow()
  })
})

describe('phones', () => {
  it('keeps masked numbers masked and masks whole ones', () => {
    expect(maskPhone('138****1234')).toBe('138****1234')
    expect(maskPhone('13812341234')).toBe('138****1234')
    expect(maskPhone('call 13812341234 now')).toBe('call 138****1234 now')
  })
})
