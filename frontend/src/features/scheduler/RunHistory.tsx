import { useState } from 'react'
import { Field, Input, Select } from '../../components/Form'
import { Pagination } from '../../components/Pagination'
import { QueryState } from '../../components/QueryState'
import { RunsTable } from './RunsTable'
import { useListJobsQuery, useListRunsQuery } from './schedulerApi'

const statuses = ['pending', 'running', 'succeeded', 'failed', 'skipped', 'timed_out']

export function RunHistory({ jobId, onJobChange }: { jobId: string; onJobChange: (id: string) => void }) {
  const [status, setStatus] = useState('')
  const [from, setFrom] = useState('')
  const [to, setTo] = useState('')
  const [page, setPage] = useState(1)
  const jobs = useListJobsQuery({ pageSize: 200 })
  const runs = useListRunsQuery({
    jobId: jobId || undefined,
    status: status || undefined,
    from: from ? `${from}T00:00:00Z` : undefined,
    to: to ? `${to}T23:59:59Z` : undefined,
    page,
    pageSize: 25,
  })
  return (
    <div>
      <div className="mb-3 grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <Field label="Job">
          {(p) => (
            <Select {...p} value={jobId} onChange={(e) => { onJobChange(e.target.value); setPage(1) }}>
              <option value="">All jobs</option>
              {jobs.data?.items.map((j) => (
                <option key={j.id} value={j.id}>{j.name}</option>
              ))}
            </Select>
          )}
        </Field>
        <Field label="Status">
          {(p) => (
            <Select {...p} value={status} onChange={(e) => { setStatus(e.target.value); setPage(1) }}>
              <option value="">Any status</option>
              {statuses.map((s) => (
                <option key={s} value={s}>{s.replace('_', ' ')}</option>
              ))}
            </Select>
          )}
        </Field>
        <Field label="From">
          {(p) => <Input {...p} type="date" value={from} onChange={(e) => { setFrom(e.target.value); setPage(1) }} />}
        </Field>
        <Field label="To">
          {(p) => <Input {...p} type="date" value={to} onChange={(e) => { setTo(e.target.value); setPage(1) }} />}
        </Field>
      </div>
      <QueryState query={runs} isEmpty={(d) => d.items.length === 0} empty={<p className="text-sm">No runs match.</p>} loadingLabel="Loading runs…">
        {(d) => (
          <>
            <RunsTable runs={d.items} caption="Run history" />
            <Pagination page={d.page} totalPages={d.totalPages} totalCount={d.totalCount} onPage={setPage} />
          </>
        )}
      </QueryState>
    </div>
  )
}
