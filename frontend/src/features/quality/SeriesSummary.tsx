import { Metric, MetricGrid } from '../../components/Metric'
import { fmtInt, fmtPercent, fmtTime } from '../../utils/format'
import type { SeriesQuality } from './qualityApi'
import { QualityScore } from './QualityScore'

/** The score and the three factors it is the product of (docs/data-quality.md, "Score"), with the counts behind them. */
export function SeriesSummary({ series: s }: { series: SeriesQuality }) {
  return (
    <>
      <MetricGrid label={`Quality of ${s.symbol} ${s.interval}`}>
        <Metric label="Score" value={<QualityScore score={s.score} />} hint={`${fmtInt(s.openFindings)} open finding${s.openFindings === 1 ? '' : 's'}`} />
        <Metric label="Coverage" value={fmtPercent(s.coverage, 1)} hint={`${fmtInt(s.missingBars)} of ${fmtInt(s.expectedBars)} expected bars missing`} />
        <Metric label="Sanity" value={fmtPercent(s.sanity, 1)} hint={`${fmtInt(s.suspectBars)} of ${fmtInt(s.storedBars)} stored bars suspect`} />
        <Metric label="Freshness" value={fmtPercent(s.freshness, 1)} hint={`newest bar ${fmtTime(s.lastBar)}`} />
      </MetricGrid>
      <p className="mt-2 text-xs text-slate-600 dark:text-slate-400">
        Calendar {s.calendar} · checked {fmtTime(s.checkedAt)}
      </p>
    </>
  )
}
