// A stand-in for lightweight-charts under jsdom (no canvas): it records what the wrapper asks of the chart and lets a
// spec move the crosshair or scroll, as the library's own callbacks would. Use with
// `vi.mock('lightweight-charts', () => import('../test/fakeChart'))`.
type Handler<T> = (arg: T) => void

export class FakeSeries {
  data: unknown[] = []
  options: Record<string, unknown> = {}
  readonly kind: string
  constructor(kind: string) {
    this.kind = kind
  }
  setData(data: unknown[]) {
    this.data = data
  }
  applyOptions(o: Record<string, unknown>) {
    this.options = { ...this.options, ...o }
  }
  priceScale() {
    return { applyOptions() {} }
  }
}

export class FakeChart {
  series: FakeSeries[] = []
  scales: Record<string, Record<string, unknown>> = {}
  crosshair: Handler<{ time?: number }>[] = []
  range: Handler<{ from: number; to: number } | null>[] = []
  visible: { from: number; to: number } | null = null
  removed = false
  applyOptions() {}
  subscribeCrosshairMove(h: Handler<{ time?: number }>) {
    this.crosshair.push(h)
  }
  addSeries(kind: string, options: Record<string, unknown>) {
    const s = new FakeSeries(kind)
    s.applyOptions(options)
    this.series.push(s)
    return s
  }
  removeSeries(s: FakeSeries) {
    this.series = this.series.filter((x) => x !== s)
  }
  priceScale(id: string) {
    return { applyOptions: (o: Record<string, unknown>) => (this.scales[id] = { ...this.scales[id], ...o }) }
  }
  timeScale() {
    return {
      subscribeVisibleLogicalRangeChange: (h: Handler<{ from: number; to: number } | null>) => this.range.push(h),
      getVisibleLogicalRange: () => this.visible,
      setVisibleLogicalRange: (r: { from: number; to: number }) => (this.visible = r),
      fitContent: () => (this.visible = { from: 0, to: 100 }),
    }
  }
  remove() {
    this.removed = true
  }
  /** Moves the crosshair onto a bar (seconds since the epoch), or off the chart with undefined. */
  hover(time?: number) {
    for (const h of this.crosshair) h({ time })
  }
  /** Scrolls so that the logical range starts at `from`. */
  scrollTo(from: number) {
    for (const h of this.range) h({ from, to: from + 100 })
  }
}

export const charts: FakeChart[] = []
export const markers: { series: FakeSeries; markers: { time: number; text?: string; color: string }[] }[] = []

export const createChart = () => {
  const c = new FakeChart()
  charts.push(c)
  return c
}
export const createSeriesMarkers = (series: FakeSeries) => {
  const entry = { series, markers: [] as { time: number; text?: string; color: string }[] }
  markers.push(entry)
  return { setMarkers: (m: typeof entry.markers) => (entry.markers = m), markers: () => entry.markers, detach() {} }
}
export const CandlestickSeries = 'Candlestick'
export const HistogramSeries = 'Histogram'
export const LineSeries = 'Line'
export const ColorType = { Solid: 'solid' }
export const PriceScaleMode = { Normal: 0, Logarithmic: 1 }
