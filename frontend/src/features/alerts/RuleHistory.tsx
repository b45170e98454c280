import { useState } from 'react'
import type { AlertDeliveryDto, AlertFiringDto, AlertRuleDto } from '../../api/schemas'
import { StatusBadge } from '../../components/Badges'
import { DataTable, type Column } from '../../components/DataTable'
import { Pagination } from '../../components/Pagination'
import { QueryState } from '../../components/QueryState'
import { fmtNumber, fmtTime } from '../../utils/format'
import { channelLabel } from './alertForm'
import { useAlertDeliveriesQuery, useAlertFiringsQuery } from './alertsApi'

const firingColumns: Column<AlertFiringDto>[] = [
  { header: 'Trigger', rowHeader: true, cellClassName: 'num whitespace-nowrap', cell: (f) => fmtTime(f.triggerTime) },
  { header: 'Value', numeric: true, cell: (f) => fmtNumber(f.value) },
  { header: 'Message', cell: (f) => f.message },
  { header: 'Fired at', cellClassName: 'num whitespace-nowrap', cell: (f) => fmtTime(f.firedAt) },
]

const deliveryColumns: Column<AlertDeliveryDto>[] = [
  { header: 'At', cellClassName: 'num whitespace-nowrap', cell: (d) => fmtTime(d.at) },
  { header: 'Channel', rowHeader: true, cell: (d) => channelLabel[d.channel] ?? d.channel },
  { header: 'Attempt', numeric: true, cell: (d) => d.attempt },
  { header: 'Status', cell: (d) => <StatusBadge status={d.status} /> },
  { header: 'Code', numeric: true, cell: (d) => d.statusCode ?? '—' },
  { header: 'Error', cellClassName: 'max-w-md break-words', cell: (d) => d.error ?? '' },
]

/** A rule's firings, newest first, and every delivery attempt of them on each channel. */
export function RuleHistory({ rule }: { rule: AlertRuleDto }) {
  const [page, setPage] = useState(1)
  const firings = useAlertFiringsQuery({ id: rule.id, page })
  const deliveries = useAlertDeliveriesQuery(rule.id)
  return (
    <div className="space-y-4">
      <section aria-labelledby="firings-title">
        <h3 id="firings-title" className="mb-2 text-sm font-semibold">Firings</h3>
        <QueryState query={firings} isEmpty={(d) => d.items.length === 0} loadingLabel="Loading firings…"
          empty={<p className="text-sm">{rule.name} has not fired yet.</p>}>
          {(d) => (
            <>
              <DataTable caption={`Firings of ${rule.name}`} columns={firingColumns} rows={d.items} rowKey={(f) => f.id} alignTop />
              {d.totalPages > 1 && <Pagination page={d.page} totalPages={d.totalPages} totalCount={d.totalCount} onPage={setPage} />}
            </>
          )}
        </QueryState>
      </section>
      <section aria-labelledby="deliveries-title">
        <h3 id="deliveries-title" className="mb-2 text-sm font-semibold">Delivery log</h3>
        <QueryState query={deliveries} isEmpty={(d) => d.length === 0} loadingLabel="Loading deliveries…"
          empty={<p className="text-sm">No deliveries yet.</p>}>
          {(d) => (
            <DataTable caption={`Deliveries of ${rule.name}`} columns={deliveryColumns} rows={d} alignTop
              rowKey={(x) => `${x.firingId}-${x.channel}-${x.attempt}`} rowProps={(x) => ({ 'data-status': x.status, 'data-channel': x.channel })} />
          )}
        </QueryState>
      </section>
    </div>
  )
}
