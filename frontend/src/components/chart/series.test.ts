import { describe, expect, it } from 'vitest'
import { legendAt, ordered } from './series'

const rows = ordered([
  { time: '2024-01-03T00:00:00Z', close: 3 },
  { time: '2024-01-01T00:00:00Z', close: 1 },
  { time: '2024-01-02T00:00:00Z', close: 2 },
  { time: '2024-01-02T00:00:00Z', close: 2 },
])

describe('chart series', () => {
  it('orders bars by time and keeps one per time', () => {
    expect(rows.map((r) => r.close)).toEqual([1, 2, 3])
    expect(rows[0].t).toBe(Date.UTC(2024, 0, 1) / 1000)
  })

  it('shows the bar under the crosshair with the one before it, and the newest when the pointer is away', () => {
    expect(legendAt(rows, rows[1].t)).toEqual({ bar: rows[1], previous: rows[0] })
    expect(legendAt(rows, null)).toEqual({ bar: rows[2], previous: rows[1] })
    expect(legendAt(rows, 12345)).toEqual({ bar: rows[2], previous: rows[1] })
    expect(legendAt(rows, rows[0].t)).toEqual({ bar: rows[0], previous: undefined })
    expect(legendAt([], null)).toEqual({ bar: undefined, previous: undefined })
  })
})
