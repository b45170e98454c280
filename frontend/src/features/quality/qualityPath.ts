/** The Data quality page opened on one series: the URL carries it, so the link can be shared. */
export const qualityPath = (s: { symbol: string; interval: string }) => `/quality?${new URLSearchParams({ symbol: s.symbol, interval: s.interval })}`
