import { useId, useState, type ReactNode } from 'react'
import type { Paged, RejectedRowDto } from '../../api/schemas'
import { Pagination } from '../../components/Pagination'
import { QueryState } from '../../components/QueryState'
import { fmtInt } from '../../utils/format'
import { useListAssetRejectedQuery, useListRequestRejectedQuery } from './rejectionsApi'
import { RejectedRowsTable } from './RejectedRowsTable'

const pageSize = 10

type ListQuery = { data?: Paged<RejectedRowDto>; isLoading: boolean; error?: unknown; refetch?: () => unknown }

/** The "Rejected rows" section: a heading, what it lists, then the rows a page at a time or an empty state. */
function RejectedRowsSection({ id, title, intro, actions, query, caption, empty, showSymbol, onPage }: {
  id?: string; title: string; intro?: ReactNode; actions?: ReactNode; query: ListQuery; caption: string; empty: string
  showSymbol?: boolean; onPage: (page: number) => void
}) {
  const headingId = useId()
  return (
    <section id={id} aria-labelledby={headingId} data-testid="rejected-rows" className="mt-4 space-y-2">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 id={headingId} className="text-sm font-semibold">{title}</h3>
        {actions}
      </div>
      {intro && <p className="text-xs text-slate-600 dark:text-slate-400">{intro}</p>}
      <QueryState query={query} isEmpty={(d) => d.items.length === 0} loadingLabel="Loading rejected rows…"
        empty={<p className="text-sm">{empty}</p>}>
        {(d) => (
          <>
            <RejectedRowsTable rows={d.items} caption={caption} showSymbol={showSymbol} />
            {d.totalPages > 1 && <Pagination page={d.page} totalPages={d.totalPages} totalCount={d.totalCount} onPage={onPage} />}
          </>
        )}
      </QueryState>
    </section>
  )
}

/** What is kept: a source of nothing but bad rows must not fill the disk, so each window keeps its first ones. */
const keptNote = (rejected: number, kept: number | undefined) =>
  kept !== undefined && kept < rejected
    ? `${fmtInt(rejected)} rows were rejected; the first ${fmtInt(kept)} are kept with their reasons (a bound per collection window).`
    : `${fmtInt(rejected)} ${rejected === 1 ? 'row was' : 'rows were'} rejected.`

/** A collection request's rejected rows (shown once it has finished and rejected some). */
export function RequestRejectedRows({ requestId, rejected, symbols }: { requestId: string; rejected: number; symbols: number }) {
  const [page, setPage] = useState(1)
  const q = useListRequestRejectedQuery({ requestId, page, pageSize })
  return (
    <RejectedRowsSection title="Rejected rows" intro={keptNote(rejected, q.data?.totalCount)} query={q} onPage={setPage}
      caption="Rejected rows of this collection" empty="No rejected rows are kept for this collection." showSymbol={symbols > 1} />
  )
}

/**
 * The rejected rows of an asset's collections, newest first, or of the one collection picked in its history, with a
 * way back to all of them.
 */
export function AssetRejectedRows({ id, symbol, collection, onShowAll }: {
  id?: string; symbol: string; collection?: { requestId: string; label: string; rejected: number }; onShowAll: () => void
}) {
  const [page, setPage] = useState(1)
  const [shown, setShown] = useState(collection?.requestId)
  if (shown !== collection?.requestId) {
    // Another collection was picked: start again at its first page.
    setShown(collection?.requestId)
    setPage(1)
  }
  const all = useListAssetRejectedQuery({ symbol, page, pageSize }, { skip: !!collection })
  const one = useListRequestRejectedQuery({ requestId: collection?.requestId ?? '', page, pageSize }, { skip: !collection })
  return collection ? (
    <RejectedRowsSection id={id} title={`Rejected rows of the collection started ${collection.label}`}
      intro={keptNote(collection.rejected, one.data?.totalCount)} query={one} onPage={setPage}
      caption={`Rejected rows of ${symbol}, collection started ${collection.label}`} empty="No rejected rows are kept for this collection."
      actions={<button type="button" onClick={onShowAll} className="text-sm text-sky-700 underline dark:text-sky-400">Show all collections</button>} />
  ) : (
    <RejectedRowsSection id={id} title="Rejected rows" query={all} onPage={setPage} caption={`Rejected rows of ${symbol}`}
      intro="Rows the sources sent that failed validation, newest collection first. Each collection window keeps its first rows (1,000 by default) with their reasons."
      empty={`No rows of ${symbol} were rejected.`} />
  )
}
