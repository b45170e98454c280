import { useMemo } from 'react'
import { PriceChart } from '../../components/PriceChart'
import { QueryState } from '../../components/QueryState'
import { fmtInt, priceDecimals } from '../../utils/format'
import { findingMarkers } from './findingMarkers'
import { chartBars, useGetSeriesBarsQuery, type Finding } from './qualityApi'

/** The series' newest bars, quarantined ones included, with its findings flagged on them. */
export function SeriesChart({ symbol, interval, findings }: { symbol: string; interval: string; findings: Finding[] }) {
  const bars = useGetSeriesBarsQuery({ symbol, interval })
  const loaded = bars.data?.bars
  const { markers, outside } = useMemo(() => findingMarkers(findings, loaded ?? []), [findings, loaded])
  return (
    <QueryState query={bars} loadingLabel={`Loading ${symbol} bars…`} isEmpty={(d) => d.bars.length === 0}
      empty={<p className="text-sm">No {interval} bars stored for {symbol}.</p>}>
      {(d) => (
        <>
          <p className="mb-2 text-sm text-slate-700 dark:text-slate-300">
            {d.bars.length < chartBars ? 'All' : 'The newest'} {fmtInt(d.bars.length)} bars, quarantined ones included.
            Flags: <span aria-hidden="true">▼</span> error, <span aria-hidden="true">●</span> warning, <span aria-hidden="true">■</span> rejected (still quarantined); an accepted finding is not flagged.
            {outside > 0 && ` ${outside} finding${outside === 1 ? ' is' : 's are'} on older bars, listed below.`}
          </p>
          <PriceChart
            candles={d.bars}
            markers={markers}
            precision={priceDecimals(d.assetType, d.bars[d.bars.length - 1]?.close, d.priceDecimals)}
            viewKey={`${symbol}|${interval}`}
            height={320}
            label={`${symbol} ${interval} candlestick chart of ${d.bars.length} bars with ${markers.length} flagged finding${markers.length === 1 ? '' : 's'}`}
          />
        </>
      )}
    </QueryState>
  )
}
