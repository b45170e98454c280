import type { Bar } from '../../api/schemas'

/**
 * The inclusive `to` of the page before the oldest loaded bar: one millisecond earlier, so that bar is not asked
 * for again (the bars API keeps the newest `limit` bars of [from, to], both ends inclusive).
 */
export function pageBefore(oldest: string): string {
  return new Date(new Date(oldest).getTime() - 1).toISOString()
}

/** Pages of bars as one series, oldest first, each time once: where pages overlap the newer page's bar wins. */
export function mergeBars(...pages: Bar[][]): Bar[] {
  const byTime = new Map<number, Bar>()
  for (const page of pages) for (const bar of page) byTime.set(new Date(bar.time).getTime(), bar)
  return [...byTime.entries()].sort((a, b) => a[0] - b[0]).map(([, bar]) => bar)
}
