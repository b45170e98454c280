import { apiSlice, enc, query } from '../../api/apiSlice'
import { liveEvents } from '../../api/liveEvents'
import type * as G from '../../api/openapi.gen'
import type { BarsResponse, Paged, Sent } from '../../api/schemas'

export type SeriesQuality = Sent<G.SeriesQualityDto>
export type Finding = Sent<G.FindingDto>
export type AssetQuality = Sent<G.AssetQualityDto>

export type FindingStatus = 'open' | 'accepted' | 'rejected'
export const findingStatuses: readonly FindingStatus[] = ['open', 'accepted', 'rejected']

/** The newest bars the chart of a series shows: enough for the score's window of 250 bars and its look-back. */
export const chartBars = 1000

// 'Quality' is the scores with their findings (the list and one asset's); 'Finding' the paged findings of a series.
const api = apiSlice.enhanceEndpoints({ addTagTypes: ['Quality', 'Finding'] })

type CacheLifecycle = { cacheDataLoaded: Promise<unknown>; cacheEntryRemoved: Promise<unknown>; dispatch: (action: unknown) => unknown }

/**
 * A new finding arrives over the hub (quality_finding): the scores, that series' findings and its flagged bars reload,
 * for as long as a list of scores (or, with a symbol, that asset's quality) is shown.
 */
function reloadOnFinding(symbol?: string) {
  return async (_arg: unknown, { cacheDataLoaded, cacheEntryRemoved, dispatch }: CacheLifecycle) => {
    try {
      await cacheDataLoaded
    } catch {
      return
    }
    const off = liveEvents.on('quality_finding', (e) => {
      if (symbol !== undefined && e.symbol !== symbol) return
      dispatch(api.util.invalidateTags(['Quality', { type: 'Finding', id: `${e.symbol}|${e.interval}` }, { type: 'Bars', id: e.symbol }]))
    })
    await cacheEntryRemoved
    off()
  }
}

export const qualityApi = api.injectEndpoints({
  endpoints: (build) => ({
    listSeriesQuality: build.query<Paged<SeriesQuality>, { page?: number; pageSize?: number }>({
      query: (a) => `/quality${query(a)}`,
      providesTags: [{ type: 'Quality', id: 'LIST' }],
      onCacheEntryAdded: reloadOnFinding(),
    }),
    getAssetQuality: build.query<AssetQuality, string>({
      query: (symbol) => `/assets/${enc(symbol)}/quality`,
      providesTags: (_r, _e, symbol) => [{ type: 'Quality', id: symbol }],
      onCacheEntryAdded: (symbol, lifecycle) => reloadOnFinding(symbol)(symbol, lifecycle),
    }),
    listFindings: build.query<Paged<Finding>, { symbol: string; interval: string; status?: FindingStatus; page?: number; pageSize?: number }>({
      query: (a) => `/quality/findings${query(a)}`,
      providesTags: (_r, _e, a) => [{ type: 'Finding', id: `${a.symbol}|${a.interval}` }],
    }),
    // Quarantined bars included: the page shows what the checks found on them.
    getSeriesBars: build.query<BarsResponse, { symbol: string; interval: string }>({
      query: ({ symbol, interval }) => `/market-data/${enc(symbol)}/bars${query({ interval, limit: chartBars, quality: 'all', format: 'json' })}`,
      providesTags: (_r, _e, a) => [{ type: 'Bars', id: a.symbol }],
    }),
    decideFinding: build.mutation<Finding, { finding: Finding; decision: 'accept' | 'reject' }>({
      query: ({ finding, decision }) => ({ url: `/quality/findings/${finding.id}/${decision}`, method: 'POST' }),
      // A decision changes the series' score and findings, and an accepted bar comes back into the clean bars. A refused
      // one (a check run removed the finding meanwhile) means what is shown is out of date: refetch either way.
      invalidatesTags: (_r, _e, { finding }) => ['Quality', 'Finding', { type: 'Bars', id: finding.symbol }],
    }),
  }),
})

export const { useListSeriesQualityQuery, useGetAssetQualityQuery, useListFindingsQuery, useGetSeriesBarsQuery, useDecideFindingMutation } = qualityApi
