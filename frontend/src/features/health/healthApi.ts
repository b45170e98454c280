import { apiSlice } from '../../api/apiSlice'
import type { CollectorDto, HealthReport } from '../../api/types'

export const healthApi = apiSlice.injectEndpoints({
  endpoints: (build) => ({
    // /api/health answers 503 with the same body when unhealthy: keep the report instead of an error.
    getHealth: build.query<HealthReport, void>({
      query: () => ({ url: '/health', validateStatus: (r) => r.status === 200 || r.status === 503 }),
      providesTags: ['Health'],
    }),
    getCollectors: build.query<CollectorDto[], void>({ query: () => '/collectors', providesTags: ['Collector'] }),
  }),
})

export const { useGetHealthQuery, useGetCollectorsQuery } = healthApi
