import type { UTCTimestamp } from 'lightweight-charts'

export const toTimestamp = (iso: string) => Math.floor(new Date(iso).getTime() / 1000) as UTCTimestamp

/** Sorted and de-duplicated by time, as lightweight-charts demands strictly increasing times. */
export function ordered<T extends { time: string }>(rows: T[]): (T & { t: UTCTimestamp })[] {
  const out = rows.map((r) => ({ ...r, t: toTimestamp(r.time) })).filter((r) => Number.isFinite(r.t))
  out.sort((a, b) => a.t - b.t)
  return out.filter((r, i) => i === 0 || r.t !== out[i - 1].t)
}

/** The bar the legend shows and the one before it: the bar under the crosshair, else the newest. */
export function legendAt<T extends { t: number }>(rows: T[], hover: number | null): { bar?: T; previous?: T } {
  const i = hover === null ? -1 : rows.findIndex((r) => r.t === hover)
  const at = i >= 0 ? i : rows.length - 1
  return { bar: rows[at], previous: at > 0 ? rows[at - 1] : undefined }
}
