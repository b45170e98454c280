import type { OrderEventDto } from '../../api/schemas'
import { DataTable, type Column } from '../../components/DataTable'
import { QueryState } from '../../components/QueryState'
import { fmtDate, fmtNumber, fmtTime, label } from '../../utils/format'
import { useOrderEventsQuery } from './tradingApi'

export function AuditTrail({ accountId, orderId }: { accountId: string; orderId: string }) {
  const q = useOrderEventsQuery({ accountId, orderId })
  const columns: Column<OrderEventDto>[] = [
    { header: '#', numeric: true, cell: (e) => e.sequence },
    { header: 'Event', rowHeader: true, cell: (e) => label(e.type) },
    { header: 'From → to', cell: (e) => `${label(e.fromStatus)} → ${label(e.toStatus)}` },
    { header: 'Fill', numeric: true, cell: (e) => (e.fillQuantity != null ? `${fmtNumber(e.fillQuantity, 4)} @ ${fmtNumber(e.fillPrice)}` : '—') },
    { header: 'Fee', numeric: true, cell: (e) => fmtNumber(e.fee) },
    { header: 'Bar', cellClassName: 'num whitespace-nowrap', cell: (e) => (e.barTime ? fmtDate(e.barTime) : '—') },
    { header: 'Recorded', cellClassName: 'num whitespace-nowrap', cell: (e) => fmtTime(e.time) },
    { header: 'Reason', cell: (e) => e.reason ?? '' },
  ]
  return (
    <QueryState query={q} loadingLabel="Loading the audit trail…">
      {(rows) => <DataTable caption="Audit trail of the order (append-only)" columns={columns} rows={rows} rowKey={(e) => String(e.sequence)} />}
    </QueryState>
  )
}
