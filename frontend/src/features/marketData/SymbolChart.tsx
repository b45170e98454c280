import { useCallback, useEffect, useMemo, useState } from 'react'
import { PriceChart, type Line } from '../../components/PriceChart'
import { bollinger, ema, sma } from '../../components/chart/indicators'
import { ErrorMessage, Spinner } from '../../components/QueryState'
import { SyntheticBadge } from '../../components/Badges'
import type { Bar } from '../../api/schemas'
import { fmtPrice, fmtTime, priceDecimals } from '../../utils/format'
import { useGetBarsQuery, useLazyGetBarsQuery } from './marketDataApi'
import { barsToCsv, rangeFrom, ranges, type RangePreset } from './chartRange'

const PageSize = 1000
const overlays = [
  { id: 'sma20', label: 'SMA 20', color: '#d97706' },
  { id: 'ema50', label: 'EMA 50', color: '#7c3aed' },
  { id: 'bb20', label: 'Bollinger 20, 2', color: '#0284c7' },
] as const
type OverlayId = (typeof overlays)[number]['id']

/** Candles and volume for one symbol at one interval; resampling happens on the server, older pages load on scroll. */
export function SymbolChart({ symbol, interval, height = 380 }: { symbol: string; interval: string; height?: number }) {
  const [range, setRange] = useState<RangePreset>('All')
  const [logScale, setLogScale] = useState(false)
  const [shownOverlays, setShownOverlays] = useState<OverlayId[]>([])
  const [older, setOlder] = useState<{ key: string; bars: Bar[]; exhausted: boolean }>({ key: '', bars: [], exhausted: false })

  // Presets count back from the newest bar; All needs no anchor, so it asks for none.
  const latest = useGetBarsQuery({ symbol, interval, limit: 1 }, { skip: range === 'All' })
  const anchor = latest.data?.bars[0]?.time
  const from = rangeFrom(range, anchor)
  const bars = useGetBarsQuery({ symbol, interval, from, limit: PageSize }, { skip: range !== 'All' && !anchor })
  const [loadPage, page] = useLazyGetBarsQuery()
  const viewKey = `${symbol}|${interval}|${range}`

  useEffect(() => setOlder({ key: viewKey, bars: [], exhausted: false }), [viewKey])

  const candles = useMemo(() => {
    const first = bars.data?.bars ?? []
    return older.key === viewKey ? [...older.bars, ...first] : first
  }, [bars.data, older, viewKey])

  const loadOlder = useCallback(() => {
    const oldest = candles[0]
    const firstPageFull = (bars.data?.bars.length ?? 0) >= PageSize
    if (!oldest || page.isFetching || older.exhausted || !firstPageFull) return
    const to = new Date(new Date(oldest.time).getTime() - 1000).toISOString()
    void loadPage({ symbol, interval, from, to, limit: PageSize }).unwrap().then((r) =>
      setOlder((o) => (o.key === viewKey ? { key: viewKey, bars: [...r.bars, ...o.bars], exhausted: r.bars.length < PageSize } : o)),
    ).catch(() => undefined)
  }, [candles, bars.data, page.isFetching, older.exhausted, loadPage, symbol, interval, from, viewKey])

  const lines = useMemo(() => overlayLines(candles, shownOverlays), [candles, shownOverlays])

  if (bars.isLoading || latest.isLoading) return <Spinner label={`Loading ${symbol} bars…`} />
  const error = bars.error ?? latest.error
  if (error) return <ErrorMessage error={error} title={`Bars for ${symbol} could not be loaded`} onRetry={() => void bars.refetch()} />
  const data = bars.data ?? latest.data
  if (!data) return null
  const last = candles[candles.length - 1]
  const decimals = priceDecimals(data.assetType, last?.close)
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
        {page.isFetching && <span role="status" className="text-slate-600 dark:text-slate-400">loading older bars…</span>}
        <SyntheticBadge show={data.isSynthetic} />
      </div>
      <div className="mb-2 flex flex-wrap items-center gap-x-4 gap-y-2 text-xs">
        <fieldset className="flex flex-wrap gap-1">
          <legend className="sr-only">Chart range</legend>
          {ranges.map((r) => (
            <label key={r} className="cursor-pointer">
              <input type="radio" name={`range-${symbol}`} value={r} checked={range === r} onChange={() => setRange(r)} className="peer sr-only" />
              <span className="inline-block rounded-md border border-slate-300 px-2 py-1 font-medium peer-checked:border-sky-700 peer-checked:bg-sky-700 peer-checked:text-white peer-focus-visible:outline-2 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-sky-600 dark:border-slate-700 dark:peer-checked:border-sky-400 dark:peer-checked:bg-sky-700">
                {r}
              </span>
            </label>
          ))}
        </fieldset>
        <label className="flex items-center gap-1">
          <input type="checkbox" checked={logScale} onChange={(e) => setLogScale(e.target.checked)} /> Log scale
        </label>
        {overlays.map((o) => (
          <label key={o.id} className="flex items-center gap-1">
            <input type="checkbox" checked={shownOverlays.includes(o.id)} onChange={() => toggle(o.id)} />
            <span aria-hidden="true" className="inline-block h-0.5 w-3" style={{ background: o.color }} /> {o.label}
          </label>
        ))}
        <button
          type="button"
          disabled={candles.length === 0}
          onClick={() => download(`${symbol}-${interval}.csv`, barsToCsv(candles))}
          className="rounded-md border border-slate-300 px-2 py-1 font-medium hover:bg-slate-100 disabled:opacity-50 dark:border-slate-700 dark:hover:bg-slate-800"
        >
          Export CSV
        </button>
      </div>
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
          viewKey={viewKey}
          onNeedOlder={loadOlder}
          height={height}
          label={`${symbol} ${interval} candlestick chart with volume, ${candles.length} bars${data.isSynthetic ? ', synthetic data' : ''}`}
        />
      )}
    </div>
  )
}

function overlayLines(candles: Bar[], shown: OverlayId[]): Line[] {
  const out: Line[] = []
  const color = (id: OverlayId) => overlays.find((o) => o.id === id)!.color
  if (shown.includes('sma20')) out.push({ id: 'sma20', label: 'SMA 20', color: color('sma20'), points: sma(candles, 20) })
  if (shown.includes('ema50')) out.push({ id: 'ema50', label: 'EMA 50', color: color('ema50'), points: ema(candles, 50) })
  if (shown.includes('bb20')) {
    const { upper, lower } = bollinger(candles, 20, 2)
    out.push({ id: 'bb20u', label: 'BB upper', color: color('bb20'), points: upper }, { id: 'bb20l', label: 'BB lower', color: color('bb20'), points: lower })
  }
  return out
}

function download(name: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv' }))
  const a = document.createElement('a')
  a.href = url
  a.download = name
  a.click()
  URL.revokeObjectURL(url)
}
