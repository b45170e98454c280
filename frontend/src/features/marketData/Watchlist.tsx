import { Link } from 'react-router'
import type { WatchlistItem } from '../../api/schemas'
import { Change, SyntheticBadge } from '../../components/Badges'
import { DataTable, type Column } from '../../components/DataTable'
import { QueryState } from '../../components/QueryState'
import { Sparkline } from '../../components/Sparkline'
import { fmtChangePercent, fmtNumber } from '../../utils/format'
import { useGetWatchlistQuery } from './marketDataApi'

export function Watchlist({ selected, onSelect }: { selected?: string; onSelect: (symbol: string) => void }) {
  const q = useGetWatchlistQuery(undefined, { pollingInterval: 60_000 })
  const columns: Column<WatchlistItem>[] = [
    {
      header: 'Symbol',
      rowHeader: true,
      cell: (w) => (
        <>
          <button type="button" onClick={() => onSelect(w.symbol)} className="text-left text-sky-800 underline-offset-2 hover:underline dark:text-sky-300" aria-label={`Show ${w.symbol} on the chart`}>
            {w.symbol}
          </button>{' '}
          <SyntheticBadge show={w.isSynthetic} />
          <div className="max-w-[10rem] truncate text-xs font-normal text-slate-600 dark:text-slate-400">{w.name}</div>
        </>
      ),
    },
    { header: 'Last', numeric: true, cell: (w) => fmtNumber(w.last) },
    { header: 'Change', numeric: true, cell: (w) => <Change value={w.change}>{fmtChangePercent(w.changePercent)}</Change> },
    { header: 'Trend', className: 'hidden sm:table-cell', cell: (w) => <Sparkline values={w.sparkline ?? []} label={`${w.symbol} recent closes`} /> },
  ]
  return (
    <QueryState query={q} loadingLabel="Loading watchlist…">
      {(items) => (
        <DataTable caption="Watchlist: last price, change and recent closes" columns={columns} rows={items} rowKey={(w) => w.symbol} empty={<EmptyWatchlist />}
          rowProps={(w) => (selected === w.symbol ? { 'aria-current': 'true', className: 'bg-sky-50 dark:bg-sky-950' } : {})} />
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
