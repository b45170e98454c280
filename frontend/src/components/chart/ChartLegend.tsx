import { fmtInt, fmtPrice } from '../../utils/format'

export type LegendBar = { time: string; open: number; high: number; low: number; close: number; volume?: number | null }

type Props = {
  bar: LegendBar
  /** The bar before, for the change in percent; none for the first loaded bar. */
  previous?: LegendBar
  precision: number
  /** Dividends and splits on this bar, in words. */
  events?: string[]
}

/**
 * The OHLC+V readout of the bar under the crosshair (the newest bar when the pointer is elsewhere). Its background
 * keeps the text at AA contrast over candles and grid lines in both themes.
 */
export function ChartLegend({ bar, previous, precision, events = [] }: Props) {
  const change = previous ? (bar.close - previous.close) / previous.close : null
  const up = bar.close >= bar.open
  return (
    <div
      data-testid="chart-legend"
      data-time={bar.time}
      className="num pointer-events-none absolute left-2 top-1 z-10 flex flex-wrap gap-x-3 rounded bg-white/85 px-1 text-xs text-slate-700 dark:bg-slate-900/85 dark:text-slate-200"
    >
      <span>{bar.time.slice(0, 16).replace('T', ' ')}</span>
      <span>O <b className={up ? 'text-emerald-700 dark:text-emerald-400' : 'text-rose-700 dark:text-rose-400'}>{fmtPrice(bar.open, precision)}</b></span>
      <span>H <b>{fmtPrice(bar.high, precision)}</b></span>
      <span>L <b>{fmtPrice(bar.low, precision)}</b></span>
      <span>C <b>{fmtPrice(bar.close, precision)}</b></span>
      {bar.volume != null && <span>V <b>{fmtInt(bar.volume)}</b></span>}
      {change !== null && Number.isFinite(change) && <span>{change >= 0 ? '+' : ''}{(change * 100).toFixed(2)}%</span>}
      {events.map((e) => <span key={e} className="font-medium">{e}</span>)}
    </div>
  )
}
