import { useEffect, useRef } from 'react'
import { QueryState } from '../../components/QueryState'
import { JobForm } from './JobForm'
import { useGetJobQuery } from './schedulerApi'
import type { JobDto } from './schedulerTypes'

/** The edit form of one job, read fresh from the server so the version it sends back is current. */
export function JobEditor({ id, onDone }: { id: string; onDone: (saved?: JobDto) => void }) {
  const job = useGetJobQuery(id, { refetchOnMountOrArgChange: true })
  const heading = useRef<HTMLHeadingElement>(null)
  useEffect(() => heading.current?.focus(), [])
  return (
    <section aria-labelledby="job-editor-heading" className="mb-4 rounded-md border border-slate-300 p-3 dark:border-slate-700">
      <h2 id="job-editor-heading" ref={heading} tabIndex={-1} className="mb-3 text-base font-semibold">
        Edit job{job.data ? `: ${job.data.name}` : ''}
      </h2>
      <QueryState query={job} loadingLabel="Loading the job…">
        {(j) => <JobForm key={`${j.id}:${j.version}`} editing={j} onSaved={onDone} onCancel={() => onDone()} />}
      </QueryState>
    </section>
  )
}
