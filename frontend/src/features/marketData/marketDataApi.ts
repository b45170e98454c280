import { apiSlice, enc, query } from '../../api/apiSlice'
import type { BarsResponse, CorporateAction, Latest, WatchlistItem } from '../../api/schemas'

/** `currency` reads the prices converted at stored rates (GBp, USD, EUR…); left out, they come as quoted. */
export type BarsArgs = { symbol: string; interval: string; from?: string; to?: string; adjust?: string; limit?: number; currency?: string }

export const marketDataApi = apiSlice.injectEndpoints({
  endpoints: (build) => ({
    getBars: build.query<BarsResponse, BarsArgs>({
      query: ({ symbol, ...rest }) => `/market-data/${enc(symbol)}/bars${query({ ...rest, format: 'json' })}`,
      providesTags: (_r, _e, a) => [{ type: 'Bars', id: a.symbol }],
    }),
    getCorporateActions: build.query<CorporateAction[], { symbol: string }>({
      query: ({ symbol }) => `/market-data/${enc(symbol)}/corporate-actions`,
      providesTags: (_r, _e, a) => [{ type: 'Bars', id: a.symbol }],
    }),
    getLatest: build.query<Latest, { symbol: string; interval?: string }>({
      query: ({ symbol, interval }) => `/market-data/${enc(symbol)}/latest${query({ interval })}`,
      providesTags: (_r, _e, a) => [{ type: 'Bars', id: a.symbol }],
    }),
    getWatchlist: build.query<WatchlistItem[], { symbols?: string[] } | void>({
      query: (a) => `/market-data/watchlist${query({ symbols: a?.symbols?.join(',') })}`,
      providesTags: ['Watchlist'],
    }),
  }),
})

export const { useGetBarsQuery, useLazyGetBarsQuery, useGetCorporateActionsQuery, useGetLatestQuery, useGetWatchlistQuery } = marketDataApi
