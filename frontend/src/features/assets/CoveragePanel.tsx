import { QueryState } from '../../components/QueryState'
import { fmtInt, fmtTime } from '../../utils/format'
import { useGetCoverageQuery } from './assetsApi'

export function CoveragePanel({ symbol }: { symbol: string }) {
  const q = useGetCoverageQuery(symbol)
  return (
    <QueryState query={q} isEmpty={(d) => d.series.length === 0} empty={<p className="text-sm">No data stored yet.</p>} loadingLabel="Loading coverage…">
      {(c) => (
        <div className="space-y-4">
          {c.series.map((s) => {
            const pct = s.expectedBars ? Math.min(100, (s.rowCount / s.expectedBars) * 100) : null
            return (
              <div key={`${s.table}-${s.interval}`} data-testid={`coverage-${s.interval}`}>
                <div className="flex flex-wrap items-baseline justify-between gap-2 text-sm">
                  <span className="font-medium">
                    {s.interval} <span className="font-normal text-slate-600 dark:text-slate-400">in {s.table}</span>
                  </span>
                  <span className="num">
                    {fmtInt(s.rowCount)} bars{s.expectedBars ? ` of ~${fmtInt(s.expectedBars)} expected` : ''}
                  </span>
                </div>
                {pct !== null && (
                  <div role="meter" aria-label={`${s.interval} coverage`} aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(pct)} className="mt-1 h-2 overflow-hidden rounded bg-slate-200 dark:bg-slate-700">
                    <div className="h-full bg-emerald-600" style={{ width: `${pct}%` }} />
                  </div>
                )}
                <p className="num mt-1 text-xs text-slate-600 dark:text-slate-400">
                  {fmtTime(s.firstTime)} → {fmtTime(s.lastTime)}
                </p>
                {s.gaps.length > 0 ? (
                  <details className="mt-1 text-sm">
                    <summary className="cursor-pointer text-amber-800 dark:text-amber-300">{s.gaps.length} gap{s.gaps.length === 1 ? '' : 's'}</summary>
                    <ul className="num mt-1 max-h-48 overflow-auto text-xs">
                      {s.gaps.map((g) => (
                        <li key={g.from}>
                          {fmtTime(g.from)} → {fmtTime(g.to)} · {fmtInt(g.missingBars)} missing
                        </li>
                      ))}
                    </ul>
                  </details>
                ) : (
                  <p className="mt-1 text-xs text-emerald-800 dark:text-emerald-300">No gaps</p>
                )}
              </div>
            )
          })}
        </div>
      )}
    </QueryState>
  )
}
