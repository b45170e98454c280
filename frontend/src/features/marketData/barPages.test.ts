import { describe, expect, it } from 'vitest'
import type { Bar } from '../../api/schemas'
import { mergeBars, pageBefore } from './barPages'

const bar = (time: string, close: number): Bar => ({ time, open: close, high: close, low: close, close, adjClose: null, volume: 1 })

describe('bar pages', () => {
  it('asks for the page that ends just before the oldest loaded bar', () => {
    expect(pageBefore('2024-03-15T14:30:00Z')).toBe('2024-03-15T14:29:59.999Z')
  })

  it('joins an older page in front without duplicating the bar where pages meet', () => {
    const newer = [bar('2024-01-03T00:00:00Z', 3), bar('2024-01-04T00:00:00Z', 4)]
    const older = [bar('2024-01-01T00:00:00Z', 1), bar('2024-01-02T00:00:00Z', 2), bar('2024-01-03T00:00:00.000Z', 30)]
    const merged = mergeBars(older, newer)
    expect(merged.map((b) => b.close)).toEqual([1, 2, 3, 4])
  })

  it('orders by time whatever order the pages come in', () => {
    expect(mergeBars([bar('2024-01-02T00:00:00Z', 2)], [bar('2024-01-01T00:00:00Z', 1)]).map((b) => b.close)).toEqual([1, 2])
    expect(mergeBars()).toEqual([])
  })
})
