/** A small SVG column chart for counts per category or per day, with the values also in a visually hidden table. */
export function BarChart({ data, label, height = 140, color = 'fill-sky-600 dark:fill-sky-400', format = (v: number) => v.toLocaleString('en-US') }: { data: { label: string; value: number }[]; label: string; height?: number; color?: string; format?: (v: number) => string }) {
  if (data.length === 0) return <p className="text-sm text-slate-600 dark:text-slate-400">No data for this window.</p>
  const max = Math.max(...data.map((d) => d.value), 1)
  const w = 100 / data.length
  return (
    <figure className="min-w-0">
      <svg role="img" aria-label={label} viewBox={`0 0 100 ${height}`} preserveAspectRatio="none" className="h-36 w-full">
        {data.map((d, i) => {
          const h = (d.value / max) * (height - 4)
          return (
            <rect key={d.label + i} x={i * w + w * 0.1} y={height - h} width={w * 0.8} height={h} className={color}>
              <title>{`${d.label}: ${format(d.value)}`}</title>
            </rect>
          )
        })}
      </svg>
      <figcaption className="mt-1 flex justify-between text-xs text-slate-600 dark:text-slate-400">
        <span>{data[0].label}</span>
        <span>{data[data.length - 1].label}</span>
      </figcaption>
      <table className="sr-only">
        <caption>{label}</caption>
        <tbody>
          {data.map((d, i) => (
            <tr key={d.label + i}>
              <th scope="row">{d.label}</th>
              <td>{format(d.value)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  )
}
