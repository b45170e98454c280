import { Link } from 'react-router'
import { useGetLatestQuery } from '../marketData/marketDataApi'

/**
 * "Alert me" on an asset's page: opens a new price rule on the asset and the chart's interval, its level the chart's
 * last close (the Alerts page reads them from the link).
 */
export function AlertMe({ symbol, interval }: { symbol: string; interval: string }) {
  const latest = useGetLatestQuery({ symbol, interval })
  const level = latest.data?.close
  const params = new URLSearchParams({ tab: 'new', symbol, interval })
  if (level !== undefined) params.set('level', String(level))
  return (
    <Link to={`/alerts?${params}`} data-testid="alert-me"
      className="rounded-md border border-slate-400 px-2 py-0.5 text-sm hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800">
      Alert me <span className="sr-only">about {symbol}{level !== undefined ? ` near ${level}` : ''}</span>
    </Link>
  )
}
