import { StatusBadge } from '../../components/Badges'
import { DataTable, type Column } from '../../components/DataTable'
import { errorColumn } from '../../components/errorColumn'
import { ProgressBar } from '../../components/Progress'
import { CancelButton } from '../../components/CancelButton'
import { useCancelRequestMutation } from './ingestionApi'
import type { IngestionRequestDto } from '../../api/schemas'
import { fmtInt, fmtTime, normStatus } from '../../utils/format'

/** "A, B, C +2": the first few symbols of a request, short enough for a cell. */
const shortSymbols = (r: IngestionRequestDto) =>
  r.symbols.length > 3 ? `${r.symbols.slice(0, 3).join(', ')} +${r.symbols.length - 3}` : r.symbols.join(', ')

/** Collection requests from every origin (scheduler, API, CLI, the dashboard); counts move with hub events. */
export function RequestsTable({ requests, caption }: { requests: IngestionRequestDto[]; caption: string }) {
  const [cancelRequest] = useCancelRequestMutation()
  const columns: Column<IngestionRequestDto>[] = [
    {
      header: 'Symbols',
      cellClassName: 'font-medium',
      cell: (r) => (
        <span title={r.symbols.join(', ')}>
          {shortSymbols(r)} <span className="font-normal text-slate-600 dark:text-slate-400">{r.interval} · {r.mode}</span>
        </span>
      ),
    },
    { header: 'Source', cell: (r) => r.source },
    {
      header: 'Status',
      cell: (r) => {
        const running = normStatus(r.status) === 'running'
        return (
          <>
            <StatusBadge status={r.status} />
            {['pending', 'running'].includes(normStatus(r.status)) && <CancelButton what={`the request for ${shortSymbols(r)}`} onCancel={() => cancelRequest(r.requestId).unwrap()} />}
            {running && r.chunksTotal ? <ProgressBar done={r.chunksDone} total={r.chunksTotal} label={`${shortSymbols(r)} progress`} /> : null}
            {running && r.retryAt ? (
              <p className="text-xs text-amber-900 dark:text-amber-200">
                waiting to retry at <time dateTime={r.retryAt}>{fmtTime(r.retryAt)}</time>
              </p>
            ) : null}
          </>
        )
      },
    },
    { header: 'Origin', cell: (r) => (r.jobId ? 'scheduled' : 'on demand') },
    { header: 'Requested', cellClassName: 'num whitespace-nowrap', cell: (r) => fmtTime(r.createdAt) },
    { header: 'Loaded', numeric: true, cell: (r) => fmtInt(r.recordsLoaded) },
    errorColumn,
  ]
  return (
    <DataTable caption={caption} columns={columns} rows={requests} rowKey={(r) => r.requestId} alignTop
      rowProps={(r) => ({ 'data-request-id': r.requestId, 'data-status': normStatus(r.status) })} />
  )
}
