import { describe, expect, it } from 'vitest'
import { findingMarkers } from './findingMarkers'
import { finding } from './qualityFixtures'

const bars = ['2024-01-02', '2024-01-03', '2024-01-05', '2024-01-08'].map((d) => ({ time: `${d}T00:00:00Z` }))

describe('findingMarkers', () => {
  it('flags open and rejected findings on their bars, a gap on the bar after it, and leaves accepted ones unflagged', () => {
    const { markers, outside } = findingMarkers([
      finding({ id: 1, kind: 'outlier', severity: 'error', barTime: '2024-01-05T00:00:00Z' }),
      finding({ id: 2, kind: 'gap', severity: 'warning', barTime: '2024-01-04T00:00:00Z' }),
      finding({ id: 3, kind: 'ohlc', severity: 'error', barTime: '2024-01-02T00:00:00Z', status: 'rejected' }),
      finding({ id: 4, kind: 'unit', severity: 'error', barTime: '2024-01-03T00:00:00Z', status: 'accepted' }),
    ], bars)
    expect(markers).toEqual([
      { time: '2024-01-02T00:00:00Z', text: 'OHLC', label: 'OHLC on 2024-01-02, rejected', tone: 'muted' },
      { time: '2024-01-05T00:00:00Z', text: 'outlier', label: 'outlier on 2024-01-05, open', tone: 'error' },
      { time: '2024-01-05T00:00:00Z', text: 'gap', label: 'gap on 2024-01-04, open', tone: 'warning' },
    ])
    expect(outside).toBe(0)
  })

  it('counts findings before the first or after the last loaded bar instead of flagging them', () => {
    const { markers, outside } = findingMarkers([
      finding({ barTime: '2023-12-29T00:00:00Z' }),
      finding({ barTime: '2024-01-09T00:00:00Z' }),
      finding({ barTime: '2024-01-08T00:00:00Z', kind: 'stale', severity: 'warning' }),
    ], bars)
    expect(markers.map((m) => m.time)).toEqual(['2024-01-08T00:00:00Z'])
    expect(outside).toBe(2)
    expect(findingMarkers([finding()], []).outside).toBe(1)
  })
})
