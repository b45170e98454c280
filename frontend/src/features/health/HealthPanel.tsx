import { QueryState } from '../../components/QueryState'
import { StatusBadge } from '../../components/Badges'
import { useGetHealthQuery } from './healthApi'

export function HealthPanel() {
  const q = useGetHealthQuery(undefined, { pollingInterval: 30_000 })
  return (
    <QueryState query={q} loadingLabel="Checking health…">
      {(h) => (
        <div>
          <p className="mb-2 flex items-center gap-2 text-sm">
            Platform <StatusBadge status={h.status} />
          </p>
          <ul className="divide-y divide-slate-200 text-sm dark:divide-slate-800">
            {h.checks.map((c) => (
              <li key={c.name} className="flex items-center justify-between gap-2 py-1.5">
                <span className="min-w-0 truncate" title={c.description ?? undefined}>
                  {c.name}
                </span>
                <span className="flex items-center gap-2">
                  <span className="num text-xs text-slate-600 dark:text-slate-400">{c.durationMs < 1 ? "< 1" : Math.round(c.durationMs)} ms</span>
                  <StatusBadge status={c.status} />
                </span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </QueryState>
  )
}
