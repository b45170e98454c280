import { useEffect, useMemo, useRef, useState } from 'react'
import {
  CandlestickSeries, ColorType, createChart, createSeriesMarkers, HistogramSeries, LineSeries, PriceScaleMode,
  type IChartApi, type ISeriesApi, type ISeriesMarkersPluginApi, type MouseEventParams, type Time,
} from 'lightweight-charts'
import { useAppSelector } from '../app/hooks'
import { selectTheme } from '../features/theme/themeSlice'
import { fmtPrice } from '../utils/format'
import { ChartLegend } from './chart/ChartLegend'
import type { ChartEvent } from './chart/events'
import { legendAt, ordered, toTimestamp } from './chart/series'

export type Candle = { time: string; open: number; high: number; low: number; close: number; volume?: number | null }
export type LinePoint = { time: string; value: number | null }
export type Line = { id: string; label: string; color: string; points: LinePoint[] }
/**
 * A flag above one loaded bar, such as a data-quality finding: its short `text` is drawn on the chart and its `label`
 * named in the legend while the crosshair is on the bar. The tone picks colour and shape together.
 */
export type ChartMarker = { time: string; text: string; label: string; tone: 'error' | 'warning' | 'muted' }

const noLines: Line[] = []
const noEvents: ChartEvent[] = []
const noMarkers: ChartMarker[] = []

// Marker colours keep 3:1 against the chart's background in each theme (WCAG 1.4.11, non-text contrast).
const eventColors = {
  light: { dividend: '#0369a1', split: '#b45309' },
  dark: { dividend: '#38bdf8', split: '#fbbf24' },
}
const markerColors = {
  light: { error: '#be123c', warning: '#a16207', muted: '#475569' },
  dark: { error: '#fb7185', warning: '#facc15', muted: '#94a3b8' },
}
// Each tone has its own shape too, so a marker is told apart without its colour.
const markerShapes = { error: 'arrowDown', warning: 'circle', muted: 'square' } as const

type Props = {
  candles?: Candle[]
  lines?: Line[]
  height?: number
  label: string
  percent?: boolean
  /** Decimals of the price axis and the legend. */
  precision?: number
  logScale?: boolean
  /** Dividends and splits, drawn as markers on their bars and named in the legend. */
  events?: ChartEvent[]
  /** Flags on bars beyond dividends and splits, e.g. data-quality findings. */
  markers?: ChartMarker[]
  /** A change of view (symbol, interval, range) refits the chart; new data under the same key keeps what is on screen. */
  viewKey?: string
  /** Called when the user scrolls to the oldest loaded bar, to load the page before it. */
  onNeedOlder?: () => void
}

/**
 * The one wrapper around TradingView lightweight-charts: candlesticks with volume underneath, an OHLC+V legend that
 * follows the crosshair and dividend and split markers, and/or line series. The canvas is described for screen
 * readers by `label`; the data itself is in the page's tables and the exports.
 */
export function PriceChart({ candles, lines = noLines, height = 360, label, percent = false, precision = 2, logScale = false, events = noEvents, markers = noMarkers, viewKey, onNeedOlder }: Props) {
  const el = useRef<HTMLDivElement>(null)
  const chartRef = useRef<IChartApi | null>(null)
  const candleRef = useRef<ISeriesApi<'Candlestick'> | null>(null)
  const volumeRef = useRef<ISeriesApi<'Histogram'> | null>(null)
  const markersRef = useRef<ISeriesMarkersPluginApi<Time> | null>(null)
  const lineRefs = useRef<ISeriesApi<'Line'>[]>([])
  const shown = useRef<{ key?: string; count: number; first?: number }>({ count: 0 })
  const needOlder = useRef(onNeedOlder)
  const [hover, setHover] = useState<number | null>(null)
  const theme = useAppSelector(selectTheme)
  const rows = useMemo(() => ordered(candles ?? []), [candles])

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
    chart.subscribeCrosshairMove((p: MouseEventParams) => setHover(p.time === undefined ? null : (p.time as number)))
    chart.timeScale().subscribeVisibleLogicalRangeChange((range) => {
      if (range && range.from < 5 && shown.current.count > 0) needOlder.current?.()
    })
    return () => {
      chart.remove()
      chartRef.current = null
      candleRef.current = null
      volumeRef.current = null
      markersRef.current = null
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
  }, [rows, precision, viewKey, theme])

  useEffect(() => {
    const candle = candleRef.current
    if (!candle) return
    const look = theme === 'dark' ? 'dark' : 'light'
    const colors = eventColors[look]
    const onBars = events.map((e) => ({
      time: toTimestamp(e.time),
      position: e.kind === 'split' ? ('aboveBar' as const) : ('belowBar' as const),
      shape: e.kind === 'split' ? ('square' as const) : ('circle' as const),
      color: colors[e.kind],
      text: e.kind === 'split' ? 'S' : 'D',
    }))
    const flags = markers.map((m) => ({
      time: toTimestamp(m.time), position: 'aboveBar' as const, shape: markerShapes[m.tone], color: markerColors[look][m.tone], text: m.text,
    }))
    markersRef.current ??= createSeriesMarkers(candle, [])
    // The plugin finds the visible markers by a binary search over their times: they must be in time order.
    markersRef.current.setMarkers([...onBars, ...flags].sort((a, b) => a.time - b.time))
  }, [events, markers, rows, theme])

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
    if (!rows.length) chart.timeScale().fitContent()
  }, [lines, rows, theme, percent, precision])

  const { bar, previous } = legendAt(rows, hover)
  const barEvents = bar ? [...events, ...markers].filter((e) => toTimestamp(e.time) === bar.t).map((e) => e.label) : []
  return (
    <div className="relative">
      {bar && <ChartLegend bar={bar} previous={previous} precision={precision} events={barEvents} />}
      {/* The canvas follows its box by a resize observer, a frame late: clipped, a canvas sized for the previous layout never widens the page. */}
      <div ref={el} role="img" aria-label={label} style={{ height }} className="w-full min-w-0 overflow-hidden" />
    </div>
  )
}
