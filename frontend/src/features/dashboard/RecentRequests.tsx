import { QueryState } from '../../components/QueryState'
import { useListRequestsQuery } from '../ingestion/ingestionApi'
import { RequestsTable } from '../ingestion/RequestsTable'

export function RecentRequests() {
  const q = useListRequestsQuery({ page: 1, pageSize: 8 })
  return (
    <QueryState
      query={q}
      isEmpty={(d) => d.items.length === 0}
      empty={
        <p className="text-sm text-slate-700 dark:text-slate-300">
          No collection requests yet: collect from an asset's page, the API or the command line.
        </p>
      }
      loadingLabel="Loading recent requests…"
    >
      {(d) => <RequestsTable requests={d.items} caption="Recent collection requests" />}
    </QueryState>
  )
}
