import { useState } from 'react'
import { Button } from '../../components/Form'
import { Pagination } from '../../components/Pagination'
import { ErrorMessage, QueryState } from '../../components/QueryState'
import { fmtDate, fmtNumber } from '../../utils/format'
import { useDeleteTransactionMutation, useListTransactionsQuery } from './portfolioApi'

export function TransactionsTable({ portfolioId }: { portfolioId: string }) {
  const [page, setPage] = useState(1)
  const q = useListTransactionsQuery({ portfolioId, page, pageSize: 20 })
  const [remove, removeState] = useDeleteTransactionMutation()
  return (
    <>
      {removeState.error ? <ErrorMessage error={removeState.error} title="The transaction was not deleted" /> : null}
      <QueryState query={q} isEmpty={(d) => d.items.length === 0} empty={<p className="text-sm">No transactions yet. Add one or import a CSV file.</p>} loadingLabel="Loading transactions…">
        {(d) => (
          <>
            <div className="-mx-4 overflow-x-auto px-4">
              <table className="w-full text-sm">
                <caption className="sr-only">Transactions</caption>
                <thead className="text-left text-xs uppercase text-slate-600 dark:text-slate-400">
                  <tr>
                    <th scope="col" className="py-1 pr-3">Date</th>
                    <th scope="col" className="py-1 pr-3">Type</th>
                    <th scope="col" className="py-1 pr-3">Symbol</th>
                    <th scope="col" className="py-1 pr-3 text-right">Quantity</th>
                    <th scope="col" className="py-1 pr-3 text-right">Price</th>
                    <th scope="col" className="py-1 pr-3 text-right">Amount</th>
                    <th scope="col" className="py-1 pr-3 text-right">Fee</th>
                    <th scope="col" className="py-1"><span className="sr-only">Actions</span></th>
                  </tr>
                </thead>
                <tbody>
                  {d.items.map((t) => (
                    <tr key={t.id} className="border-t border-slate-200 dark:border-slate-800">
                      <td className="num whitespace-nowrap py-1.5 pr-3">{fmtDate(t.time)}</td>
                      <td className="py-1.5 pr-3">{t.type}</td>
                      <td className="py-1.5 pr-3">{t.symbol ?? '—'}</td>
                      <td className="num py-1.5 pr-3 text-right">{fmtNumber(t.quantity, 4)}</td>
                      <td className="num py-1.5 pr-3 text-right">{fmtNumber(t.price)}</td>
                      <td className="num py-1.5 pr-3 text-right">{fmtNumber(t.amount)}</td>
                      <td className="num py-1.5 pr-3 text-right">{fmtNumber(t.fee)}</td>
                      <td className="py-1.5 text-right">
                        <Button variant="secondary" className="!px-2 !py-0.5 text-xs" onClick={() => remove({ portfolioId, txId: t.id })} aria-label={`Delete ${t.type} ${t.symbol ?? ''} on ${fmtDate(t.time)}`}>
                          Delete
                        </Button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {d.totalPages > 1 && <Pagination page={d.page} totalPages={d.totalPages} totalCount={d.totalCount} onPage={setPage} />}
          </>
        )}
      </QueryState>
    </>
  )
}
