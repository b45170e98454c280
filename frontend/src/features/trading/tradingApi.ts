import { apiSlice, query } from '../../api/apiSlice'
import { liveEvents } from '../../api/liveEvents'
import type { FillDto, Holdings, OrderDto, OrderEventDto, OrderInput, Paged, PaperAccountDto, PaperAccountInput, ReplayDto, ReplayInput } from '../../api/schemas'

const id = (x: string) => encodeURIComponent(x)
const base = (accountId: string) => `/paper/accounts/${id(accountId)}`
// An order that moves changes the blotter, the fills, the positions and the account's portfolio.
const touched = (accountId: string) => [
  { type: 'Order' as const, id: accountId },
  { type: 'Holdings' as const, id: accountId },
  { type: 'Transaction' as const, id: accountId },
  { type: 'PortfolioAnalytics' as const, id: accountId },
]

export const tradingApi = apiSlice.injectEndpoints({
  endpoints: (build) => ({
    listPaperAccounts: build.query<PaperAccountDto[], void>({
      query: () => '/paper/accounts?pageSize=500',
      transformResponse: (r: Paged<PaperAccountDto>) => r.items,
      providesTags: [{ type: 'PaperAccount', id: 'LIST' }],
    }),
    createPaperAccount: build.mutation<PaperAccountDto, PaperAccountInput>({
      query: (body) => ({ url: '/paper/accounts', method: 'POST', body }),
      invalidatesTags: [{ type: 'PaperAccount', id: 'LIST' }, { type: 'Portfolio', id: 'LIST' }],
    }),
    listOrders: build.query<Paged<OrderDto>, { accountId: string; status?: string; page?: number }>({
      query: ({ accountId, ...rest }) => `${base(accountId)}/orders${query({ ...rest, pageSize: 20 })}`,
      providesTags: (_r, _e, a) => [{ type: 'Order', id: a.accountId }],
      // Each transition of an order of this account arrives over the hub: the blotter, fills and positions reload.
      async onCacheEntryAdded(arg, { cacheDataLoaded, cacheEntryRemoved, dispatch }) {
        try {
          await cacheDataLoaded
        } catch {
          return
        }
        const off = liveEvents.on('order_update', (e) => {
          if (e.accountId === arg.accountId) dispatch(tradingApi.util.invalidateTags(touched(arg.accountId)))
        })
        await cacheEntryRemoved
        off()
      },
    }),
    submitOrder: build.mutation<OrderDto, { accountId: string; body: OrderInput }>({
      query: (a) => ({ url: `${base(a.accountId)}/orders`, method: 'POST', body: a.body }),
      invalidatesTags: (_r, _e, a) => touched(a.accountId),
    }),
    cancelOrder: build.mutation<OrderDto, { accountId: string; orderId: string }>({
      query: (a) => ({ url: `${base(a.accountId)}/orders/${id(a.orderId)}/cancel`, method: 'POST' }),
      invalidatesTags: (_r, _e, a) => touched(a.accountId),
    }),
    listFills: build.query<Paged<FillDto>, { accountId: string; page?: number }>({
      query: ({ accountId, page }) => `${base(accountId)}/fills${query({ page, pageSize: 20 })}`,
      providesTags: (_r, _e, a) => [{ type: 'Order', id: a.accountId }],
    }),
    orderEvents: build.query<OrderEventDto[], { accountId: string; orderId: string }>({
      query: (a) => `${base(a.accountId)}/orders/${id(a.orderId)}/events`,
      providesTags: (_r, _e, a) => [{ type: 'Order', id: a.accountId }],
    }),
    paperPositions: build.query<Holdings, { accountId: string }>({
      query: (a) => `${base(a.accountId)}/positions`,
      providesTags: (_r, _e, a) => [{ type: 'Holdings', id: a.accountId }, { type: 'Order', id: a.accountId }],
    }),
    submitReplay: build.mutation<ReplayDto, { accountId: string; body: ReplayInput }>({
      query: (a) => ({ url: `${base(a.accountId)}/replay`, method: 'POST', body: a.body }),
    }),
    getReplay: build.query<ReplayDto, { accountId: string; replayId: string }>({
      query: (a) => `${base(a.accountId)}/replays/${id(a.replayId)}`,
      providesTags: (_r, _e, a) => [{ type: 'Replay', id: a.replayId }],
      // Progress arrives over the hub and moves the bar; the end reloads the replay with its result. Listening starts
      // with the entry, before the first answer: a replay that ends while it is being read is reloaded once it is read.
      async onCacheEntryAdded(arg, { cacheDataLoaded, cacheEntryRemoved, updateCachedData, dispatch, getCacheEntry }) {
        let loaded = false
        let endedEarly = false
        const reload = () => dispatch(tradingApi.endpoints.getReplay.initiate(arg, { subscribe: false, forceRefetch: true }))
        const off = liveEvents.on('replay_progress', (e) => {
          if (e.replayId !== arg.replayId) return
          if (e.status === 'running')
            updateCachedData((r) => {
              if (r.status === 'queued' || r.status === 'running') Object.assign(r, { status: e.status, done: e.done, total: e.total })
            })
          else if (loaded) reload()
          else endedEarly = true
        })
        try {
          await cacheDataLoaded
          loaded = true
          const status = getCacheEntry().data?.status
          if (endedEarly && (status === 'queued' || status === 'running')) reload()
        } catch {
          /* the entry went away before its first answer */
        }
        await cacheEntryRemoved
        off()
      },
    }),
  }),
})

export const {
  useListPaperAccountsQuery, useCreatePaperAccountMutation, useListOrdersQuery, useSubmitOrderMutation, useCancelOrderMutation,
  useListFillsQuery, useOrderEventsQuery, usePaperPositionsQuery, useSubmitReplayMutation, useGetReplayQuery,
} = tradingApi
