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
})
