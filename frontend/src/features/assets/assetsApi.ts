import { apiSlice, enc, query } from '../../api/apiSlice'
import type { AssetDto, AssetInput, CollectionLogDto, Coverage, Paged } from '../../api/schemas'

export type AssetListArgs = { q?: string; type?: string; source?: string; interval?: string; since?: string; page?: number; pageSize?: number; sort?: string }

export const assetsApi = apiSlice.injectEndpoints({
  endpoints: (build) => ({
    listAssets: build.query<Paged<AssetDto>, AssetListArgs>({
      query: (a) => `/assets${query(a)}`,
      providesTags: (r) => [{ type: 'Asset', id: 'LIST' }, ...(r?.items ?? []).map((x) => ({ type: 'Asset' as const, id: x.symbol }))],
    }),
    getAsset: build.query<AssetDto, string>({
      query: (symbol) => `/assets/${enc(symbol)}`,
      providesTags: (_r, _e, s) => [{ type: 'Asset', id: s }],
    }),
    createAsset: build.mutation<AssetDto, AssetInput>({
      query: (body) => ({ url: '/assets', method: 'POST', body }),
      invalidatesTags: [{ type: 'Asset', id: 'LIST' }, 'Watchlist'],
    }),
    updateAsset: build.mutation<AssetDto, { symbol: string; body: AssetInput }>({
      query: (a) => ({ url: `/assets/${enc(a.symbol)}`, method: 'PUT', body: a.body }),
      // A refused edit changed nothing: refetching would only replace the form the user is still looking at.
      invalidatesTags: (_r, e, a) => (e ? [] : [{ type: 'Asset', id: a.symbol }, { type: 'Asset', id: 'LIST' }, 'Watchlist']),
    }),
    deleteAsset: build.mutation<void, string>({
      query: (symbol) => ({ url: `/assets/${enc(symbol)}`, method: 'DELETE' }),
      invalidatesTags: [{ type: 'Asset', id: 'LIST' }, 'Watchlist'],
    }),
    getCoverage: build.query<Coverage, string>({
      query: (symbol) => `/assets/${enc(symbol)}/coverage`,
      providesTags: (_r, _e, s) => [{ type: 'Coverage', id: s }],
    }),
    getCollections: build.query<Paged<CollectionLogDto>, { symbol: string; page?: number; pageSize?: number }>({
      query: ({ symbol, ...rest }) => `/assets/${enc(symbol)}/collections${query(rest)}`,
      providesTags: (_r, _e, a) => [{ type: 'Collections', id: a.symbol }],
    }),
  }),
})

export const { useListAssetsQuery, useGetAssetQuery, useCreateAssetMutation, useDeleteAssetMutation, useGetCoverageQuery, useGetCollectionsQuery, useUpdateAssetMutation } = assetsApi
