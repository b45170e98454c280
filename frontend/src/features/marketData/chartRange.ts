import type { Bar } from '../../api/schemas'

export const ranges = ['1D', '5D', '1M', '3M', 'YTD', '1Y', 'All'] as const
export type RangePreset = (typeof ranges)[number]

const days: Record<string, number> = { '1D': 1, '5D': 5, '1M': 30, '3M': 91, '1Y': 365 }

/**
 * Where a range preset starts, counted back from the newest stored bar rather than from now: a series collected up to
 * last month still shows its last month. Undefined for All.
 */
export function rangeFrom(range: RangePreset, newest: string | undefined): string | undefined {
  if (range === 'All' || !newest) return undefined
  const end = new Date(newest)
  if (range === 'YTD') return `${end.getUTCFullYear()}-01-01T00:00:00Z`
  return new Date(end.getTime() - days[range] * 86_400_000).toISOString()
}

export function barsToCsv(bars: Bar[]): string {
  const cell = (v: number | null | undefined) => (v === null || v === undefined ? '' : String(v))
  const lines = bars.map((b) => [b.time, b.open, b.high, b.low, b.close, cell(b.adjClose), cell(b.volume)].join(','))
  return ['time,open,high,low,close,adj_close,volume', ...lines].join('\n') + '\n'
}
