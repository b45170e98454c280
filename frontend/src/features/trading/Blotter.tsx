import { useState } from 'react'
import type { OrderDto } from '../../api/schemas'
import { StatusBadge } from '../../components/Badges'
import { DataTable, type Column } from '../../components/DataTable'
import { Button } from '../../components/Form'
import { Pagination } from '../../components/Pagination'
import { ErrorMessage, QueryState } from '../../components/QueryState'
import { fmtNumber, fmtQuoted, fmtTime, label } from '../../utils/format'
import { useCancelOrderMutation, useListOrdersQuery } from './tradingApi'

const working = (o: OrderDto) => o.status === 'accepted' || o.status === 'partially_filled'

/** Orders, newest first; each transition arrives over the hub and reloads the list (tradingApi), so fills appear as bars arrive. */
export function Blotter({ accountId, selected, onSelect }: { accountId: string; selected: string | null; onSelect: (id: string) => void }) {
  const [page, setPage] = useState(1)
  const q = useListOrdersQuery({ accountId, page })
  const [cancel, cancelState] = useCancelOrderMutation()
  const columns: Column<OrderDto>[] = [
    { header: 'Submitted', cellClassName: 'num whitespace-nowrap', cell: (o) => fmtTime(o.submittedAt) },
    { header: 'Symbol', rowHeader: true, cell: (o) => o.symbol },
    { header: 'Side', cell: (o) => o.side },
    { header: 'Type', cell: (o) => `${label(o.type)} · ${o.timeInForce}` },
    { header: 'Quantity', numeric: true, cell: (o) => fmtNumber(o.quantity, 4) },
    { header: 'Limit / stop', numeric: true, cell: (o) => [o.limitPrice, o.stopPrice].filter((x) => x != null).map((x) => fmtQuoted(x)).join(' / ') || '—' },
    { header: 'Filled', numeric: true, cell: (o) => fmtNumber(o.filledQuantity, 4) },
    { header: 'Avg price', numeric: true, cell: (o) => fmtQuoted(o.averageFillPrice) },
    { header: 'Status', cell: (o) => <span title={o.rejectReason ?? undefined}><StatusBadge status={o.status} /></span> },
    {
      header: <span className="sr-only">Actions</span>,
      cellClassName: 'text-right whitespace-nowrap',
      cell: (o) => (
        <>
          <Button variant="secondary" className="!px-2 !py-0.5 text-xs" aria-pressed={selected === o.id} onClick={() => onSelect(o.id)}
            aria-label={`Audit trail of the ${o.side} order for ${o.symbol}`}>Trail</Button>{' '}
          {working(o) && (
            <Button variant="secondary" className="!px-2 !py-0.5 text-xs" onClick={() => cancel({ accountId, orderId: o.id })}
              aria-label={`Cancel the ${o.side} order for ${o.symbol}`}>Cancel</Button>
          )}
        </>
      ),
    },
  ]
  return (
    <>
      {cancelState.error ? <ErrorMessage error={cancelState.error} title="The order was not cancelled" /> : null}
      <QueryState query={q} isEmpty={(d) => d.items.length === 0} empty={<p className="text-sm">No orders yet.</p>} loadingLabel="Loading orders…">
        {(d) => (
          <>
            <DataTable caption="Orders" columns={columns} rows={d.items} rowKey={(o) => o.id}
              rowProps={(o) => ({ 'data-status': o.status, 'data-symbol': o.symbol })} />
            {d.items.some((o) => o.rejectReason) && (
              <ul className="mt-2 space-y-1 text-sm" aria-label="Rejection reasons">
                {d.items.filter((o) => o.rejectReason).map((o) => <li key={o.id}>{o.symbol}: {o.rejectReason}</li>)}
              </ul>
            )}
            {d.totalPages > 1 && <Pagination page={d.page} totalPages={d.totalPages} totalCount={d.totalCount} onPage={setPage} />}
          </>
        )}
      </QueryState>
    </>
  )
}
