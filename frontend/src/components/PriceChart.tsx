import { useEffect, useRef } from 'react'
import { CandlestickSeries, ColorType, createChart, HistogramSeries, LineSeries, type IChartApi, type UTCTimestamp } from 'lightweight-charts'
import { useAppSelector } from '../app/hooks'
import { selectTheme } from '../features/theme/themeSlice'

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

/**
 * The one wrapper around TradingView lightweight-charts: candlesticks with volume underneath, and/or line series.
 * The canvas is described for screen readers by `label`; the data itself is in the page's tables.
 */
const noLines: Line[] = []

export function PriceChart({ candles, lines = noLines, height = 360, label, percent = false }: { candles?: Candle[]; lines?: Line[]; height?: number; label: string; percent?: boolean }) {
  const el = useRef<HTMLDivElement>(null)
  const chartRef = useRef<IChartApi | null>(null)
  const theme = useAppSelector(selectTheme)

  useEffect(() => {
    if (!el.current) return
    const dark = theme === 'dark'
    const chart = createChart(el.current, {
      autoSize: true,
      layout: { background: { type: ColorType.Solid, color: 'transparent' }, textColor: dark ? '#cbd5e1' : '#334155', attributionLogo: false },
      grid: { vertLines: { color: dark ? '#1e293b' : '#e2e8f0' }, horzLines: { color: dark ? '#1e293b' : '#e2e8f0' } },
      rightPriceScale: { borderColor: dark ? '#334155' : '#cbd5e1' },
      timeScale: { borderColor: dark ? '#334155' : '#cbd5e1', timeVisible: true },
      localization: percent ? { priceFormatter: (p: number) => `${(p * 100).toFixed(1)}%` } : undefined,
    })
    chartRef.current = chart

    if (candles && candles.length) {
      const rows = ordered(candles)
      const candle = chart.addSeries(CandlestickSeries, {
        upColor: '#059669', downColor: '#e11d48', borderVisible: false, wickUpColor: '#059669', wickDownColor: '#e11d48',
      })
      candle.setData(rows.map((r) => ({ time: r.t, open: r.open, high: r.high, low: r.low, close: r.close })))
      if (rows.some((r) => r.volume)) {
        const volume = chart.addSeries(HistogramSeries, { priceScaleId: 'volume', priceFormat: { type: 'volume' } })
        chart.priceScale('volume').applyOptions({ scaleMargins: { top: 0.8, bottom: 0 } })
        candle.priceScale().applyOptions({ scaleMargins: { top: 0.05, bottom: 0.25 } })
        volume.setData(rows.map((r) => ({ time: r.t, value: r.volume ?? 0, color: r.close >= r.open ? 'rgba(5,150,105,0.45)' : 'rgba(225,29,72,0.45)' })))
      }
    }
    for (const line of lines) {
      const s = chart.addSeries(LineSeries, { color: line.color, lineWidth: 2, title: line.label, priceLineVisible: false })
      s.setData(ordered(line.points.filter((p) => p.value !== null && Number.isFinite(p.value))).map((p) => ({ time: p.t, value: p.value as number })))
    }
    chart.timeScale().fitContent()
    return () => {
      chart.remove()
      chartRef.current = null
    }
  }, [candles, lines, theme, percent])

  return <div ref={el} role="img" aria-label={label} style={{ height }} className="w-full min-w-0" />
}
