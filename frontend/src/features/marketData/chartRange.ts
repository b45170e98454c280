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

/**
 * The range an export covers: what the chart shows, older pages included, up to the newest loaded bar. All starts at
 * the beginning of history; a preset at its start or at the oldest loaded bar, whichever is earlier.
 */
export function exportRange(range: RangePreset, presetFrom: string | undefined, bars: { time: string }[]): { from?: string; to?: string } {
  const to = bars[bars.length - 1]?.time
  if (range === 'All') return { to }
  const oldest = bars[0]?.time
  const from = presetFrom && oldest ? (Date.parse(presetFrom) <= Date.parse(oldest) ? presetFrom : oldest) : presetFrom ?? oldest
  return { from, to }
}
