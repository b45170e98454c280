import { useState } from 'react'
import { StatusBadge } from '../../components/Badges'
import { Pagination } from '../../components/Pagination'
import { QueryState } from '../../components/QueryState'
import { fmtDuration, fmtInt, fmtTime, label } from '../../utils/format'
import { useGetCollectionsQuery } from './assetsApi'

export function CollectionHistory({ symbol }: { symbol: string }) {
  const [page, setPage] = useState(1)
  const q = useGetCollectionsQuery({ symbol, page, pageSize: 10 })
  return (
    <QueryState query={q} isEmpty={(d) => d.items.length === 0} empty={<p className="text-sm">No collections yet.</p>} loadingLabel="Loading collection history…">
      {(d) => (
        <>
          <div className="-mx-4 overflow-x-auto px-4">
            <table className="w-full text-sm">
              <caption className="sr-only">Collection history of {symbol}</caption>
              <thead className="text-left text-xs uppercase text-slate-600 dark:text-slate-400">
                <tr>
                  <th scope="col" className="py-1 pr-3">Started</th>
                  <th scope="col" className="py-1 pr-3">Status</th>
                  <th scope="col" className="py-1 pr-3">Interval</th>
                  <th scope="col" className="py-1 pr-3 text-right">Loaded</th>
                  <th scope="col" className="py-1 pr-3 text-right">Rejected</th>
                  <th scope="col" className="py-1 pr-3 text-right">Duration</th>
                  <th scope="col" className="py-1">Error</th>
                </tr>
              </thead>
              <tbody>
                {d.items.map((c) => (
                  <tr key={String(c.id)} className="border-t border-slate-200 dark:border-slate-800">
                    <td className="num whitespace-nowrap py-1.5 pr-3">{fmtTime(c.startedAt)}</td>
                    <td className="py-1.5 pr-3"><StatusBadge status={c.status} /></td>
                    <td className="py-1.5 pr-3">{c.interval}</td>
                    <td className="num py-1.5 pr-3 text-right">{fmtInt(c.recordsLoaded)}</td>
                    <td className="num py-1.5 pr-3 text-right">{fmtInt(c.recordsRejected)}</td>
                    <td className="num py-1.5 pr-3 text-right">{fmtDuration(c.durationMs)}</td>
                    <td className="py-1.5 text-xs">{c.errorClass ? `${label(c.errorClass)}: ${c.errorMessage ?? ''}` : ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {d.totalPages > 1 && <Pagination page={d.page} totalPages={d.totalPages} totalCount={d.totalCount} onPage={setPage} />}
        </>
      )}
    </QueryState>
  )
}
