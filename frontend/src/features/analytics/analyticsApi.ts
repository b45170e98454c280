import { apiSlice, query } from '../../api/apiSlice'
import type { Performance, Risk } from '../../api/schemas'

export type WindowArgs = { symbols: string[]; from?: string; to?: string; benchmark?: string; riskFree?: number; confidence?: number }

export const analyticsApi = apiSlice.injectEndpoints({
  endpoints: (build) => ({
    getPerformance: build.query<Performance, WindowArgs>({
      query: ({ symbols, from, to, benchmark, riskFree }) => `/analytics/performance${query({ symbols: symbols.join(','), from, to, benchmark, riskFree })}`,
    }),
    getRisk: build.query<Risk, WindowArgs>({
      query: ({ symbols, from, to, benchmark, confidence }) => `/analytics/risk${query({ symbols: symbols.join(','), from, to, benchmark, confidence })}`,
    }),
  }),
})

export const { useGetPerformanceQuery, useGetRiskQuery } = analyticsApi
