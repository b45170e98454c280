import { useState } from 'react'
import type { CollectionLogDto } from '../../api/schemas'
import { StatusBadge } from '../../components/Badges'
import { DataTable, type Column } from '../../components/DataTable'
import { Pagination } from '../../components/Pagination'
import { QueryState } from '../../components/QueryState'
import { fmtDuration, fmtInt, fmtTime, label } from '../../utils/format'
import { AssetRejectedRows } from '../rejections/RejectedRows'
import { useGetCollectionsQuery } from './assetsApi'

const rejectedId = 'asset-rejected-rows'

const columns = (picked: string | undefined, pick: (c: CollectionLogDto) => void): Column<CollectionLogDto>[] => [
  { header: 'Started', cellClassName: 'num whitespace-nowrap', cell: (c) => fmtTime(c.startedAt) },
  { header: 'Status', cell: (c) => <StatusBadge status={c.status} /> },
  { header: 'Interval', cell: (c) => c.interval },
  { header: 'Loaded', numeric: true, cell: (c) => fmtInt(c.recordsLoaded) },
  {
    header: 'Rejected',
    numeric: true,
    // A count above zero opens that collection's rejected rows below the table.
    cell: (c) => c.recordsRejected > 0
      ? (
        <button type="button" onClick={() => pick(c)} aria-pressed={picked === c.requestId} aria-controls={rejectedId}
          aria-label={`Show the ${fmtInt(c.recordsRejected)} rejected ${c.recordsRejected === 1 ? 'row' : 'rows'} of the collection started ${fmtTime(c.startedAt)}`}
          className="text-sky-700 underline dark:text-sky-400">
          {fmtInt(c.recordsRejected)}
        </button>
      )
      : fmtInt(c.recordsRejected),
  },
  { header: 'Duration', numeric: true, cell: (c) => fmtDuration(c.durationMs) },
  { header: 'Error', cellClassName: 'text-xs', cell: (c) => (c.errorClass ? `${label(c.errorClass)}: ${c.errorMessage ?? ''}` : '') },
]

export function CollectionHistory({ symbol }: { symbol: string }) {
  const [page, setPage] = useState(1)
  const [picked, setPicked] = useState<CollectionLogDto>()
  const q = useGetCollectionsQuery({ symbol, page, pageSize: 10 })
  const collection = picked && { requestId: picked.requestId, label: fmtTime(picked.startedAt), rejected: picked.recordsRejected }
  return (
    <QueryState query={q} isEmpty={(d) => d.items.length === 0} empty={<p className="text-sm">No collections yet.</p>} loadingLabel="Loading collection history…">
      {(d) => (
        <>
          <DataTable caption={`Collection history of ${symbol}`} columns={columns(picked?.requestId, setPicked)} rows={d.items} rowKey={(c) => String(c.id)} />
          {d.totalPages > 1 && <Pagination page={d.page} totalPages={d.totalPages} totalCount={d.totalCount} onPage={setPage} />}
          <AssetRejectedRows id={rejectedId} symbol={symbol} collection={collection} onShowAll={() => setPicked(undefined)} />
        </>
      )}
    </QueryState>
  )
}
