import { describe, expect, it } from 'vitest'
import { fmtPrice, fmtQuoted, priceDecimals } from './format'

describe('price formatting', () => {
  it('quotes FX in pips, crypto by its level and the rest in cents', () => {
    expect(priceDecimals('forex', 1.0834)).toBe(5)
    expect(priceDecimals('forex', 157.2)).toBe(3)
    expect(priceDecimals('crypto', 94_000)).toBe(2)
    expect(priceDecimals('crypto', 0.32)).toBe(6)
    expect(priceDecimals('stock', 245.1)).toBe(2)
  })

  it('takes the decimals the provider quotes in when the bars carry them', () => {
    expect(priceDecimals('forex', 1.0834, 4)).toBe(4)
    expect(priceDecimals('stock', 0.0412, 4)).toBe(4)
    expect(priceDecimals('stock', 245.1, null)).toBe(2)
  })

  it('groups thousands', () => {
    expect(fmtPrice(160000, 2)).toBe('160,000.00')
    expect(fmtPrice(1.083451, 5)).toBe('1.08345')
    expect(fmtPrice(null, 2)).toBe('—')
  })

  it('shows a price as entered when the asset type is unknown: two decimals at least, eight at most', () => {
    expect(fmtQuoted(0.5602)).toBe('0.5602')
    expect(fmtQuoted(100)).toBe('100.00')
    expect(fmtQuoted(94_123.5)).toBe('94,123.50')
    expect(fmtQuoted(0.123456789)).toBe('0.12345679')
    expect(fmtQuoted(undefined)).toBe('—')
  })
})
