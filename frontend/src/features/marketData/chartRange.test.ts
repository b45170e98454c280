import { describe, expect, it } from 'vitest'
import { barsToCsv, rangeFrom } from './chartRange'

describe('chart ranges', () => {
  it('count back from the newest bar, and YTD starts on 1 January of its year', () => {
    expect(rangeFrom('5D', '2024-03-15T20:00:00Z')).toBe('2024-03-10T20:00:00.000Z')
    expect(rangeFrom('YTD', '2024-03-15T20:00:00Z')).toBe('2024-01-01T00:00:00Z')
    expect(rangeFrom('All', '2024-03-15T20:00:00Z')).toBeUndefined()
    expect(rangeFrom('1M', undefined)).toBeUndefined()
  })

  it('exports bars as CSV with empty cells for missing values', () => {
    const csv = barsToCsv([{ time: '2024-01-02T00:00:00Z', open: 1, high: 2, low: 0.5, close: 1.5, adjClose: null, volume: 1200 }])
    expect(csv).toBe('time,open,high,low,close,adj_close,volume\n2024-01-02T00:00:00Z,1,2,0.5,1.5,,1200\n')
  })
})
