import { StatusBadge } from '../../components/Badges'
import { DataTable, type Column } from '../../components/DataTable'
import { errorColumn } from '../../components/errorColumn'
import { ProgressBar } from '../../components/Progress'
import { CancelButton } from '../../components/CancelButton'
import { useCancelRunMutation } from './schedulerApi'
import type { RunDto } from './schedulerTypes'
import { fmtDuration, fmtInt, fmtTime, label, normStatus } from '../../utils/format'
import { useLiveProgress } from '../live/useLiveProgress'

/** Runs with their live state; a running run shows its chunk progress as events arrive. */
export function RunsTable({ runs, caption, compact = false }: { runs: RunDto[]; caption: string; compact?: boolean }) {
  const progress = useLiveProgress('runId')
  const [cancelRun] = useCancelRunMutation()
  const running = (r: RunDto) => normStatus(r.status) === 'running'
  const columns: Column<RunDto>[] = [
    { header: 'Job', cellClassName: 'font-medium', cell: (r) => r.jobName },
    {
      header: 'Status',
      cell: (r) => {
        const p = progress[r.id]
        return (
          <>
            <StatusBadge status={r.status} />
            {['pending', 'running'].includes(normStatus(r.status)) && <CancelButton what={`the run of ${r.jobName}`} onCancel={() => cancelRun(r.id).unwrap()} />}
            {running(r) && p && p.chunksTotal ? <ProgressBar done={p.chunksDone ?? 0} total={p.chunksTotal} label={`${r.jobName} progress`} /> : null}
          </>
        )
      },
    },
    ...(compact ? [] : [{ header: 'Trigger', cell: (r: RunDto) => `${label(r.trigger)}${r.attempt > 1 ? ` (attempt ${r.attempt})` : ''}` }]),
    { header: 'Started', cellClassName: 'num whitespace-nowrap', cell: (r) => fmtTime(r.startedAt ?? r.scheduledAt) },
    { header: 'Duration', numeric: true, cell: (r) => fmtDuration(r.durationMs) },
    { header: 'Loaded', numeric: true, cell: (r) => fmtInt(running(r) && progress[r.id] ? progress[r.id].recordsLoaded : r.recordsLoaded) },
    ...(compact ? [] : [errorColumn]),
  ]
  return (
    <DataTable caption={caption} columns={columns} rows={runs} rowKey={(r) => r.id} alignTop
      rowProps={(r) => ({ 'data-run-id': r.id, 'data-status': normStatus(r.status) })} />
  )
}
