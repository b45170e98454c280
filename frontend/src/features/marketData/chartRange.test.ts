import { describe, expect, it } from 'vitest'
import { exportRange, rangeFrom } from './chartRange'

describe('chart ranges', () => {
  it('count back from the newest bar, and YTD starts on 1 January of its year', () => {
    expect(rangeFrom('5D', '2024-03-15T20:00:00Z')).toBe('2024-03-10T20:00:00.000Z')
    expect(rangeFrom('YTD', '2024-03-15T20:00:00Z')).toBe('2024-01-01T00:00:00Z')
    expect(rangeFrom('All', '2024-03-15T20:00:00Z')).toBeUndefined()
    expect(rangeFrom('1M', undefined)).toBeUndefined()
  })

  it('exports what the chart shows: the preset or the older pages loaded past it, up to the newest bar', () => {
    const bars = [{ time: '2024-03-01T00:00:00Z' }, { time: '2024-03-15T00:00:00Z' }]
    expect(exportRange('All', undefined, bars)).toEqual({ to: '2024-03-15T00:00:00Z' })
    expect(exportRange('1M', '2024-02-14T00:00:00.000Z', bars)).toEqual({ from: '2024-02-14T00:00:00.000Z', to: '2024-03-15T00:00:00Z' })
    expect(exportRange('5D', '2024-03-10T00:00:00.000Z', bars)).toEqual({ from: '2024-03-01T00:00:00Z', to: '2024-03-15T00:00:00Z' })
    expect(exportRange('1Y', undefined, [])).toEqual({ from: undefined, to: undefined })
  })
})
