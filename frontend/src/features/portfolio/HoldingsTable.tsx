import type { Holding, Holdings } from '../../api/schemas'
import { Change } from '../../components/Badges'
import { DataTable, type Column } from '../../components/DataTable'
import { fmtNumber, fmtPercent } from '../../utils/format'

const pnl = (v: number | null) => <Change value={v}>{fmtNumber(v)}</Change>

/** Total P&L of a holding: unrealised plus realised plus income (dividends and interest), in its currency. */
const totalPnl = (x: Holding) => (x.unrealizedPnl ?? 0) + x.realizedPnl + (x.income ?? 0)

export function HoldingsTable({ h, contributions }: { h: Holdings; contributions?: Map<string | undefined, number | undefined> }) {
  const columns: Column<Holding>[] = [
    { header: 'Symbol', rowHeader: true, cell: (x) => x.symbol },
    { header: 'Quantity', numeric: true, cell: (x) => fmtNumber(x.quantity, 4) },
    { header: 'Avg cost', numeric: true, cell: (x) => fmtNumber(x.averageCost) },
    { header: 'Price', numeric: true, cell: (x) => <>{fmtNumber(x.price)} <span className="text-xs text-slate-600 dark:text-slate-400">{x.currency}</span></> },
    { header: `Value (${h.baseCurrency})`, numeric: true, cell: (x) => fmtNumber(x.marketValueBase) },
    { header: 'Unrealised P&L', numeric: true, cell: (x) => pnl(x.unrealizedPnl) },
    { header: 'Realised P&L', numeric: true, cell: (x) => pnl(x.realizedPnl) },
    { header: 'Income', numeric: true, cell: (x) => fmtNumber(x.income ?? 0) },
    { header: 'Total P&L', numeric: true, cell: (x) => pnl(totalPnl(x)) },
    { header: 'Weight', numeric: true, cell: (x) => fmtPercent(x.weight, 1) },
    { header: 'Contribution', numeric: true, cell: (x) => <Change value={contributions?.get(x.symbol) ?? null}>{fmtPercent(contributions?.get(x.symbol), 2, true)}</Change> },
  ]
  return (
    <DataTable caption={`Holdings valued in ${h.baseCurrency}`} columns={columns} rows={h.holdings} rowKey={(x) => x.symbol}
      footer={
        <>
          <SummaryRow label="Cash" value={h.cash} className="border-t border-slate-300 dark:border-slate-700 [&>th]:font-medium" />
          <SummaryRow label="Total" value={h.totalValue} className="border-t-2 border-slate-400 font-semibold dark:border-slate-600" />
        </>
      } />
  )
}

/** A row under the holdings with one amount in the value column. */
function SummaryRow({ label, value, className }: { label: string; value: number; className: string }) {
  return (
    <tr className={className}>
      <th scope="row" className="py-1.5 pr-3 text-left">{label}</th>
      <td colSpan={3} />
      <td className="num py-1.5 pr-3 text-right">{fmtNumber(value)}</td>
      <td colSpan={6} />
    </tr>
  )
}
