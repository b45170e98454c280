import { Link } from 'react-router'
import { QueryState } from '../../components/QueryState'
import { useListRunsQuery } from '../scheduler/schedulerApi'
import { RunsTable } from '../scheduler/RunsTable'

export function RecentRuns() {
  const q = useListRunsQuery({ page: 1, pageSize: 8 })
  return (
    <QueryState
      query={q}
      isEmpty={(d) => d.items.length === 0}
      empty={
        <p className="text-sm text-slate-700 dark:text-slate-300">
          No collection runs yet. <Link to="/scheduler" className="text-sky-700 underline dark:text-sky-400">Schedule a job</Link>.
        </p>
      }
      loadingLabel="Loading recent runs…"
    >
      {(d) => <RunsTable runs={d.items} caption="Recent collection runs" compact />}
    </QueryState>
  )
}
