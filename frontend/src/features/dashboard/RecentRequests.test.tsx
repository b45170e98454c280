import { afterEach, describe, expect, it, vi } from 'vitest'
import { act, screen, waitFor, within } from '@testing-library/react'
import { liveEvents } from '../../api/liveEvents'
import type { IngestionRequestDto } from '../../api/schemas'
import { mockApi, paged, renderWithProviders } from '../../test/utils'
import { RecentRequests } from './RecentRequests'

afterEach(() => vi.unstubAllGlobals())

const request = (over: Partial<IngestionRequestDto> = {}): IngestionRequestDto => ({
  requestId: 'q1', source: 'synthetic', symbols: ['AAPL'], assetType: 'stock', interval: '1d', from: '', to: '', mode: 'batch',
  status: 'running', chunksTotal: 4, chunksDone: 1, recordsCollected: 100, recordsLoaded: 100, recordsRejected: 0, errorClass: null,
  errorMessage: null, jobId: null, runId: null, createdAt: '2026-11-28T10:00:00Z', completedAt: null, perSymbol: null, retryAt: null, ...over,
})

describe('RecentRequests', () => {
  it('lists requests from every origin, with their symbols, origin and error', async () => {
    mockApi([['GET', /\/api\/ingestion\/requests$/, () => ({
      body: paged([
        request({ retryAt: '2026-11-28T10:05:00Z' }),
        request({ requestId: 'q2', source: 'yahoo', symbols: ['A', 'B', 'C', 'D', 'E'], jobId: 'j1', status: 'failed', errorClass: 'RateLimited', errorMessage: 'Too Many Requests' }),
      ]),
    })]])
    renderWithProviders(<RecentRequests />)

    const table = await screen.findByRole('table', { name: 'Recent collection requests' })
    const [, onDemand, scheduled] = within(table).getAllByRole('row')
    expect(onDemand).toHaveTextContent('AAPL 1d · batch')
    expect(onDemand).toHaveTextContent('on demand')
    expect(within(onDemand).getByRole('progressbar')).toBeInTheDocument()
    expect(onDemand).toHaveTextContent('waiting to retry at 2026-11-28 10:05 UTC')
    expect(scheduled).toHaveTextContent('A, B, C +2')
    expect(scheduled).toHaveTextContent('scheduled')
    expect(scheduled).toHaveTextContent('rate limited: Too Many Requests')
  })

  it('moves a listed request on as collection_progress events arrive', async () => {
    mockApi([['GET', /\/api\/ingestion\/requests$/, () => ({ body: paged([request()]) })]])
    renderWithProviders(<RecentRequests />)
    const row = (await screen.findAllByRole('row'))[1]

    act(() => liveEvents.emit('collection_progress', {
      requestId: 'q1', jobId: null, runId: null, symbol: null, status: 'succeeded', chunksDone: 4, chunksTotal: 4,
      recordsCollected: 400, recordsLoaded: 400, timestamp: '',
    }))

    await waitFor(() => expect(row).toHaveAttribute('data-status', 'succeeded'))
    expect(row).toHaveTextContent('400')
  })

  it('says how to start when there are none', async () => {
    mockApi([['GET', /\/api\/ingestion\/requests$/, () => ({ body: paged([]) })]])
    renderWithProviders(<RecentRequests />)
    expect(await screen.findByText(/No collection requests yet/)).toBeInTheDocument()
  })

  it('cancels a running request and offers no cancel for a finished one', async () => {
    const api = mockApi([
      ['GET', /\/api\/ingestion\/requests$/, () => ({ body: paged([request(), request({ requestId: 'q2', status: 'succeeded' })]) })],
      ['POST', /\/api\/ingestion\/requests\/q1\/cancel$/, () => ({ status: 202, body: { requestId: 'q1', status: 'cancelled' } })],
    ])
    renderWithProviders(<RecentRequests />)

    const cancel = await screen.findByRole('button', { name: 'Cancel the request for AAPL' })
    expect(screen.getAllByRole('button', { name: /^Cancel/ })).toHaveLength(1)
    cancel.click()
    await waitFor(() => expect(api.calls.some((c) => c.method === 'POST' && c.url.pathname.endsWith('/q1/cancel'))).toBe(true))
  })

  it('shows the refusal when the request has already finished', async () => {
    mockApi([
      ['GET', /\/api\/ingestion\/requests$/, () => ({ body: paged([request()]) })],
      ['POST', /\/cancel$/, () => ({ status: 409, body: { title: 'Conflict', status: 409, detail: 'Collection request q1 has already finished.' } })],
    ])
    renderWithProviders(<RecentRequests />)

    ;(await screen.findByRole('button', { name: 'Cancel the request for AAPL' })).click()
    expect(await screen.findByRole('alert')).toHaveTextContent('already finished')
  })
})
