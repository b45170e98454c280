import { describe, expect, it } from 'vitest'
import { chartEvents, splitRatio } from './events'

const days = (...ds: string[]) => ds.map((d) => ({ time: `${d}T00:00:00Z` }))

describe('corporate action events on the chart', () => {
  it('writes split ratios the way they are announced', () => {
    expect(splitRatio(4)).toBe('4:1')
    expect(splitRatio(1.5)).toBe('1.5:1')
    expect(splitRatio(0.1)).toBe('1:10')
  })

  it('puts an action on the daily bar of its day, a dividend and a split on the same day both', () => {
    const bars = days('2024-01-02', '2024-01-03', '2024-01-04')
    const events = chartEvents([{ date: '2024-01-03T00:00:00Z', dividend: 0.24, split: 4 }], bars)
    expect(events).toEqual([
      { time: '2024-01-03T00:00:00Z', kind: 'split', label: 'Split 4:1' },
      { time: '2024-01-03T00:00:00Z', kind: 'dividend', label: 'Dividend 0.24' },
    ])
  })

  it('puts it on the first intraday bar of its day', () => {
    const bars = [{ time: '2024-01-02T20:00:00Z' }, { time: '2024-01-03T14:30:00Z' }, { time: '2024-01-03T15:30:00Z' }]
    expect(chartEvents([{ date: '2024-01-03T00:00:00Z', dividend: 0.1234, split: null }], bars)).toEqual([
      { time: '2024-01-03T14:30:00Z', kind: 'dividend', label: 'Dividend 0.1234' },
    ])
  })

  it('puts it on the weekly bar whose week holds the day, and leaves out what lies outside the loaded bars', () => {
    const weeks = days('2024-01-01', '2024-01-08', '2024-01-15')
    const actions = [
      { date: '2023-12-20T00:00:00Z', dividend: 1, split: null },
      { date: '2024-01-10T00:00:00Z', dividend: null, split: 2 },
      { date: '2024-01-19T00:00:00Z', dividend: 0.5, split: null },
      { date: '2024-01-25T00:00:00Z', dividend: 0.5, split: null },
    ]
    expect(chartEvents(actions, weeks).map((e) => [e.time.slice(0, 10), e.label])).toEqual([
      ['2024-01-08', 'Split 2:1'],
      ['2024-01-15', 'Dividend 0.50'],
    ])
    expect(chartEvents(actions, [])).toEqual([])
  })
})
