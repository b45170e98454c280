export const chartIntervals = ['1m', '5m', '15m', '30m', '1h', '1d', '1wk', '1mo'] as const
export type ChartInterval = (typeof chartIntervals)[number]

export const intervalLabel: Record<string, string> = {
  '1m': '1 minute', '5m': '5 minutes', '15m': '15 minutes', '30m': '30 minutes', '1h': '1 hour', '1d': '1 day', '1wk': '1 week', '1mo': '1 month',
}
