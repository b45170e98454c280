import { QueryState } from '../../components/QueryState'
import { label, normStatus } from '../../utils/format'
import { layoutGraph } from './graphLayout'
import { useGetGraphQuery } from './schedulerApi'

const W = 180
const H = 48
const GX = 70
const GY = 24

const fill: Record<string, string> = {
  succeeded: 'fill-emerald-100 stroke-emerald-700 dark:fill-emerald-950 dark:stroke-emerald-400',
  running: 'fill-sky-100 stroke-sky-700 dark:fill-sky-950 dark:stroke-sky-400',
  failed: 'fill-rose-100 stroke-rose-700 dark:fill-rose-950 dark:stroke-rose-400',
  timed_out: 'fill-rose-100 stroke-rose-700 dark:fill-rose-950 dark:stroke-rose-400',
}

export function DependencyGraph() {
  const q = useGetGraphQuery()
  return (
    <QueryState query={q} isEmpty={(g) => g.nodes.length === 0} empty={<p className="text-sm">No jobs yet.</p>} loadingLabel="Loading graph…">
      {(g) => {
        const { nodes, levels, rows } = layoutGraph(g)
        const pos = new Map(nodes.map((n) => [n.id, n]))
        const width = levels * (W + GX)
        const height = rows * (H + GY)
        return (
          <div>
            <div className="overflow-x-auto">
              <svg role="img" aria-label={`Job dependency graph: ${g.nodes.length} jobs, ${g.edges.length} dependencies`} width={width} height={height} viewBox={`0 0 ${width} ${height}`} className="text-slate-500">
                <defs>
                  <marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
                    <path d="M 0 0 L 10 5 L 0 10 z" fill="currentColor" />
                  </marker>
                </defs>
                {g.edges.map((e) => {
                  const a = pos.get(e.from)
                  const b = pos.get(e.to)
                  if (!a || !b) return null
                  const x1 = a.x * (W + GX) + W
                  const y1 = a.y * (H + GY) + H / 2
                  const x2 = b.x * (W + GX)
                  const y2 = b.y * (H + GY) + H / 2
                  return <path key={`${e.from}-${e.to}`} d={`M${x1},${y1} C${x1 + GX / 2},${y1} ${x2 - GX / 2},${y2} ${x2},${y2}`} fill="none" stroke="currentColor" strokeWidth="1.5" markerEnd="url(#arrow)" />
                })}
                {nodes.map((n) => (
                  <g key={n.id} transform={`translate(${n.x * (W + GX)},${n.y * (H + GY)})`}>
                    <rect width={W} height={H} rx="6" strokeWidth="1.5" className={fill[normStatus(n.lastStatus)] ?? 'fill-white stroke-slate-400 dark:fill-slate-900 dark:stroke-slate-500'} strokeDasharray={n.enabled ? undefined : '4 3'} />
                    <text x="10" y="20" className="fill-slate-900 text-[13px] font-medium dark:fill-slate-100">{n.name.length > 22 ? n.name.slice(0, 21) + '…' : n.name}</text>
                    <text x="10" y="37" className="fill-slate-700 text-[11px] dark:fill-slate-300">{n.lastStatus ? label(n.lastStatus) : 'never run'}{n.enabled ? '' : ' · paused'}</text>
                  </g>
                ))}
              </svg>
            </div>
            <details className="mt-2 text-sm">
              <summary className="cursor-pointer">Dependencies as a list</summary>
              <ul className="mt-1 list-disc pl-5">
                {g.edges.length === 0 && <li>No dependencies.</li>}
                {g.edges.map((e) => (
                  <li key={`${e.from}-${e.to}`}>
                    {pos.get(e.to)?.name ?? e.to} runs after {pos.get(e.from)?.name ?? e.from}
                  </li>
                ))}
              </ul>
            </details>
          </div>
        )
      }}
    </QueryState>
  )
}
