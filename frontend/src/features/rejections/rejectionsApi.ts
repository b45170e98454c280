import { apiSlice, enc, query } from '../../api/apiSlice'
import type { Paged, RejectedRowDto } from '../../api/schemas'

type PageArgs = { page?: number; pageSize?: number }

// Tagged with what a finished collection invalidates (its request, the asset's collections), so the lists refresh then.
export const rejectionsApi = apiSlice.injectEndpoints({
  endpoints: (build) => ({
    listRequestRejected: build.query<Paged<RejectedRowDto>, { requestId: string } & PageArgs>({
      query: ({ requestId, ...rest }) => `/ingestion/requests/${encodeURIComponent(requestId)}/rejected${query(rest)}`,
      providesTags: (_r, _e, a) => [{ type: 'Request', id: a.requestId }],
    }),
    listAssetRejected: build.query<Paged<RejectedRowDto>, { symbol: string } & PageArgs>({
      query: ({ symbol, ...rest }) => `/assets/${enc(symbol)}/rejected${query(rest)}`,
      providesTags: (_r, _e, a) => [{ type: 'Collections', id: a.symbol }],
    }),
  }),
})

export const { useListRequestRejectedQuery, useListAssetRejectedQuery } = rejectionsApi
