import { afterEach, describe, expect, it, vi } from 'vitest'
import { screen } from '@testing-library/react'
import type { IngestionRequestDto } from '../../api/schemas'
import { mockApi, renderWithProviders } from '../../test/utils'
import { RequestProgress } from './RequestProgress'

afterEach(() => vi.unstubAllGlobals())

const symbol = (s: string, over = {}) => ({
  symbol: s, status: 'running', chunksTotal: 1, chunksDone: 0, recordsCollected: 0, recordsLoaded: 0, recordsRejected: 0,
  errorClass: null, errorMessage: null, retryAt: null, ...over,
})
const request = (over: Partial<IngestionRequestDto> = {}): IngestionRequestDto => ({
  requestId: 'q1', source: 'yahoo', symbols: ['AAPL', 'MSFT'], assetType: 'stock', interval: '1d', from: '', to: '', mode: 'batch',
  status: 'running', chunksTotal: 2, chunksDone: 1, recordsCollected: 250, recordsLoaded: 250, recordsRejected: 0, errorClass: null,
  errorMessage: null, jobId: null, runId: null, createdAt: '', completedAt: null, retryAt: null,
  perSymbol: [
    symbol('AAPL', { status: 'succeeded', chunksDone: 1, recordsLoaded: 250 }),
    symbol('MSFT', { errorClass: 'RateLimited', errorMessage: 'Too Many Requests', retryAt: '2026-11-28T12:03:00Z' }),
  ],
  ...over,
})

describe('RequestProgress', () => {
  it('says which symbol waits out a rate limit, why, and until when', async () => {
    mockApi([['GET', /\/api\/ingestion\/requests\/q1$/, () => ({ body: request() })]])
    renderWithProviders(<RequestProgress requestId="q1" />)

    const waiting = await screen.findByTestId('request-waiting')
    expect(waiting).toHaveTextContent('MSFT: rate limited (Too Many Requests), trying again at 2026-11-28 12:03 UTC')
    expect(waiting).not.toHaveTextContent('AAPL')
    expect(waiting.querySelector('time')).toHaveAttribute('dateTime', '2026-11-28T12:03:00Z')
  })

  it('shows no wait once the request has finished', async () => {
    mockApi([['GET', /\/api\/ingestion\/requests\/q1$/, () => ({ body: request({ status: 'partially_succeeded' }) })]])
    renderWithProviders(<RequestProgress requestId="q1" />)

    expect(await screen.findByTestId('request-progress')).toHaveAttribute('data-status', 'partially_succeeded')
    expect(screen.queryByTestId('request-waiting')).not.toBeInTheDocument()
  })
})
