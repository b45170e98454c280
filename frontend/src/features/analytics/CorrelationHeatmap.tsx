import type { Matrix } from '../../api/schemas'

/** Diverging colour: blue for positive, red for negative correlation; text flips to white on dark cells. */
export function cellColor(v: number | null): { background: string; color: string } {
  if (v === null || !Number.isFinite(v)) return { background: 'transparent', color: 'inherit' }
  const a = Math.min(1, Math.abs(v))
  const [r, g, b] = v >= 0 ? [3, 105, 161] : [190, 18, 60]
  return { background: `rgba(${r},${g},${b},${(0.1 + 0.9 * a).toFixed(2)})`, color: a > 0.45 ? '#fff' : 'inherit' }
}

export function CorrelationHeatmap({ m }: { m: Matrix }) {
  return (
    <div className="overflow-x-auto">
      <table className="text-sm">
        <caption className="sr-only">Correlation of returns between the selected assets</caption>
        <thead>
          <tr>
            <td />
            {m.symbols.map((s) => (
              <th key={s} scope="col" className="px-2 py-1 text-xs font-medium">{s}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {m.symbols.map((row, i) => (
            <tr key={row}>
              <th scope="row" className="px-2 py-1 text-left text-xs font-medium">{row}</th>
              {m.matrix[i].map((v, j) => (
                <td key={j} className="num h-12 w-16 text-center text-xs font-medium" style={cellColor(v)}>
                  {v === null ? '—' : v.toFixed(2)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
