import { useState } from 'react'
import { useSearchParams } from 'react-router'
import { Card, PageHeader } from '../../components/Card'
import { SeriesDetail } from './SeriesDetail'
import { SeriesList } from './SeriesList'

/**
 * Data quality: every checked series by score, worst first; one series (`?symbol=…&interval=…`, so a link opens it)
 * with its bars, the findings flagged on them and the decisions to take.
 */
export default function QualityPage() {
  const [params] = useSearchParams()
  const symbol = params.get('symbol')
  const interval = params.get('interval')
  const selected = symbol && interval ? { symbol, interval } : null
  const [picked, setPicked] = useState(false)

  return (
    <>
      <PageHeader title="Data quality" />
      <p className="-mt-2 mb-4 max-w-3xl text-sm text-slate-700 dark:text-slate-300">
        Market data is checked as it arrives. Bars a check doubts (OHLC, outlier, unit) are quarantined and left out of
        charts and analytics until someone accepts them; gaps, stale and flat series lower the score without quarantine.
      </p>
      <div className="grid grid-cols-1 gap-4 xl:grid-cols-5">
        <Card id="series-list" title="Series by score" className="xl:col-span-2">
          <SeriesList selected={selected} onPick={() => setPicked(true)} />
        </Card>
        <div className="min-w-0 xl:col-span-3">
          {selected ? (
            <SeriesDetail key={`${selected.symbol}|${selected.interval}`} symbol={selected.symbol} interval={selected.interval} focus={picked} />
          ) : (
            <Card id="series-none" title="Series">
              <p className="text-sm">Choose a series in the list to see its bars, its findings and to accept or reject them.</p>
            </Card>
          )}
        </div>
      </div>
    </>
  )
}
