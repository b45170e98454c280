// Test data for the quality specs, shaped as the API sends it.
import type { Finding, SeriesQuality } from './qualityApi'

export const finding = (over: Partial<Finding> = {}): Finding => ({
  id: 1, symbol: 'SYN-A', interval: '1d', kind: 'outlier', barTime: '2024-01-05T00:00:00Z', severity: 'error',
  detail: 'log return 0.412 is 14.2 robust z from the median (k = 10)', bars: 1, quarantined: true, status: 'open',
  decidedBy: null, decidedAt: null, foundAt: '2024-01-06T01:00:00Z', ...over,
})

export const series = (over: Partial<SeriesQuality> = {}): SeriesQuality => ({
  symbol: 'SYN-A', assetType: 'stock', interval: '1d', score: 72, coverage: 0.9, sanity: 0.96, freshness: 0.8333,
  expectedBars: 250, missingBars: 25, storedBars: 225, suspectBars: 9, openFindings: 3, lastBar: '2024-01-08T00:00:00Z',
  calendar: 'XNYS', checkedAt: '2024-01-09T02:00:00Z', findings: [], ...over,
})
