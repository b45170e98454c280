import { Link } from 'react-router'
import { qualityPath } from './qualityPath'
import { fmtScore, levelLook, qualityLevel } from './qualityLevel'
import { useGetAssetQualityQuery, type SeriesQuality } from './qualityApi'

/** A link to the series on the Data quality page: "Quality 97.5 good · 1d". */
export function QualityBadge({ series }: { series: Pick<SeriesQuality, 'symbol' | 'interval' | 'score'> }) {
  const level = qualityLevel(series.score)
  return (
    <Link to={qualityPath(series)} data-level={level} title={`Data quality of ${series.symbol} ${series.interval}: findings and score`}
      className={`inline-flex items-baseline gap-1 whitespace-nowrap rounded-full border px-2 py-0.5 text-xs font-medium underline-offset-2 hover:underline ${levelLook[level]}`}>
      Quality <span className="num">{fmtScore(series.score)}</span> {level} <span aria-hidden="true">·</span> {series.interval}
    </Link>
  )
}

/**
 * The badge of one asset's series at `interval`, or of its finest checked series when that interval is not checked
 * (coarser intervals are resampled from a stored one). Nothing while loading, when no series is checked yet, or when the
 * request fails: the badge is a pointer to the Data quality page, which shows the error itself.
 */
export function AssetQualityBadge({ symbol, interval }: { symbol: string; interval: string }) {
  const { data } = useGetAssetQualityQuery(symbol)
  const series = data?.series.find((s) => s.interval === interval) ?? data?.series[0]
  return series ? <QualityBadge series={series} /> : null
}
