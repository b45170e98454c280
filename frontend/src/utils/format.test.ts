import { describe, expect, it } from 'vitest'
import { fmtPrice, priceDecimals } from './format'

describe('price formatting', () => {
  it('quotes FX in pips, crypto by its level and the rest in cents', () => {
    expect(priceDecimals('forex', 1.0834)).toBe(5)
    expect(priceDecimals('forex', 157.2)).toBe(3)
    expect(priceDecimals('crypto', 94_000)).toBe(2)
    expect(priceDecimals('crypto', 0.32)).toBe(6)
    expect(priceDecimals('stock', 245.1)).toBe(2)
  })

  it('groups thousands', () => {
    expect(fmtPrice(160000, 2)).toBe('160,000.00')
    expect(fmtPrice(1.083451, 5)).toBe('1.08345')
    expect(fmtPrice(null, 2)).toBe('—')
  })
})
