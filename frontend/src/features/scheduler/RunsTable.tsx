import { StatusBadge } from '../../components/Badges'
import { ErrorCell } from '../../components/ErrorCell'
import { ProgressBar } from '../../components/Progress'
import { CancelButton } from '../../components/CancelButton'
import { useCancelRunMutation } from './schedulerApi'
import type { RunDto } from '../../api/types'
import { fmtDuration, fmtInt, fmtTime, label, normStatus } from '../../utils/format'
import { useLiveProgress } from '../live/useLiveProgress'

/** Runs with their live state; a running run shows its chunk progress as events arrive. */
export function RunsTable({ runs, caption, compact = false }: { runs: RunDto[]; caption: string; compact?: boolean }) {
  const progress = useLiveProgress('runId')
  const [cancelRun] = useCancelRunMutation()
  return (
    <div className="-mx-4 overflow-x-auto px-4">
      <table className="w-full text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="text-left text-xs uppercase text-slate-600 dark:text-slate-400">
          <tr>
            <th scope="col" className="py-1 pr-3">Job</th>
            <th scope="col" className="py-1 pr-3">Status</th>
            {!compact && <th scope="col" className="py-1 pr-3">Trigger</th>}
            <th scope="col" className="py-1 pr-3">Started</th>
            <th scope="col" className="py-1 pr-3 text-right">Duration</th>
            <th scope="col" className="py-1 pr-3 text-right">Loaded</th>
            {!compact && <th scope="col" className="py-1">Error</th>}
          </tr>
        </thead>
        <tbody>
          {runs.map((r) => {
            const p = progress[r.id]
            const running = normStatus(r.status) === 'running'
            return (
              <tr key={r.id} data-run-id={r.id} data-status={normStatus(r.status)} className="border-t border-slate-200 align-top dark:border-slate-800">
                <td className="py-1.5 pr-3 font-medium">{r.jobName}</td>
                <td className="py-1.5 pr-3">
                  <StatusBadge status={r.status} />
                  {['pending', 'running'].includes(normStatus(r.status)) && (
                    <CancelButton what={`the run of ${r.jobName}`} onCancel={() => cancelRun(r.id).unwrap()} />
                  )}
                  {running && p && p.chunksTotal ? <ProgressBar done={p.chunksDone ?? 0} total={p.chunksTotal} label={`${r.jobName} progress`} /> : null}
                </td>
                {!compact && <td className="py-1.5 pr-3">{label(r.trigger)}{r.attempt > 1 ? ` (attempt ${r.attempt})` : ''}</td>}
                <td className="num whitespace-nowrap py-1.5 pr-3">{fmtTime(r.startedAt ?? r.scheduledAt)}</td>
                <td className="num py-1.5 pr-3 text-right">{fmtDuration(r.durationMs)}</td>
                <td className="num py-1.5 pr-3 text-right">{fmtInt(running && p ? p.recordsLoaded : r.recordsLoaded)}</td>
                {!compact && (
                  <ErrorCell errorClass={r.errorClass} errorMessage={r.errorMessage} />
                )}
              </tr>
            )
          })}
        </tbody>
      </table>
    </div>
  )
}
