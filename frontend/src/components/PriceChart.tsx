import { useEffect, useRef, useState } from 'react'
import {
  CandlestickSeries, ColorType, createChart, HistogramSeries, LineSeries, PriceScaleMode,
  type IChartApi, type ISeriesApi, type MouseEventParams, type UTCTimestamp,
} from 'lightweight-charts'
import { useAppSelector } from '../app/hooks'
import { selectTheme } from '../features/theme/themeSlice'
import { fmtInt, fmtPrice } from '../utils/format'

export type Candle = { time: string; open: number; high: number; low: number; close: number; volume?: number | null }
export type LinePoint = { time: string; value: number | null }
export type Line = { id: string; label: string; color: string; points: LinePoint[] }

const ts = (iso: string) => Math.floor(new Date(iso).getTime() / 1000) as UTCTimestamp

/** Sorted and de-duplicated by time, as lightweight-charts demands strictly increasing times. */
function ordered<T extends { time: string }>(rows: T[]): (T & { t: UTCTimestamp })[] {
  const out = rows.map((r) => ({ ...r, t: ts(r.time) })).filter((r) => Number.isFinite(r.t))
  out.sort((a, b) => a.t - b.t)
  return out.filter((r, i) => i === 0 || r.t !== out[i - 1].t)
}

const noLines: Line[] = []

type Props = {
  candles?: Candle[]
  lines?: Line[]
  height?: number
  label: string
  percent?: boolean
  /** Decimals of the price axis and the legend. */
  precision?: number
  logScale?: boolean
  /** A change of view (symbol, interval, range) refits the chart; new data under the same key keeps what is on screen. */
  viewKey?: string
  /** Called when the user scrolls to the oldest loaded bar, to load the page before it. */
  onNeedOlder?: () => void
}

/**
 * The one wrapper around TradingView lightweight-charts: candlesticks with volume underneath and an OHLC+V legend that
 * follows the crosshair, and/or line series. The canvas is described for screen readers by `label`; the data itself
 * is in the page's tables and the CSV export.
 */
