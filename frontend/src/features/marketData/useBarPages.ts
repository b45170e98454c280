import { useCallback, useEffect, useMemo, useState } from 'react'
import type { Bar } from '../../api/schemas'
import { mergeBars, pageBefore } from './barPages'
import { rangeFrom, type RangePreset } from './chartRange'
import { useGetBarsQuery, useLazyGetBarsQuery } from './marketDataApi'

export const PageSize = 1000

type Older = { key: string; bars: Bar[]; exhausted: boolean }

/**
 * The bars of one symbol, interval and range preset (in `currency` when given): the newest page first, then each older page the chart asks for
 * when the user scrolls past the oldest loaded bar. A page shorter than PageSize means history is exhausted.
 */
export function useBarPages(symbol: string, interval: string, range: RangePreset, currency?: string) {
  const [older, setOlder] = useState<Older>({ key: '', bars: [], exhausted: false })
  // Presets count back from the newest bar; All needs no anchor, so it asks for none.
  const latest = useGetBarsQuery({ symbol, interval, limit: 1, currency }, { skip: range === 'All' })
  const from = rangeFrom(range, latest.data?.bars[0]?.time)
  const first = useGetBarsQuery({ symbol, interval, from, limit: PageSize, currency }, { skip: range !== 'All' && !from })
  const [loadPage, page] = useLazyGetBarsQuery()
  const viewKey = `${symbol}|${interval}|${range}|${currency ?? ''}`

  useEffect(() => setOlder({ key: viewKey, bars: [], exhausted: false }), [viewKey])

  const candles = useMemo(
    () => mergeBars(older.key === viewKey ? older.bars : [], first.data?.bars ?? []),
    [first.data, older, viewKey],
  )

  const firstPageFull = (first.data?.bars.length ?? 0) >= PageSize
  const oldest = candles[0]?.time
  const loadOlder = useCallback(() => {
    if (!oldest || page.isFetching || older.exhausted || !firstPageFull) return
    void loadPage({ symbol, interval, from, to: pageBefore(oldest), limit: PageSize, currency }).unwrap().then((r) =>
      setOlder((o) => (o.key === viewKey ? { key: viewKey, bars: mergeBars(r.bars, o.bars), exhausted: r.bars.length < PageSize } : o)),
    ).catch(() => undefined)
  }, [oldest, page.isFetching, older.exhausted, firstPageFull, loadPage, symbol, interval, from, viewKey, currency])

  return {
    candles,
    data: first.data ?? latest.data,
    from,
    viewKey,
    loading: first.isLoading || latest.isLoading,
    error: first.error ?? latest.error,
    // A query that never started (its anchor failed) cannot be refetched: retry the one that failed.
    refetch: () => void (latest.error ? latest.refetch() : first.refetch()),
    loadOlder,
    loadingOlder: page.isFetching,
  }
}
