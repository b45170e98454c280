/**
 * Price overlays computed in the browser from the bars on the chart: they must cover exactly the bars loaded (older
 * pages included, as they arrive), which a server round trip per page and per setting would only delay.
 * Conventions: simple moving average of closes over n bars; exponential moving average with α = 2 / (n + 1), seeded
 * with the simple average of the first n closes; Bollinger bands at the n-bar simple average ± k population standard
 * deviations (Bollinger's own definition divides by n). A point exists once n bars are available.
 */
export type Point = { time: string; value: number | null }

type Close = { time: string; close: number }

export function sma(bars: Close[], n: number): Point[] {
  let sum = 0
  return bars.map((b, i) => {
    sum += b.close
    if (i >= n) sum -= bars[i - n].close
    return { time: b.time, value: i >= n - 1 ? sum / n : null }
  })
}

export function ema(bars: Close[], n: number): Point[] {
  const alpha = 2 / (n + 1)
  let value: number | null = null
  let seed = 0
  return bars.map((b, i) => {
    if (i < n - 1) {
      seed += b.close
      return { time: b.time, value: null }
    }
    value = value === null ? (seed + b.close) / n : alpha * b.close + (1 - alpha) * value
    return { time: b.time, value }
  })
}

export function bollinger(bars: Close[], n: number, k: number): { upper: Point[]; lower: Point[] } {
  const mid = sma(bars, n)
  const upper: Point[] = []
  const lower: Point[] = []
  bars.forEach((b, i) => {
    const m = mid[i].value
    if (m === null) {
      upper.push({ time: b.time, value: null })
      lower.push({ time: b.time, value: null })
      return
    }
    let squares = 0
    for (let j = i - n + 1; j <= i; j++) squares += (bars[j].close - m) ** 2
    const sd = Math.sqrt(squares / n)
    upper.push({ time: b.time, value: m + k * sd })
    lower.push({ time: b.time, value: m - k * sd })
  })
  return { upper, lower }
}
