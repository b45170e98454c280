import type { ChartMarker } from '../../components/PriceChart'
import { fmtBarTime, kindName } from './findingText'
import type { Finding } from './qualityApi'

/**
 * Chart markers for the findings that still concern their bar: open ones, and rejected ones (the bar stays
 * quarantined). An accepted bar is right as stored and is not flagged. A marker goes on the first loaded bar at or
 * after its finding's time, as a gap's first missing bar has no bar of its own; findings outside the loaded bars are
 * counted in `outside` instead. `bars` are oldest first.
 */
export function findingMarkers(findings: Finding[], bars: { time: string }[]): { markers: ChartMarker[]; outside: number } {
  const times = bars.map((b) => Date.parse(b.time))
  const markers: ChartMarker[] = []
  let outside = 0
  for (const f of findings) {
    if (f.status === 'accepted') continue
    const t = Date.parse(f.barTime)
    const i = firstAtOrAfter(times, t)
    if (times.length === 0 || t < times[0] || i === times.length) {
      outside++
      continue
    }
    markers.push({
      time: bars[i].time,
      text: kindName(f.kind),
      label: `${kindName(f.kind)} on ${fmtBarTime(f.barTime)}, ${f.status}`,
      tone: f.status === 'rejected' ? 'muted' : f.severity === 'error' ? 'error' : 'warning',
    })
  }
  return { markers: markers.sort((a, b) => Date.parse(a.time) - Date.parse(b.time)), outside }
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
