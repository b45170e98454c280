import { StatusBadge } from '../../components/Badges'
import { ProgressBar } from '../../components/Progress'
import { ErrorMessage, Spinner } from '../../components/QueryState'
import { useAppSelector } from '../../app/hooks'
import { fmtInt, label, normStatus } from '../../utils/format'
import { selectHub } from '../live/liveSlice'
import { useGetRequestQuery } from './ingestionApi'

const finished = new Set(['succeeded', 'partially_succeeded', 'failed', 'timed_out'])

/** One ingestion request's live progress: hub events move it; polling takes over while the hub is down. */
export function RequestProgress({ requestId }: { requestId: string }) {
  const hub = useAppSelector(selectHub)
  const q = useGetRequestQuery(requestId)
  const done = q.data ? finished.has(normStatus(q.data.status)) : false
  useGetRequestQuery(requestId, { pollingInterval: !done && hub !== 'connected' ? 2000 : 0, skip: done })
  if (q.isLoading) return <Spinner label="Starting collection…" />
  if (q.error) return <ErrorMessage error={q.error} />
  const r = q.data
  if (!r) return null
  return (
    <div aria-live="polite" data-testid="request-progress" data-status={normStatus(r.status)} className="space-y-2 rounded-md border border-slate-200 p-3 text-sm dark:border-slate-800">
      <div className="flex flex-wrap items-center gap-2">
        <StatusBadge status={r.status} />
        <span className="num">
          {fmtInt(r.recordsLoaded)} loaded · {fmtInt(r.recordsCollected)} collected{r.recordsRejected ? ` · ${fmtInt(r.recordsRejected)} rejected` : ''}
        </span>
      </div>
      <ProgressBar done={r.chunksDone} total={r.chunksTotal} label="Chunks collected" />
      {r.errorMessage && (
        <p className="text-rose-800 dark:text-rose-300">
          {r.errorClass ? `${label(r.errorClass)}: ` : ''}
          {r.errorMessage}
        </p>
      )}
    </div>
  )
}
