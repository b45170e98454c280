import { createApi, fetchBaseQuery } from '@reduxjs/toolkit/query/react'

// An absolute base lets the same code run in the browser and under jsdom in tests.
const origin = typeof window !== 'undefined' && window.location?.origin?.startsWith('http') ? window.location.origin : 'http://localhost'

/** The one API slice; every feature adds its endpoints with `injectEndpoints`. */
export const apiSlice = createApi({
  reducerPath: 'api',
  baseQuery: fetchBaseQuery({ baseUrl: `${origin}/api` }),
  tagTypes: ['Asset', 'Coverage', 'Collections', 'Bars', 'Watchlist', 'Request', 'Job', 'Run', 'Template', 'Graph', 'JobAnalytics', 'Portfolio', 'Transaction', 'Holdings', 'PortfolioAnalytics', 'Health', 'Collector'],
  endpoints: () => ({}),
})

export function query(params: Record<string, string | number | boolean | null | undefined>): string {
  const search = new URLSearchParams()
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') search.set(k, String(v))
  const s = search.toString()
  return s ? `?${s}` : ''
}

export const enc = (symbol: string) => encodeURIComponent(symbol)
