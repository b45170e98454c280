import { describe, expect, it } from 'vitest'
import { bollinger, ema, sma } from './indicators'

const bars = [10, 11, 12, 13, 14, 13].map((close, i) => ({ time: `2024-01-0${i + 1}T00:00:00Z`, close }))

describe('indicators', () => {
  it('averages the last n closes once n bars are in', () => {
    expect(sma(bars, 3).map((p) => p.value)).toEqual([null, null, 11, 12, 13, 13 + 1 / 3])
  })

  it('seeds the EMA with the first n-bar average, then weighs each close by 2/(n+1)', () => {
    // α = 0.5: 11, then 0.5·13 + 0.5·11 = 12, 0.5·14 + 0.5·12 = 13, 0.5·13 + 0.5·13 = 13
    expect(ema(bars, 3).map((p) => p.value)).toEqual([null, null, 11, 12, 13, 13])
  })

  it('puts the bands k population standard deviations around the average', () => {
    const { upper, lower } = bollinger(bars, 3, 2)
    // 10, 11, 12: mean 11, population variance 2/3
    const sd = Math.sqrt(2 / 3)
    expect(upper[2].value).toBeCloseTo(11 + 2 * sd, 12)
    expect(lower[2].value).toBeCloseTo(11 - 2 * sd, 12)
    expect(upper[1].value).toBeNull()
  })

  it('gives the textbook bands for a set whose population deviation is exactly 2', () => {
    // 2, 4, 4, 4, 5, 5, 7, 9: mean 40 / 8 = 5; squared deviations 9+1+1+1+0+0+4+16 = 32; 32 / 8 = 4; σ = 2
    const closes = [2, 4, 4, 4, 5, 5, 7, 9].map((close, i) => ({ time: `2024-02-${String(i + 1).padStart(2, '0')}T00:00:00Z`, close }))
    const { upper, lower } = bollinger(closes, 8, 2)
    expect(upper[7].value).toBe(9)
    expect(lower[7].value).toBe(1)
    expect(sma(closes, 8)[7].value).toBe(5)
  })

  it('follows a 5-bar EMA by hand: seed 4 from 2,4,4,4,6, then α = 1/3', () => {
    const closes = [2, 4, 4, 4, 6, 9, 3].map((close, i) => ({ time: `2024-03-0${i + 1}T00:00:00Z`, close }))
    // 9/3 + 4·2/3 = 17/3; 3/3 + (17/3)·2/3 = 1 + 34/9 = 43/9
    const values = ema(closes, 5).map((p) => p.value)
    expect(values.slice(0, 4)).toEqual([null, null, null, null])
    expect(values[4]).toBe(4)
    expect(values[5]).toBeCloseTo(17 / 3, 12)
    expect(values[6]).toBeCloseTo(43 / 9, 12)
  })

  it('has no value while fewer than n bars are loaded', () => {
    expect(sma(bars, 10).every((p) => p.value === null)).toBe(true)
    expect(ema(bars, 10).every((p) => p.value === null)).toBe(true)
  })
})
