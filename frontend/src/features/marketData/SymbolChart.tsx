import { useMemo } from 'react'
import { PriceChart } from '../../components/PriceChart'
import { ErrorMessage, Spinner } from '../../components/QueryState'
import { SyntheticBadge } from '../../components/Badges'
import { fmtNumber, fmtTime } from '../../utils/format'
import { useGetBarsQuery } from './marketDataApi'

/** Candles and volume for one symbol at one interval; resampling happens on the server. */
export function SymbolChart({ symbol, interval, height = 380 }: { symbol: string; interval: string; height?: number }) {
  const bars = useGetBarsQuery({ symbol, interval, limit: 1000 })
  const candles = useMemo(() => bars.data?.bars ?? [], [bars.data])
  if (bars.isLoading) return <Spinner label={`Loading ${symbol} bars…`} />
  if (bars.error) return <ErrorMessage error={bars.error} title={`Bars for ${symbol} could not be loaded`} onRetry={() => void bars.refetch()} />
  const data = bars.data
  if (!data) return null
  const last = candles[candles.length - 1]
  return (
    <div>
      <div className="mb-2 flex flex-wrap items-center gap-x-4 gap-y-1 text-sm">
        <span data-testid="bar-count" data-count={candles.length} className="num">
          {candles.length.toLocaleString('en-US')} bars
        </span>
        {data.baseInterval && data.baseInterval !== data.interval && <span className="text-slate-600 dark:text-slate-400">resampled from {data.baseInterval}</span>}
        {last && (
          <span className="num text-slate-700 dark:text-slate-300">
            last {fmtNumber(last.close)} {data.currency ?? ''} at {fmtTime(last.time)}
          </span>
        )}
        <SyntheticBadge show={data.isSynthetic} />
      </div>
      {candles.length === 0 ? (
        <p className="rounded-md border border-dashed border-slate-300 p-6 text-center text-sm text-slate-600 dark:border-slate-700 dark:text-slate-400">
          No {interval} bars stored for {symbol} yet. Collect data from the asset page or schedule a job.
        </p>
      ) : (
        <PriceChart candles={candles} height={height} label={`${symbol} ${interval} candlestick chart with volume, ${candles.length} bars${data.isSynthetic ? ', synthetic data' : ''}`} />
      )}
    </div>
  )
}
