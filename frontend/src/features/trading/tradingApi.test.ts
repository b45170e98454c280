import { afterEach, describe, expect, it, vi } from 'vitest'
import { configureStore } from '@reduxjs/toolkit'
import { apiSlice } from '../../api/apiSlice'
import { liveEvents } from '../../api/liveEvents'
import { tradingApi } from './tradingApi'

const page = (status: string) => ({ items: [{ id: 'o1', status }], page: 1, pageSize: 20, totalCount: 1, totalPages: 1 })

describe('the blotter', () => {
  afterEach(() => vi.unstubAllGlobals())

  it('reloads when an order of its account changes over the hub', async () => {
    const answers = [page('accepted'), page('filled')]
    const fetchMock = vi.fn(async () => new Response(JSON.stringify(answers.shift() ?? page('filled')), { headers: { 'Content-Type': 'application/json' } }))
    vi.stubGlobal('fetch', fetchMock)
    const store = configureStore({ reducer: { [apiSlice.reducerPath]: apiSlice.reducer }, middleware: (d) => d().concat(apiSlice.middleware) })
    const sub = store.dispatch(tradingApi.endpoints.listOrders.initiate({ accountId: 'a1' }))
    await sub
    expect(tradingApi.endpoints.listOrders.select({ accountId: 'a1' })(store.getState()).data?.items[0].status).toBe('accepted')

    const base = { orderId: 'o1', fillPrice: 99, fillQuantity: 1, filledQuantity: 1, reason: null, timestamp: '2024-01-11T00:00:00Z' }
    liveEvents.emit('order_update', { ...base, accountId: 'a1', status: 'filled' })
    await vi.waitFor(() => expect(tradingApi.endpoints.listOrders.select({ accountId: 'a1' })(store.getState()).data?.items[0].status).toBe('filled'))
    expect(fetchMock).toHaveBeenCalledTimes(2)
    sub.unsubscribe()
  })
})
