import { useState } from 'react'
import { StatusBadge } from '../../components/Badges'
import { Button, Input } from '../../components/Form'
import { Pagination } from '../../components/Pagination'
import { ErrorMessage, QueryState } from '../../components/QueryState'
import { fmtTime, label } from '../../utils/format'
import { useDeleteJobMutation, useListJobsQuery, usePauseJobMutation, useResumeJobMutation, useTriggerJobMutation } from './schedulerApi'
import { RoleNote } from '../../components/RoleNote'
import { useOwns } from '../auth/authApi'
import type { JobDto } from './schedulerTypes'
import { JobEditor } from './JobEditor'
import { kindLabel } from '../reports/reportForm'

function describeSchedule(j: JobDto): string {
  const s = j.schedule
  if (!s) return '—'
  const kind = label(s.kind)
  if (kind === 'cron') return `cron ${s.cron ?? ''}${s.timeZone && s.timeZone !== 'UTC' ? ` (${s.timeZone})` : ''}`
  if (kind === 'interval') return `every ${s.intervalSeconds ?? '?'} s`
  return `after ${j.dependsOn.length} job${j.dependsOn.length === 1 ? '' : 's'}`
}

/** What a run does: collect a source's bars, or make a report (its kind and format). */
function describeWork(j: JobDto): string {
  if (j.kind === 'report') return `report: ${kindLabel[j.report?.kind ?? ''] ?? j.report?.kind ?? '?'} (${j.report?.format ?? 'pdf'})`
  const what = j.symbols.join(', ') || (j.assetFilter ? Object.entries(j.assetFilter).map(([k, v]) => `${k}=${v}`).join(', ') : '—')
  return `${j.source} · ${what} · ${j.interval} · ${j.mode}`
}

export function JobList({ onShowRuns }: { onShowRuns: (jobId: string) => void }) {
  const [q, setQ] = useState('')
  const [page, setPage] = useState(1)
  const [editing, setEditing] = useState<string | null>(null)
  const jobs = useListJobsQuery({ q: q || undefined, page, pageSize: 25 })
  const [trigger, triggerState] = useTriggerJobMutation()
  const [pause, pauseState] = usePauseJobMutation()
  const [resume, resumeState] = useResumeJobMutation()
  const [remove, removeState] = useDeleteJobMutation()
  const owns = useOwns()
  const actionError = triggerState.error ?? pauseState.error ?? resumeState.error ?? removeState.error

  return (
    <div>
      <div className="mb-3 max-w-sm">
        <label htmlFor="job-search" className="text-sm font-medium">Search jobs</label>
        <Input id="job-search" type="search" value={q} onChange={(e) => { setQ(e.target.value); setPage(1) }} />
      </div>
      <RoleNote needed="analyst" what="Running, pausing and deleting jobs is disabled." />
      {actionError ? <ErrorMessage error={actionError} title="The action failed" /> : null}
      {editing && <JobEditor id={editing} onDone={() => {
        const id = editing
        setEditing(null)
        // Focus goes back to where the edit started.
        setTimeout(() => document.querySelector<HTMLButtonElement>(`li[data-job-id="${id}"] button[data-edit]`)?.focus())
      }} />}
      <QueryState query={jobs} isEmpty={(d) => d.items.length === 0} empty={<p className="text-sm">No jobs yet. Create one in the “New job” tab.</p>} loadingLabel="Loading jobs…">
        {(d) => (
          <>
            <ul className="divide-y divide-slate-200 dark:divide-slate-800">
              {d.items.map((j) => {
                const may = owns(j.ownerId)
                const gate = { disabled: !may.allowed, title: may.reason }
                return (
                <li key={j.id} data-job-id={j.id} data-job-name={j.name} className="flex flex-wrap items-center justify-between gap-3 py-3">
                  <div className="min-w-0">
                    <p className="flex flex-wrap items-center gap-2 font-medium">
                      {j.name}
                      {!j.enabled && <span className="rounded bg-slate-200 px-1.5 text-xs dark:bg-slate-700">paused</span>}
                      <span data-testid="job-last-status">{j.lastRun ? <StatusBadge status={j.lastRun.status} /> : <span className="text-xs text-slate-600 dark:text-slate-400">never run</span>}</span>
                    </p>
                    <p className="truncate text-xs text-slate-700 dark:text-slate-300">{describeWork(j)} · {describeSchedule(j)}</p>
                    <p className="num text-xs text-slate-600 dark:text-slate-400">next {fmtTime(j.nextFireTime)} · last {fmtTime(j.lastRun?.finishedAt)}</p>
                  </div>
                  <div className="flex flex-wrap gap-2">
                    <Button {...gate} onClick={() => trigger(j.id)} aria-label={`Run now: ${j.name}`}>Run now</Button>
                    {j.enabled ? (
                      <Button {...gate} variant="secondary" onClick={() => pause(j.id)} aria-label={`Pause ${j.name}`}>Pause</Button>
                    ) : (
                      <Button {...gate} variant="secondary" onClick={() => resume(j.id)} aria-label={`Resume ${j.name}`}>Resume</Button>
                    )}
                    <Button {...gate} variant="secondary" data-edit onClick={() => setEditing(j.id)} aria-label={`Edit ${j.name}`}>Edit</Button>
                    <Button variant="secondary" onClick={() => onShowRuns(j.id)} aria-label={`Runs of ${j.name}`}>Runs</Button>
                    <Button {...gate} variant="secondary" onClick={() => { if (confirm(`Delete job ${j.name}?`)) remove(j.id) }} aria-label={`Delete ${j.name}`}>Delete</Button>
                  </div>
                </li>
              )})}
            </ul>
            {d.totalPages > 1 && <Pagination page={d.page} totalPages={d.totalPages} totalCount={d.totalCount} onPage={setPage} />}
          </>
        )}
      </QueryState>
    </div>
  )
}
