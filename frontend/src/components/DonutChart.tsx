const palette = ['#0369a1', '#059669', '#7c3aed', '#d97706', '#e11d48', '#0891b2', '#65a30d', '#c026d3', '#475569', '#ea580c']

/** Shares of a whole as a ring, with a legend that also carries the numbers for screen readers. */
export function DonutChart({ data, label, format }: { data: { label: string; value: number }[]; label: string; format: (v: number) => string }) {
  const total = data.reduce((s, d) => s + Math.max(0, d.value), 0)
  if (total <= 0) return <p className="text-sm text-slate-600 dark:text-slate-400">Nothing to show.</p>
  const r = 40
  const c = 2 * Math.PI * r
  const lens = data.map((d) => (Math.max(0, d.value) / total) * c)
  const starts = lens.map((_, i) => lens.slice(0, i).reduce((a, b) => a + b, 0))
  return (
    <div className="flex flex-wrap items-center gap-4">
      <svg role="img" aria-label={label} viewBox="0 0 100 100" className="h-40 w-40 -rotate-90">
        {data.map((d, i) => (
          <circle key={d.label} cx="50" cy="50" r={r} fill="none" stroke={palette[i % palette.length]} strokeWidth="18" strokeDasharray={`${lens[i]} ${c - lens[i]}`} strokeDashoffset={-starts[i]} />
        ))}
      </svg>
      <ul className="space-y-1 text-sm">
        {data.map((d, i) => (
          <li key={d.label} className="flex items-center gap-2">
            <span aria-hidden="true" className="inline-block h-3 w-3 rounded-sm" style={{ background: palette[i % palette.length] }} />
            <span className="font-medium">{d.label}</span>
            <span className="num text-slate-700 dark:text-slate-300">{format(d.value / total)}</span>
          </li>
        ))}
      </ul>
    </div>
  )
}
