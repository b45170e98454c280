import type { CorporateAction } from '../../api/schemas'

/** A dividend or a split placed on the loaded bar that holds its day. */
export type ChartEvent = { time: string; kind: 'dividend' | 'split'; label: string }

const day = 86_400_000

/** 4 → "4:1", a 1-for-10 reverse split (0.1) → "1:10". */
export function splitRatio(split: number): string {
  const short = (v: number) => String(Number(v.toFixed(4)))
  return split >= 1 ? `${short(split)}:1` : `1:${short(1 / split)}`
}

function dividendLabel(amount: number): string {
  return `Dividend ${amount.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 4 })}`
}

/**
 * Places each action on a loaded bar: the first bar of its day when the bars are daily or finer, otherwise the bar
 * whose bucket holds the day (a week or a month starts before it). Actions outside the loaded bars are left out.
 * `bars` are oldest first.
 */
export function chartEvents(actions: CorporateAction[], bars: { time: string }[]): ChartEvent[] {
  if (bars.length === 0) return []
  const times = bars.map((b) => new Date(b.time).getTime())
  const last = times.length - 1
  const step = last > 0 ? times[last] - times[last - 1] : day
  const out: ChartEvent[] = []
  for (const a of actions) {
    const start = Date.parse(a.date)
    const i = firstAtOrAfter(times, start)
    let at: number
    if (i <= last && times[i] < start + day) at = i
    else if (i === 0) continue
    else if (i <= last || start < times[last] + step) at = i - 1
    else continue
    const time = bars[at].time
    if (a.split) out.push({ time, kind: 'split', label: `Split ${splitRatio(a.split)}` })
    if (a.dividend) out.push({ time, kind: 'dividend', label: dividendLabel(a.dividend) })
  }
  return out.sort((x, y) => Date.parse(x.time) - Date.parse(y.time))
}

function firstAtOrAfter(times: number[], t: number): number {
  let lo = 0
  let hi = times.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (times[mid] < t) lo = mid + 1
    else hi = mid
  }
  return lo
}
