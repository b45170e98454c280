import type { Holdings } from '../../api/types'
import { Change } from '../../components/Badges'
import { fmtNumber, fmtPercent } from '../../utils/format'

export function HoldingsTable({ h }: { h: Holdings }) {
  return (
    <div className="-mx-4 overflow-x-auto px-4">
      <table className="w-full text-sm">
        <caption className="sr-only">Holdings valued in {h.baseCurrency}</caption>
        <thead className="text-left text-xs uppercase text-slate-600 dark:text-slate-400">
          <tr>
            <th scope="col" className="py-1 pr-3">Symbol</th>
            <th scope="col" className="py-1 pr-3 text-right">Quantity</th>
            <th scope="col" className="py-1 pr-3 text-right">Avg cost</th>
            <th scope="col" className="py-1 pr-3 text-right">Price</th>
            <th scope="col" className="py-1 pr-3 text-right">Value ({h.baseCurrency})</th>
            <th scope="col" className="py-1 pr-3 text-right">Unrealised P&amp;L</th>
            <th scope="col" className="py-1 pr-3 text-right">Realised P&amp;L</th>
            <th scope="col" className="py-1 text-right">Weight</th>
          </tr>
        </thead>
        <tbody>
          {h.holdings.map((x) => (
            <tr key={x.symbol} className="border-t border-slate-200 dark:border-slate-800">
              <th scope="row" className="py-1.5 pr-3 text-left font-medium">{x.symbol}</th>
              <td className="num py-1.5 pr-3 text-right">{fmtNumber(x.quantity, 4)}</td>
              <td className="num py-1.5 pr-3 text-right">{fmtNumber(x.averageCost)}</td>
              <td className="num py-1.5 pr-3 text-right">{fmtNumber(x.price)} <span className="text-xs text-slate-600 dark:text-slate-400">{x.currency}</span></td>
              <td className="num py-1.5 pr-3 text-right">{fmtNumber(x.marketValueBase)}</td>
              <td className="py-1.5 pr-3 text-right"><Change value={x.unrealizedPnl}>{fmtNumber(x.unrealizedPnl)}</Change></td>
              <td className="py-1.5 pr-3 text-right"><Change value={x.realizedPnl}>{fmtNumber(x.realizedPnl)}</Change></td>
              <td className="num py-1.5 text-right">{fmtPercent(x.weight, 1)}</td>
            </tr>
          ))}
          <tr className="border-t border-slate-300 dark:border-slate-700">
            <th scope="row" className="py-1.5 pr-3 text-left font-medium">Cash</th>
            <td colSpan={3} />
            <td className="num py-1.5 pr-3 text-right">{fmtNumber(h.cash)}</td>
            <td colSpan={3} />
          </tr>
        </tbody>
        <tfoot>
          <tr className="border-t-2 border-slate-400 font-semibold dark:border-slate-600">
            <th scope="row" className="py-1.5 pr-3 text-left">Total</th>
            <td colSpan={3} />
            <td className="num py-1.5 pr-3 text-right">{fmtNumber(h.totalValue)}</td>
            <td colSpan={3} />
          </tr>
        </tfoot>
      </table>
    </div>
  )
}
