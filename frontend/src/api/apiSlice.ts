import { createApi, fetchBaseQuery, type BaseQueryFn, type FetchArgs, type FetchBaseQueryError } from '@reduxjs/toolkit/query/react'
import { freshAccessToken, loadSession, refreshSession, sessionExpired } from '../features/auth/session'

// An absolute base lets the same code run in the browser and under jsdom in tests.
const origin = typeof window !== 'undefined' && window.location?.origin?.startsWith('http') ? window.location.origin : 'http://localhost'

const rawBaseQuery = fetchBaseQuery({
  baseUrl: `${origin}/api`,
  prepareHeaders: async (headers) => {
    const token = await freshAccessToken()
    if (token) headers.set('Authorization', `Bearer ${token}`)
    return headers
  },
})

/** Sends the access token; on a 401 refreshes the session once and retries, else returns to the sign-in page. */
const baseQuery: BaseQueryFn<string | FetchArgs, unknown, FetchBaseQueryError> = async (args, api, extra) => {
  let result = await rawBaseQuery(args, api, extra)
  if (result.error?.status === 401 && loadSession()) {
    // The server refused a token it should have taken (revoked or signed by an older key): get a new one.
    if (await refreshSession(true)) result = await rawBaseQuery(args, api, extra)
    if (result.error?.status === 401) sessionExpired()
  }
  return result
}

/** The one API slice; every feature adds its endpoints with `injectEndpoints`. */
export const apiSlice = createApi({
  reducerPath: 'api',
  baseQuery,
  tagTypes: ['Asset', 'Coverage', 'Collections', 'Bars', 'Watchlist', 'Request', 'Job', 'Run', 'Template', 'Graph', 'JobAnalytics', 'Portfolio', 'Transaction', 'Holdings', 'PortfolioAnalytics', 'Health', 'Collector', 'Me', 'User', 'ApiKey', 'Audit', 'Fault', 'PaperAccount', 'Order', 'Replay', 'Upload'],
  endpoints: () => ({}),
})

export function query(params: Record<string, string | number | boolean | null | undefined>): string {
  const search = new URLSearchParams()
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') search.set(k, String(v))
  const s = search.toString()
  return s ? `?${s}` : ''
}

export const enc = (symbol: string) => encodeURIComponent(symbol)