export function PriceChart({ candles, lines = noLines, height = 360, label, percent = false, precision = 2, logScale = false, viewKey, onNeedOlder }: Props) {
  const el = useRef<HTMLDivElement>(null)
  const chartRef = useRef<IChartApi | null>(null)
  const candleRef = useRef<ISeriesApi<'Candlestick'> | null>(null)
  const volumeRef = useRef<ISeriesApi<'Histogram'> | null>(null)
  const lineRefs = useRef<ISeriesApi<'Line'>[]>([])
  const shown = useRef<{ key?: string; count: number; first?: number }>({ count: 0 })
  const byTime = useRef(new Map<number, Candle>())
  const needOlder = useRef(onNeedOlder)
  const [hover, setHover] = useState<Candle | null>(null)
  const theme = useAppSelector(selectTheme)

  useEffect(() => {
    needOlder.current = onNeedOlder
  }, [onNeedOlder])

  useEffect(() => {
    if (!el.current) return
    const dark = theme === 'dark'
    const chart = createChart(el.current, {
      autoSize: true,
      layout: { background: { type: ColorType.Solid, color: 'transparent' }, textColor: dark ? '#cbd5e1' : '#334155', attributionLogo: false },
      grid: { vertLines: { color: dark ? '#1e293b' : '#e2e8f0' }, horzLines: { color: dark ? '#1e293b' : '#e2e8f0' } },
      rightPriceScale: { borderColor: dark ? '#334155' : '#cbd5e1' },
      timeScale: { borderColor: dark ? '#334155' : '#cbd5e1', timeVisible: true },
    })
    chartRef.current = chart
    const onMove = (p: MouseEventParams) => setHover(p.time === undefined ? null : byTime.current.get(p.time as number) ?? null)
    chart.subscribeCrosshairMove(onMove)
    chart.timeScale().subscribeVisibleLogicalRangeChange((range) => {
      if (range && range.from < 5 && shown.current.count > 0) needOlder.current?.()
    })
    return () => {
      chart.remove()
      chartRef.current = null
      candleRef.current = null
      volumeRef.current = null
      lineRefs.current = []
      shown.current = { count: 0 }
    }
  }, [theme])

  useEffect(() => {
    // Percent charts format their whole axis; a price chart formats its candles only, so volume keeps its own format.
    if (percent) chartRef.current?.applyOptions({ localization: { priceFormatter: (p: number) => `${(p * 100).toFixed(1)}%` } })
    chartRef.current?.priceScale('right').applyOptions({ mode: logScale ? PriceScaleMode.Logarithmic : PriceScaleMode.Normal })
  }, [percent, precision, logScale, theme])

  useEffect(() => {
    const chart = chartRef.current
    if (!chart) return
    const rows = ordered(candles ?? [])
    byTime.current = new Map(rows.map((r) => [r.t as number, r]))
    if (rows.length && !candleRef.current) {
      candleRef.current = chart.addSeries(CandlestickSeries, {
        upColor: '#059669', downColor: '#e11d48', borderVisible: false, wickUpColor: '#059669', wickDownColor: '#e11d48',
      })
    }
    const candle = candleRef.current
    if (!candle) return
    candle.applyOptions({ priceFormat: { type: 'custom', minMove: 10 ** -precision, formatter: (p: number) => fmtPrice(p, precision) } })
    const before = chart.timeScale().getVisibleLogicalRange()
    candle.setData(rows.map((r) => ({ time: r.t, open: r.open, high: r.high, low: r.low, close: r.close })))
    if (rows.some((r) => r.volume)) {
      if (!volumeRef.current) {
        volumeRef.current = chart.addSeries(HistogramSeries, { priceScaleId: 'volume', priceFormat: { type: 'volume' } })
        chart.priceScale('volume').applyOptions({ scaleMargins: { top: 0.8, bottom: 0 } })
        candle.priceScale().applyOptions({ scaleMargins: { top: 0.05, bottom: 0.25 } })
      }
      volumeRef.current.setData(rows.map((r) => ({ time: r.t, value: r.volume ?? 0, color: r.close >= r.open ? 'rgba(5,150,105,0.45)' : 'rgba(225,29,72,0.45)' })))
    }
    // Older bars arrived at the front: shift the view by as many bars so what the user looks at stays put.
    const added = rows.length - shown.current.count
    const sameView = shown.current.key === viewKey && shown.current.count > 0 && before
    if (sameView && rows.length && rows[0].t < (shown.current.first ?? 0)) {
      chart.timeScale().setVisibleLogicalRange({ from: before.from + added, to: before.to + added })
    } else if (!sameView) {
      chart.timeScale().fitContent()
    }
    shown.current = { key: viewKey, count: rows.length, first: rows[0]?.t }
  }, [candles, precision, viewKey, theme])

  useEffect(() => {
    const chart = chartRef.current
    if (!chart) return
    for (const s of lineRefs.current) chart.removeSeries(s)
    lineRefs.current = lines.map((line) => {
      const s = chart.addSeries(LineSeries, { color: line.color, lineWidth: 2, title: line.label, priceLineVisible: false, lastValueVisible: false, crosshairMarkerVisible: false })
      if (!percent) s.applyOptions({ priceFormat: { type: 'custom', minMove: 10 ** -precision, formatter: (p: number) => fmtPrice(p, precision) } })
      s.setData(ordered(line.points.filter((p) => p.value !== null && Number.isFinite(p.value))).map((p) => ({ time: p.t, value: p.value as number })))
      return s
    })
    if (!candles?.length) chart.timeScale().fitContent()
  }, [lines, candles, theme, percent, precision])

  const rows = candles ?? []
  const legend = hover ?? rows[rows.length - 1]
  return (
    <div className="relative">
      {legend && <Legend bar={legend} previous={previousOf(rows, legend)} precision={precision} />}
      <div ref={el} role="img" aria-label={label} style={{ height }} className="w-full min-w-0" />
    </div>
  )
}

function previousOf(rows: Candle[], bar: Candle): Candle | undefined {
  const i = rows.findIndex((r) => r.time === bar.time)
  return i > 0 ? rows[i - 1] : undefined
}

function Legend({ bar, previous, precision }: { bar: Candle; previous?: Candle; precision: number }) {
  const change = previous ? (bar.close - previous.close) / previous.close : null
  const up = bar.close >= bar.open
  return (
    <div data-testid="chart-legend" className="num pointer-events-none absolute left-2 top-1 z-10 flex flex-wrap gap-x-3 text-xs text-slate-700 dark:text-slate-300">
      <span>{bar.time.slice(0, 16).replace('T', ' ')}</span>
      <span>O <b className={up ? 'text-emerald-700 dark:text-emerald-400' : 'text-rose-700 dark:text-rose-400'}>{fmtPrice(bar.open, precision)}</b></span>
      <span>H <b>{fmtPrice(bar.high, precision)}</b></span>
      <span>L <b>{fmtPrice(bar.low, precision)}</b></span>
      <span>C <b>{fmtPrice(bar.close, precision)}</b></span>
      {bar.volume != null && <span>V <b>{fmtInt(bar.volume)}</b></span>}
      {change !== null && Number.isFinite(change) && <span>{change >= 0 ? '+' : ''}{(change * 100).toFixed(2)}%</span>}
    </div>
  )
}
