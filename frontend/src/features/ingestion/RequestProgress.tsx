import { StatusBadge } from '../../components/Badges'
import { ProgressBar } from '../../components/Progress'
import { ErrorMessage, Spinner } from '../../components/QueryState'
import { useAppSelector } from '../../app/hooks'
import { fmtInt, fmtTime, label, normStatus } from '../../utils/format'
import { selectHub } from '../live/liveSlice'
import { useGetRequestQuery } from './ingestionApi'
import { RequestRejectedRows } from '../rejections/RejectedRows'
import { isFinished } from './progress'

/**
 * One collection request's live progress: hub events move it; polling takes over while the hub is down. A slow poll
 * goes on while it runs, because a window that waits for a redelivery sends no event until it is collected.
 */
export function RequestProgress({ requestId }: { requestId: string }) {
  const hub = useAppSelector(selectHub)
  const q = useGetRequestQuery(requestId)
  const done = q.data ? isFinished(q.data.status) : false
  useGetRequestQuery(requestId, { pollingInterval: done ? 0 : hub !== 'connected' ? 2000 : 10000, skip: done })
  if (q.isLoading) return <Spinner label="Starting collection…" />
  if (q.error) return <ErrorMessage error={q.error} />
  const r = q.data
  if (!r) return null
  const waiting = (r.perSymbol ?? []).filter((s) => s.retryAt && !isFinished(s.status))
  return (
    <>
      <div aria-live="polite" data-testid="request-progress" data-status={normStatus(r.status)} className="space-y-2 rounded-md border border-slate-200 p-3 text-sm dark:border-slate-800">
        <div className="flex flex-wrap items-center gap-2">
          <StatusBadge status={r.status} />
          <span className="num">
            {fmtInt(r.recordsLoaded)} loaded · {fmtInt(r.recordsCollected)} collected{r.recordsRejected ? ` · ${fmtInt(r.recordsRejected)} rejected` : ''}
          </span>
        </div>
        <ProgressBar done={r.chunksDone} total={r.chunksTotal} label="Chunks collected" />
        {!done && waiting.length > 0 && (
          <ul data-testid="request-waiting" className="space-y-1 text-amber-900 dark:text-amber-200">
            {waiting.map((s) => (
              <li key={s.symbol}>
                <span className="font-semibold">{s.symbol}</span>: {s.errorClass ? label(s.errorClass) : 'Waiting'}
                {s.errorMessage ? ` (${s.errorMessage})` : ''}, trying again at{' '}
                <time dateTime={s.retryAt!}>{fmtTime(s.retryAt!)}</time>
              </li>
            ))}
          </ul>
        )}
        {r.errorMessage && (
          <p className="text-rose-800 dark:text-rose-300">
            {r.errorClass ? `${label(r.errorClass)}: ` : ''}
            {r.errorMessage}
          </p>
        )}
      </div>
      {/* Outside the live region: a table is looked at, not read out with every update. */}
      {done && r.recordsRejected > 0 && <RequestRejectedRows requestId={requestId} rejected={r.recordsRejected} symbols={r.symbols.length} />}
    </>
  )
}
