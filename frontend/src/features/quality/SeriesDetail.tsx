import { useEffect, useRef } from 'react'
import { Link } from 'react-router'
import { QueryState } from '../../components/QueryState'
import { FindingsTable } from './FindingsTable'
import { qualityPath } from './qualityPath'
import { useGetAssetQualityQuery } from './qualityApi'
import { SeriesChart } from './SeriesChart'
import { SeriesSummary } from './SeriesSummary'

type Props = { symbol: string; interval: string; focus: boolean }

/** One series: its score, its bars with the findings flagged, and the findings to decide. */
export function SeriesDetail({ symbol, interval, focus }: Props) {
  const quality = useGetAssetQualityQuery(symbol)
  const heading = useRef<HTMLHeadingElement>(null)
  // Someone who picked a series from the list lands on it; a shared link leaves focus where the page starts.
  useEffect(() => {
    if (focus) heading.current?.focus()
  }, [focus, symbol, interval])

  return (
    <section aria-labelledby="series-detail-title" className="min-w-0 rounded-lg border border-slate-200 bg-white p-4 shadow-sm dark:border-slate-800 dark:bg-slate-900">
      <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
        <h2 id="series-detail-title" ref={heading} tabIndex={-1} className="text-base font-semibold focus:outline-none">{symbol} {interval}</h2>
        <Link to={`/assets/${encodeURIComponent(symbol)}`} className="text-sm text-sky-800 underline underline-offset-2 dark:text-sky-300">
          Asset page <span className="sr-only">of {symbol}</span>
        </Link>
      </div>
      <QueryState query={quality} loadingLabel={`Loading the quality of ${symbol}…`}>
        {(q) => {
          const series = q.series.find((s) => s.interval === interval)
          if (!series) {
            return (
              <p className="text-sm">
                {symbol} {interval} has not been checked yet: its bars are checked when they are next loaded.
                {q.series.length > 0 && <> Checked: {q.series.map((s, i) => <span key={s.interval}>{i > 0 && ', '}<Link to={qualityPath(s)} className="text-sky-800 underline dark:text-sky-300"><span className="sr-only">{symbol}</span> {s.interval}</Link></span>)}.</>}
              </p>
            )
          }
          return (
            <div className="space-y-4">
              <SeriesSummary series={series} />
              <SeriesChart symbol={q.symbol} interval={interval} findings={series.findings} />
              <div>
                <h3 className="mb-2 text-sm font-semibold">Findings</h3>
                <FindingsTable symbol={q.symbol} interval={interval} />
              </div>
            </div>
          )
        }}
      </QueryState>
    </section>
  )
}
