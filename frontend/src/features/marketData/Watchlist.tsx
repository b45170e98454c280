import { Link } from 'react-router'
import { Change, SyntheticBadge } from '../../components/Badges'
import { QueryState } from '../../components/QueryState'
import { Sparkline } from '../../components/Sparkline'
import { fmtChangePercent, fmtNumber } from '../../utils/format'
import { useGetWatchlistQuery } from './marketDataApi'

export function Watchlist({ selected, onSelect }: { selected?: string; onSelect: (symbol: string) => void }) {
  const q = useGetWatchlistQuery(undefined, { pollingInterval: 60_000 })
  return (
    <QueryState query={q} isEmpty={(d) => d.length === 0} empty={<EmptyWatchlist />} loadingLabel="Loading watchlist…">
      {(items) => (
        <div className="-mx-4 overflow-x-auto px-4">
          <table className="w-full text-sm">
            <caption className="sr-only">Watchlist: last price, change and recent closes</caption>
            <thead className="text-left text-xs uppercase text-slate-600 dark:text-slate-400">
              <tr>
                <th scope="col" className="py-1 pr-2">Symbol</th>
                <th scope="col" className="py-1 pr-2 text-right">Last</th>
                <th scope="col" className="py-1 pr-2 text-right">Change</th>
                <th scope="col" className="hidden py-1 sm:table-cell">Trend</th>
              </tr>
            </thead>
            <tbody>
              {items.map((w) => (
                <tr key={w.symbol} aria-current={selected === w.symbol ? 'true' : undefined} className={`border-t border-slate-200 dark:border-slate-800 ${selected === w.symbol ? 'bg-sky-50 dark:bg-sky-950' : ''}`}>
                  <th scope="row" className="py-1.5 pr-2 text-left font-medium">
                    <button type="button" onClick={() => onSelect(w.symbol)} className="text-left text-sky-800 underline-offset-2 hover:underline dark:text-sky-300" aria-label={`Show ${w.symbol} on the chart`}>
                      {w.symbol}
                    </button>{' '}
                    <SyntheticBadge show={w.isSynthetic} />
                    <div className="max-w-[10rem] truncate text-xs font-normal text-slate-600 dark:text-slate-400">{w.name}</div>
                  </th>
                  <td className="num py-1.5 pr-2 text-right">{fmtNumber(w.last)}</td>
                  <td className="py-1.5 pr-2 text-right">
                    <Change value={w.change}>{fmtChangePercent(w.changePercent)}</Change>
                  </td>
                  <td className="hidden py-1.5 sm:table-cell">
                    <Sparkline values={w.sparkline ?? []} label={`${w.symbol} recent closes`} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </QueryState>
  )
}

function EmptyWatchlist() {
  return (
    <p className="text-sm text-slate-700 dark:text-slate-300">
      No assets yet. <Link to="/assets" className="text-sky-700 underline dark:text-sky-400">Add an asset</Link> and collect its data to see it here.
    </p>
  )
}
