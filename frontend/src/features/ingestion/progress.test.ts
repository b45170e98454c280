import { describe, expect, it } from 'vitest'
import type { CollectionProgressEvent } from '../../api/liveEvents'
import type { IngestionRequestDto } from '../../api/schemas'
import { applyProgress } from './progress'

const request = (over: Partial<IngestionRequestDto> = {}): IngestionRequestDto => ({
  requestId: 'q1', source: 'synthetic', symbols: ['A', 'B'], assetType: 'stock', interval: '1d', from: '', to: '', mode: 'incremental',
  status: 'running', chunksTotal: 4, chunksDone: 0, recordsCollected: 0, recordsLoaded: 0, recordsRejected: 0, errorClass: null,
  errorMessage: null, jobId: null, runId: null, createdAt: '', completedAt: null, retryAt: null,
  perSymbol: ['A', 'B'].map((symbol) => ({ symbol, status: 'running', chunksTotal: 2, chunksDone: 0, recordsCollected: 0, recordsLoaded: 0, recordsRejected: 0, errorClass: null, errorMessage: null, retryAt: null })),
  ...over,
})
const event = (over: Partial<CollectionProgressEvent>): CollectionProgressEvent => ({
  requestId: 'q1', jobId: null, runId: null, symbol: null, status: 'running', chunksDone: 0, chunksTotal: 0, recordsCollected: 0, recordsLoaded: 0, timestamp: '', ...over,
})

describe('applyProgress', () => {
  it('sums per-symbol progress into the request and settles the status when every symbol is done', () => {
    const r = request()
    applyProgress(r, event({ symbol: 'A', status: 'succeeded', chunksDone: 2, chunksTotal: 2, recordsCollected: 10, recordsLoaded: 10 }))
    expect(r.chunksDone).toBe(2)
    expect(r.recordsLoaded).toBe(10)
    expect(r.status).toBe('running')
    applyProgress(r, event({ symbol: 'B', status: 'failed', chunksDone: 2, chunksTotal: 2, recordsCollected: 3, recordsLoaded: 3 }))
    expect(r.chunksDone).toBe(4)
    expect(r.recordsLoaded).toBe(13)
    expect(r.status).toBe('partially_succeeded')
  })

  it('never moves counts backwards when events arrive out of order', () => {
    const r = request({ perSymbol: undefined, symbols: ['A'] })
    applyProgress(r, event({ chunksDone: 3, chunksTotal: 4, recordsLoaded: 30 }))
    applyProgress(r, event({ chunksDone: 2, chunksTotal: 4, recordsLoaded: 20 }))
    expect(r.chunksDone).toBe(3)
    expect(r.recordsLoaded).toBe(30)
  })
})
