import { apiSlice } from '../../api/apiSlice'
import type { CollectorDto } from '../../api/schemas'

/** GET /api/health: the health checks' report, which the OpenAPI document leaves out. */
export type HealthReport = {
  status: string
  durationMs: number
  checks: { name: string; status: string; description: string | null; durationMs: number; tags: string[] }[]
}

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
