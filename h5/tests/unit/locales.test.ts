import { describe, expect, it } from 'vitest'
import zhCN from '@/locales/zh-CN.json'
import en from '@/locales/en.json'

function keys(o: object, prefix = ''): string[] {
  return Object.entries(o).flatMap(([k, v]) => (v && typeof v === 'object' ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`]))
}

function placeholders(o: object): Record<string, string[]> {
  const out: Record<string, string[]> = {}
  const walk = (x: object, prefix: string): void => {
    for (const [k, v] of Object.entries(x)) {
      if (v && typeof v === 'object') walk(v, `${prefix}${k}.`)
      else out[`${prefix}${k}`] = [...String(v).matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()
    }
  }
  walk(o, '')
  return out
}

describe('the two languages', () => {
  it('have the same keys, so switching never shows a raw key', () => {
    expect(keys(en).sort()).toEqual(keys(zhCN).sort())
  })
  it('fill the same placeholders in every message', () => {
    expect(placeholders(en)).toEqual(placeholders(zhCN))
  })
  it('leave no message empty', () => {
    const empty = (o: object): string[] => keys(o).filter((k) => !k.split('.').reduce<unknown>((x, p) => (x as Record<string, unknown>)[p], o))
    expect(empty(zhCN)).toEqual([])
    expect(empty(en)).toEqual([])
  })
})
