/** A tiny inline SVG line; cheaper than a chart instance per watchlist row. */
export function Sparkline({ values, width = 96, height = 28, label }: { values: number[]; width?: number; height?: number; label: string }) {
  const pts = values.filter((v) => Number.isFinite(v))
  if (pts.length < 2) return <span className="text-xs text-slate-600 dark:text-slate-400">no data</span>
  const min = Math.min(...pts)
  const max = Math.max(...pts)
  const span = max - min || 1
  const d = pts.map((v, i) => `${((i / (pts.length - 1)) * width).toFixed(1)},${(height - 2 - ((v - min) / span) * (height - 4)).toFixed(1)}`).join(' ')
  const up = pts[pts.length - 1] >= pts[0]
  return (
    <svg role="img" aria-label={label} width={width} height={height} viewBox={`0 0 ${width} ${height}`} className={up ? 'text-emerald-600 dark:text-emerald-400' : 'text-rose-600 dark:text-rose-400'}>
      <polyline fill="none" stroke="currentColor" strokeWidth="1.5" points={d} />
    </svg>
  )
}
