import { useState } from 'react'
import { Link } from 'react-router'
import { Card, PageHeader } from '../../components/Card'
import { HealthPanel } from '../health/HealthPanel'
import { IntervalSwitch } from '../marketData/IntervalSwitch'
import { useGetWatchlistQuery } from '../marketData/marketDataApi'
import { SymbolChart } from '../marketData/SymbolChart'
import { Watchlist } from '../marketData/Watchlist'
import { RecentRequests } from './RecentRequests'
import { RecentRuns } from './RecentRuns'

export default function DashboardPage() {
  const watchlist = useGetWatchlistQuery()
  const [picked, setPicked] = useState<string | undefined>()
  const [interval, setInterval] = useState('1d')
  const symbol = picked ?? watchlist.data?.[0]?.symbol

  return (
    <>
      <PageHeader title="Market overview" />
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-3">
        <Card id="chart" className="lg:col-span-2" title={symbol ? <Link to={`/assets/${encodeURIComponent(symbol)}`} className="hover:underline">{symbol}</Link> : 'Chart'} actions={<IntervalSwitch value={interval} onChange={setInterval} />}>
          {symbol ? <SymbolChart symbol={symbol} interval={interval} /> : <p className="text-sm text-slate-700 dark:text-slate-300">Pick a symbol from the watchlist.</p>}
        </Card>
        <Card id="watchlist" title="Watchlist">
          <Watchlist selected={symbol} onSelect={setPicked} />
        </Card>
        <Card id="runs" className="lg:col-span-2" title="Recent collection runs" actions={<Link to="/scheduler" className="text-sm text-sky-700 underline dark:text-sky-400">All runs</Link>}>
          <RecentRuns />
        </Card>
        <Card id="health" title="Platform health">
          <HealthPanel />
        </Card>
        <Card id="requests" className="lg:col-span-3" title="Recent collection requests">
          <RecentRequests />
        </Card>
      </div>
    </>
  )
}
