import { useMemo, useState } from 'react'
import { PriceChart } from '../../components/PriceChart'
import { chartEvents } from '../../components/chart/events'
import { ErrorMessage, Spinner } from '../../components/QueryState'
import { SyntheticBadge } from '../../components/Badges'
import { fmtPrice, fmtTime, priceDecimals } from '../../utils/format'
import { ChartToolbar } from './ChartToolbar'
import { ExportMenu } from './ExportMenu'
import { exportRange, type RangePreset } from './chartRange'
import { useGetCorporateActionsQuery } from './marketDataApi'
import { overlayLines, type OverlayId } from './overlays'
import { useBarPages } from './useBarPages'

/** Candles and volume for one symbol at one interval; resampling happens on the server, older pages load on scroll. */
export function SymbolChart({ symbol, interval, currency, height = 380 }: { symbol: string; interval: string; currency?: string; height?: number }) {
  const [range, setRange] = useState<RangePreset>('All')
  const [logScale, setLogScale] = useState(false)
  const [shownOverlays, setShownOverlays] = useState<OverlayId[]>([])
  const { candles, data, from, viewKey, loading, error, refetch, loadOlder, loadingOlder } = useBarPages(symbol, interval, range, currency || undefined)
  const actions = useGetCorporateActionsQuery({ symbol })
  const lines = useMemo(() => overlayLines(candles, shownOverlays), [candles, shownOverlays])
  const events = useMemo(() => chartEvents(actions.data ?? [], candles), [actions.data, candles])

  if (loading) return <Spinner label={`Loading ${symbol} bars…`} />
  if (error) return <ErrorMessage error={error} title={`Bars for ${symbol} could not be loaded${currency ? ` in ${currency}` : ''}`} onRetry={refetch} />
  if (!data) return null
  const last = candles[candles.length - 1]
  const decimals = priceDecimals(data.assetType, last?.close, data.priceDecimals)
  const toggle = (id: OverlayId) => setShownOverlays((s) => (s.includes(id) ? s.filter((x) => x !== id) : [...s, id]))

  return (
    <div>
      <div className="mb-2 flex flex-wrap items-center gap-x-4 gap-y-1 text-sm">
        <span data-testid="bar-count" data-count={candles.length} className="num">
          {candles.length.toLocaleString('en-US')} bars
        </span>
        {data.baseInterval && data.baseInterval !== data.interval && <span className="text-slate-600 dark:text-slate-400">resampled from {data.baseInterval}</span>}
        {last && (
          <span className="num text-slate-700 dark:text-slate-300">
            last {fmtPrice(last.close, decimals)} {data.currency ?? ''} at {fmtTime(last.time)}
          </span>
        )}
        {data.convertedFrom && <span className="text-slate-600 dark:text-slate-400">converted from {data.convertedFrom} at stored rates</span>}
        {loadingOlder && <span role="status" className="text-slate-600 dark:text-slate-400">loading older bars…</span>}
        <SyntheticBadge show={data.isSynthetic} />
      </div>
      <ChartToolbar range={range} onRange={setRange} logScale={logScale} onLogScale={setLogScale} shown={shownOverlays} onToggle={toggle}>
        <ExportMenu symbol={symbol} interval={interval} currency={currency || undefined} {...exportRange(range, from, candles)} disabled={candles.length === 0} />
      </ChartToolbar>
      {candles.length === 0 ? (
        <p className="rounded-md border border-dashed border-slate-300 p-6 text-center text-sm text-slate-600 dark:border-slate-700 dark:text-slate-400">
          No {interval} bars stored for {symbol}{range === 'All' ? '' : ` in the last ${range}`} yet. Collect data from the asset page or schedule a job.
        </p>
      ) : (
        <PriceChart
          candles={candles}
          lines={lines}
          precision={decimals}
          logScale={logScale}
          events={events}
          viewKey={viewKey}
          onNeedOlder={loadOlder}
          height={height}
          label={`${symbol} ${interval} candlestick chart with volume, ${candles.length} bars${data.isSynthetic ? ', synthetic data' : ''}`}
        />
      )}
    </div>
  )
}
