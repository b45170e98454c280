import { apiSlice, query } from '../../api/apiSlice'
import { liveEvents } from '../../api/liveEvents'
import type { Paged, ReportDto, ReportInput } from '../../api/schemas'

const api = apiSlice.enhanceEndpoints({ addTagTypes: ['Report'] })

export const reportsApi = api.injectEndpoints({
  endpoints: (build) => ({
    listReports: build.query<Paged<ReportDto>, { page?: number; pageSize?: number }>({
      query: (a) => `/reports${query(a)}`,
      providesTags: [{ type: 'Report', id: 'LIST' }],
      // The hub says when one of the user's reports finished: the list shows its new status and file.
      async onCacheEntryAdded(_arg, { cacheDataLoaded, cacheEntryRemoved, dispatch }) {
        try {
          await cacheDataLoaded
        } catch {
          return
        }
        const off = liveEvents.on('report_ready', () => dispatch(reportsApi.util.invalidateTags([{ type: 'Report', id: 'LIST' }])))
        await cacheEntryRemoved
        off()
      },
    }),
    requestReport: build.mutation<ReportDto, ReportInput>({
      query: (body) => ({ url: '/reports', method: 'POST', body }),
      invalidatesTags: [{ type: 'Report', id: 'LIST' }],
    }),
    deleteReport: build.mutation<void, string>({
      query: (id) => ({ url: `/reports/${encodeURIComponent(id)}`, method: 'DELETE' }),
      invalidatesTags: [{ type: 'Report', id: 'LIST' }],
    }),
  }),
})

export const { useListReportsQuery, useRequestReportMutation, useDeleteReportMutation } = reportsApi
