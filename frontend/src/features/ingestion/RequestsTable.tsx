import { StatusBadge } from '../../components/Badges'
import { ErrorCell } from '../../components/ErrorCell'
import { ProgressBar } from '../../components/Progress'
import { CancelButton } from '../../components/CancelButton'
import { useCancelRequestMutation } from './ingestionApi'
import type { IngestionRequestDto } from '../../api/types'
import { fmtInt, fmtTime, normStatus } from '../../utils/format'

/** Collection requests from every origin (scheduler, API, CLI, the dashboard); counts move with hub events. */
export function RequestsTable({ requests, caption }: { requests: IngestionRequestDto[]; caption: string }) {
  const [cancelRequest] = useCancelRequestMutation()
  return (
    <div className="-mx-4 overflow-x-auto px-4">
      <table className="w-full text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="text-left text-xs uppercase text-slate-600 dark:text-slate-400">
          <tr>
            <th scope="col" className="py-1 pr-3">Symbols</th>
            <th scope="col" className="py-1 pr-3">Source</th>
            <th scope="col" className="py-1 pr-3">Status</th>
            <th scope="col" className="py-1 pr-3">Origin</th>
            <th scope="col" className="py-1 pr-3">Requested</th>
            <th scope="col" className="py-1 pr-3 text-right">Loaded</th>
            <th scope="col" className="py-1">Error</th>
          </tr>
        </thead>
        <tbody>
          {requests.map((r) => {
            const running = normStatus(r.status) === 'running'
            const symbols = r.symbols.length > 3 ? `${r.symbols.slice(0, 3).join(', ')} +${r.symbols.length - 3}` : r.symbols.join(', ')
            return (
              <tr key={r.requestId} data-request-id={r.requestId} data-status={normStatus(r.status)} className="border-t border-slate-200 align-top dark:border-slate-800">
                <td className="py-1.5 pr-3 font-medium" title={r.symbols.join(', ')}>
                  {symbols} <span className="font-normal text-slate-600 dark:text-slate-400">{r.interval} · {r.mode}</span>
                </td>
                <td className="py-1.5 pr-3">{r.source}</td>
                <td className="py-1.5 pr-3">
                  <StatusBadge status={r.status} />
                  {['pending', 'running'].includes(normStatus(r.status)) && (
                    <CancelButton what={`the request for ${symbols}`} onCancel={() => cancelRequest(r.requestId).unwrap()} />
                  )}
                  {running && r.chunksTotal ? <ProgressBar done={r.chunksDone} total={r.chunksTotal} label={`${symbols} progress`} /> : null}
                  {running && r.retryAt ? (
                    <p className="text-xs text-amber-900 dark:text-amber-200">
                      waiting to retry at <time dateTime={r.retryAt}>{fmtTime(r.retryAt)}</time>
                    </p>
                  ) : null}
                </td>
                <td className="py-1.5 pr-3">{r.jobId ? 'scheduled' : 'on demand'}</td>
                <td className="num whitespace-nowrap py-1.5 pr-3">{fmtTime(r.createdAt)}</td>
                <td className="num py-1.5 pr-3 text-right">{fmtInt(r.recordsLoaded)}</td>
                <ErrorCell errorClass={r.errorClass} errorMessage={r.errorMessage} />
              </tr>
            )
          })}
        </tbody>
      </table>
    </div>
  )
}
