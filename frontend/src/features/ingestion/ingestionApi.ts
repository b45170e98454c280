import { apiSlice, query } from '../../api/apiSlice'
import { liveEvents } from '../../api/liveEvents'
import type { IngestionInput, IngestionRequestDto, KeptUploadDto, Paged } from '../../api/schemas'
import { applyProgress, isFinished } from './progress'

export type CsvUploadInput = { file: File; symbol: string; assetType: string; interval: string; currency?: string }

export const ingestionApi = apiSlice.injectEndpoints({
  endpoints: (build) => ({
    createRequest: build.mutation<{ requestId: string; status: string }, IngestionInput>({
      query: (body) => ({ url: '/ingestion/requests', method: 'POST', body }),
      invalidatesTags: [{ type: 'Request', id: 'LIST' }],
    }),
    uploadCsv: build.mutation<{ requestId: string; status: string }, CsvUploadInput>({
      // multipart/form-data: the browser sets the boundary, so no Content-Type is given here.
      query: ({ file, ...params }) => {
        const body = new FormData()
        body.append('file', file, file.name)
        return { url: `/ingestion/requests/csv${query(params)}`, method: 'POST', body }
      },
      invalidatesTags: [{ type: 'Request', id: 'LIST' }],
    }),
    /** CSV files kept for scheduled jobs: a CSV job names one by its `upload`. */
    listKeptUploads: build.query<KeptUploadDto[], void>({
      query: () => '/ingestion/uploads',
      providesTags: [{ type: 'Upload', id: 'LIST' }],
    }),
    keepUpload: build.mutation<KeptUploadDto, File>({
      query: (file) => {
        const body = new FormData()
        body.append('file', file, file.name)
        return { url: `/ingestion/uploads${query({ name: file.name })}`, method: 'POST', body }
      },
      invalidatesTags: [{ type: 'Upload', id: 'LIST' }],
    }),
    cancelRequest: build.mutation<{ requestId: string; status: string }, string>({
      query: (id) => ({ url: `/ingestion/requests/${encodeURIComponent(id)}/cancel`, method: 'POST' }),
      invalidatesTags: (_r, _e, id) => [{ type: 'Request', id }, { type: 'Request', id: 'LIST' }],
    }),
    getRequest: build.query<IngestionRequestDto, string>({
      query: (id) => `/ingestion/requests/${encodeURIComponent(id)}`,
      providesTags: (_r, _e, id) => [{ type: 'Request', id }],
      // Progress arrives over the hub; when the request finishes, reload it once for the final figures and
      // refresh what depends on the data it loaded.
      async onCacheEntryAdded(id, { updateCachedData, cacheDataLoaded, cacheEntryRemoved, dispatch, getCacheEntry }) {
        try {
          await cacheDataLoaded
        } catch {
          return
        }
        const off = liveEvents.on('collection_progress', (e) => {
          if (e.requestId !== id) return
          updateCachedData((draft) => applyProgress(draft, e))
          const req = getCacheEntry().data
          if (req && isFinished(req.status)) {
            dispatch(ingestionApi.util.invalidateTags([{ type: 'Request', id }, 'Coverage', 'Collections', 'Bars', 'Watchlist']))
          }
        })
        await cacheEntryRemoved
        off()
      },
    }),
    listRequests: build.query<Paged<IngestionRequestDto>, { status?: string; source?: string; page?: number; pageSize?: number }>({
      query: (a) => `/ingestion/requests${query(a)}`,
      providesTags: [{ type: 'Request', id: 'LIST' }],
      async onCacheEntryAdded(_a, { updateCachedData, cacheDataLoaded, cacheEntryRemoved, dispatch }) {
        try {
          await cacheDataLoaded
        } catch {
          return
        }
        const off = liveEvents.on('collection_progress', (e) => {
          let known = false
          updateCachedData((draft) => {
            const row = draft.items.find((r) => r.requestId === e.requestId)
            if (row) {
              known = true
              applyProgress(row, e)
            }
          })
          if (!known) dispatch(ingestionApi.util.invalidateTags([{ type: 'Request', id: 'LIST' }]))
        })
        await cacheEntryRemoved
        off()
      },
    }),
  }),
})

export const { useCreateRequestMutation, useUploadCsvMutation, useGetRequestQuery, useListRequestsQuery, useCancelRequestMutation, useListKeptUploadsQuery, useKeepUploadMutation } = ingestionApi
