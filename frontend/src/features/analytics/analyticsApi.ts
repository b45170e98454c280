import { apiSlice, query } from '../../api/apiSlice'
import type { Performance, Risk } from '../../api/schemas'

export type WindowArgs = { symbols: string[]; from?: string; to?: string; benchmark?: string; riskFree?: number; confidence?: number; interval?: string; rollingWindow?: number }

export const analyticsApi = apiSlice.injectEndpoints({
  endpoints: (build) => ({
    getPerformance: build.query<Performance, WindowArgs>({
      query: ({ symbols, from, to, benchmark, riskFree, interval, rollingWindow }) => `/analytics/performance${query({ symbols: symbols.join(','), from, to, benchmark, riskFree, interval, rollingWindow })}`,
    }),
    getRisk: build.query<Risk, WindowArgs>({
      query: ({ symbols, from, to, benchmark, confidence, interval }) => `/analytics/risk${query({ symbols: symbols.join(','), from, to, benchmark, confidence, interval })}`,
    }),
  }),
})

export const { useGetPerformanceQuery, useGetRiskQuery } = analyticsApi
