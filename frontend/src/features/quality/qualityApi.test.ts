import { afterEach, describe, expect, it, vi } from 'vitest'
import { configureStore } from '@reduxjs/toolkit'
import { apiSlice } from '../../api/apiSlice'
import { liveEvents, type QualityFindingEvent } from '../../api/liveEvents'
import { qualityApi } from './qualityApi'

const asset = (symbol: string, score: number) => ({ symbol, series: [{ symbol, interval: '1d', score, findings: [] }] })
const finding = (symbol: string): QualityFindingEvent => ({
  findingId: 7, symbol, interval: '1d', kind: 'outlier', barTime: '2024-01-31T00:00:00Z', severity: 'warning', quarantined: true,
  detail: 'robust z-score 9.1', score: 71.5, timestamp: '2024-02-01T00:00:00Z',
})

describe('an asset\'s quality', () => {
  afterEach(() => vi.unstubAllGlobals())

  it('reloads when a check finds something new on that asset, and only then', async () => {
    const answers = [asset('AAPL', 100), asset('AAPL', 71.5)]
    const fetchMock = vi.fn(async () => new Response(JSON.stringify(answers.shift() ?? asset('AAPL', 0)), { headers: { 'Content-Type': 'application/json' } }))
    vi.stubGlobal('fetch', fetchMock)
    const store = configureStore({ reducer: { [apiSlice.reducerPath]: apiSlice.reducer }, middleware: (d) => d().concat(apiSlice.middleware) })
    const sub = store.dispatch(qualityApi.endpoints.getAssetQuality.initiate('AAPL'))
    await sub
    // The store's type predates the tags the quality endpoints add; the state is the same.
    const score = () => qualityApi.endpoints.getAssetQuality.select('AAPL')(store.getState() as never)?.data?.series[0].score

    expect(score()).toBe(100)
    // Another asset's finding changes nothing here; this asset's reloads its score.
    liveEvents.emit('quality_finding', finding('MSFT'))
    liveEvents.emit('quality_finding', finding('AAPL'))
    await vi.waitFor(() => expect(score()).toBe(71.5))
    expect(fetchMock).toHaveBeenCalledTimes(2)
    sub.unsubscribe()
  })
})
