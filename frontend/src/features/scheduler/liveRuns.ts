import type { JobDto, RunDto } from './schedulerTypes'
import type { JobStatusEvent } from '../../api/liveEvents'
import { normStatus } from '../../utils/format'

const terminal = new Set(['succeeded', 'failed', 'skipped', 'timed_out'])

/** A `job_status` event moves the run it names; terminal states also stamp the finish time. */
export function applyRunStatus(run: RunDto, e: JobStatusEvent): void {
  if (run.id !== e.runId) return
  run.status = e.status
  if (e.recordsLoaded !== null && e.recordsLoaded !== undefined) run.recordsLoaded = Math.max(run.recordsLoaded ?? 0, e.recordsLoaded)
  if (e.errorClass) run.errorClass = e.errorClass
  if (e.message && normStatus(e.status) !== 'succeeded') run.errorMessage = e.message
  const s = normStatus(e.status)
  if (s === 'running' && !run.startedAt) run.startedAt = e.timestamp
  if (terminal.has(s)) {
    run.finishedAt = run.finishedAt ?? e.timestamp
    if (run.startedAt && run.durationMs === null) run.durationMs = new Date(run.finishedAt).getTime() - new Date(run.startedAt).getTime()
  }
}

/** The job list shows each job's last run; an event for a newer run replaces it. */
export function applyJobStatus(job: JobDto, e: JobStatusEvent): void {
  if (job.id !== e.jobId) return
  const s = normStatus(e.status)
  job.lastRun = { id: e.runId, status: e.status, finishedAt: terminal.has(s) ? e.timestamp : null }
}
