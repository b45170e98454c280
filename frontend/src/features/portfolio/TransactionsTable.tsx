import { useEffect, useState } from 'react'
import type { TransactionDto } from '../../api/schemas'
import { DataTable, type Column } from '../../components/DataTable'
import { Button } from '../../components/Form'
import { Pagination } from '../../components/Pagination'
import { ErrorMessage, QueryState } from '../../components/QueryState'
import { fmtDate, fmtNumber } from '../../utils/format'
import { useDeleteTransactionMutation, useListTransactionsQuery } from './portfolioApi'
import { AddTransactionForm } from './AddTransactionForm'

export function TransactionsTable({ portfolioId, currency = 'USD' }: { portfolioId: string; currency?: string }) {
  const [page, setPage] = useState(1)
  const [editing, setEditing] = useState<string | null>(null)
  const q = useListTransactionsQuery({ portfolioId, page, pageSize: 20 })
  const edited = q.data?.items.find((t) => t.id === editing)
  useEffect(() => { if (editing) document.getElementById('tx-editor')?.focus() }, [editing])
  const describe = (t: TransactionDto) => `${t.type} ${t.symbol ?? ''} on ${fmtDate(t.time)}`
  const [remove, removeState] = useDeleteTransactionMutation()
  const columns: Column<TransactionDto>[] = [
    { header: 'Date', cellClassName: 'num whitespace-nowrap', cell: (t) => fmtDate(t.time) },
    { header: 'Type', cell: (t) => t.type },
    { header: 'Symbol', cell: (t) => t.symbol ?? '—' },
    { header: 'Quantity', numeric: true, cell: (t) => fmtNumber(t.quantity, 4) },
    { header: 'Price', numeric: true, cell: (t) => fmtNumber(t.price) },
    { header: 'Amount', numeric: true, cell: (t) => fmtNumber(t.amount) },
    { header: 'Fee', numeric: true, cell: (t) => fmtNumber(t.fee) },
    {
      header: <span className="sr-only">Actions</span>,
      cellClassName: 'text-right',
      cell: (t) => (
        <span className="inline-flex gap-1">
          <Button variant="secondary" className="!px-2 !py-0.5 text-xs" onClick={() => setEditing(t.id)} aria-label={`Edit ${describe(t)}`}>
            Edit
          </Button>
          <Button variant="secondary" className="!px-2 !py-0.5 text-xs" onClick={() => remove({ portfolioId, txId: t.id })} aria-label={`Delete ${describe(t)}`}>
            Delete
          </Button>
        </span>
      ),
    },
  ]
  return (
    <>
      {removeState.error ? <ErrorMessage error={removeState.error} title="The transaction was not deleted" /> : null}
      {edited && (
        <section id="tx-editor" tabIndex={-1} aria-label={`Edit ${describe(edited)}`} className="my-3 rounded-md border border-slate-300 p-3 dark:border-slate-700">
          {/* Keyed by version: a reload that brings a newer version starts the form afresh from it. */}
          <AddTransactionForm key={`${edited.id}:${edited.version}`} portfolioId={portfolioId} currency={currency} editing={edited}
            onDone={() => setEditing(null)} onReload={() => q.refetch()} />
        </section>
      )}
      <QueryState query={q} isEmpty={(d) => d.items.length === 0} empty={<p className="text-sm">No transactions yet. Add one or import a CSV file.</p>} loadingLabel="Loading transactions…">
        {(d) => (
          <>
            <DataTable caption="Transactions" columns={columns} rows={d.items} rowKey={(t) => t.id} />
            {d.totalPages > 1 && <Pagination page={d.page} totalPages={d.totalPages} totalCount={d.totalCount} onPage={setPage} />}
          </>
        )}
      </QueryState>
    </>
  )
}
