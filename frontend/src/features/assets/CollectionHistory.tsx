import { useState } from 'react'
import type { CollectionLogDto } from '../../api/schemas'
import { StatusBadge } from '../../components/Badges'
import { DataTable, type Column } from '../../components/DataTable'
import { Pagination } from '../../components/Pagination'
import { QueryState } from '../../components/QueryState'
import { fmtDuration, fmtInt, fmtTime, label } from '../../utils/format'
import { useGetCollectionsQuery } from './assetsApi'

const columns: Column<CollectionLogDto>[] = [
  { header: 'Started', cellClassName: 'num whitespace-nowrap', cell: (c) => fmtTime(c.startedAt) },
  { header: 'Status', cell: (c) => <StatusBadge status={c.status} /> },
  { header: 'Interval', cell: (c) => c.interval },
  { header: 'Loaded', numeric: true, cell: (c) => fmtInt(c.recordsLoaded) },
  { header: 'Rejected', numeric: true, cell: (c) => fmtInt(c.recordsRejected) },
  { header: 'Duration', numeric: true, cell: (c) => fmtDuration(c.durationMs) },
  { header: 'Error', cellClassName: 'text-xs', cell: (c) => (c.errorClass ? `${label(c.errorClass)}: ${c.errorMessage ?? ''}` : '') },
]

export function CollectionHistory({ symbol }: { symbol: string }) {
  const [page, setPage] = useState(1)
  const q = useGetCollectionsQuery({ symbol, page, pageSize: 10 })
  return (
    <QueryState query={q} isEmpty={(d) => d.items.length === 0} empty={<p className="text-sm">No collections yet.</p>} loadingLabel="Loading collection history…">
      {(d) => (
        <>
          <DataTable caption={`Collection history of ${symbol}`} columns={columns} rows={d.items} rowKey={(c) => String(c.id)} />
          {d.totalPages > 1 && <Pagination page={d.page} totalPages={d.totalPages} totalCount={d.totalCount} onPage={setPage} />}
        </>
      )}
    </QueryState>
  )
}
