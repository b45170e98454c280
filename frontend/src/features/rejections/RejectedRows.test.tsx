import { afterEach, describe, expect, it, vi } from 'vitest'
import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import axe from 'axe-core'
import type { CollectionLogDto, IngestionRequestDto, RejectedRowDto } from '../../api/schemas'
import { mockApi, paged, renderWithProviders } from '../../test/utils'
import { CollectionHistory } from '../assets/CollectionHistory'
import { RequestProgress } from '../ingestion/RequestProgress'
import { AssetRejectedRows } from './RejectedRows'

afterEach(() => vi.unstubAllGlobals())

const rejected = (over: Partial<RejectedRowDto> = {}): RejectedRowDto => ({
  id: 1, requestId: 'q1', chunkId: 'c1', symbol: 'AAPL', source: 'csv', interval: '1d', time: '2024-01-03T00:00:00Z', line: 3,
  open: 102.1, high: 101.2, low: 100.4, close: 102.5, volume: 82488700, raw: '2024-01-03,102.1,101.2,100.4,102.5,82488700',
  reason: 'high 101.2 is below open 102.1', recordedAt: '2024-01-05T10:00:00Z', ...over,
})
const unreadable = rejected({ id: 2, time: null, line: 6, open: null, high: null, low: null, close: null, volume: null,
  raw: 'not-a-date,1,1,1,1,1', reason: "unreadable date 'not-a-date'" })

const log = (over: Partial<CollectionLogDto> = {}): CollectionLogDto => ({
  id: 7, requestId: 'q1', jobId: null, runId: null, source: 'csv', interval: '1d', status: 'succeeded', recordsCollected: 2,
  recordsLoaded: 2, recordsRejected: 2, startedAt: '2024-01-05T10:00:00Z', finishedAt: '2024-01-05T10:00:03Z', durationMs: 3000,
  errorClass: null, errorMessage: null, ...over,
})

const finished = (over: Partial<IngestionRequestDto> = {}): IngestionRequestDto => ({
  requestId: 'q1', source: 'csv', symbols: ['AAPL'], assetType: 'stock', interval: '1d', from: '', to: '', mode: 'batch',
  status: 'succeeded', chunksTotal: 1, chunksDone: 1, recordsCollected: 4, recordsLoaded: 2, recordsRejected: 1_500, errorClass: null,
  errorMessage: null, jobId: null, runId: null, createdAt: '', completedAt: null, retryAt: null, perSymbol: [], ...over,
})

describe('Rejected rows', () => {
  it("lists an asset's rejected rows with their time, values as received and reason, and passes axe", async () => {
    mockApi([['GET', /\/api\/assets\/AAPL\/rejected$/, () => ({ body: paged([rejected(), unreadable]) })]])
    const { container } = renderWithProviders(<AssetRejectedRows symbol="AAPL" onShowAll={() => {}} />)

    const table = await screen.findByRole('table', { name: 'Rejected rows of AAPL' })
    const [, first, second] = within(table).getAllByRole('row')
    expect(first).toHaveTextContent('2024-01-03 00:00 UTC')
    expect(first).toHaveTextContent('102.1101.2100.4102.582488700')
    expect(first).toHaveTextContent('high 101.2 is below open 102.1')
    expect(first).toHaveTextContent('line 3: 2024-01-03,102.1,101.2,100.4,102.5,82488700')
    expect(second).toHaveTextContent('unreadable')
    expect(second).toHaveTextContent("unreadable date 'not-a-date'line 6: not-a-date,1,1,1,1,1")
    expect(screen.getByRole('heading', { name: 'Rejected rows' })).toBeInTheDocument()
    const audit = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } })
    expect(audit.violations.map((v) => v.id)).toEqual([])
  })

  it('says so when none were rejected', async () => {
    mockApi([['GET', /\/api\/assets\/MSFT\/rejected$/, () => ({ body: paged([]) })]])
    renderWithProviders(<AssetRejectedRows symbol="MSFT" onShowAll={() => {}} />)

    expect(await screen.findByText('No rows of MSFT were rejected.')).toBeInTheDocument()
    expect(screen.queryByRole('table')).not.toBeInTheDocument()
  })

  it("shows a finished request's rejected rows and how many of them were kept", async () => {
    const api = mockApi([
      ['GET', /\/api\/ingestion\/requests\/q1$/, () => ({ body: finished() })],
      ['GET', /\/api\/ingestion\/requests\/q1\/rejected$/, () => ({ body: { ...paged([rejected()], 1, 10), totalCount: 1_000, totalPages: 100 } })],
    ])
    renderWithProviders(<RequestProgress requestId="q1" />)

    const section = await screen.findByRole('region', { name: 'Rejected rows' })
    expect(await within(section).findByText('1,500 rows were rejected; the first 1,000 are kept with their reasons (a bound per collection window).')).toBeInTheDocument()
    expect(within(section).getByRole('table')).toHaveTextContent('high 101.2 is below open 102.1')
    expect(within(section).getByRole('navigation', { name: 'Pagination' })).toHaveTextContent('Page 1 of 100')
    expect(api.calls.find((c) => c.url.pathname.endsWith('/rejected'))?.url.searchParams.get('pageSize')).toBe('10')
  })

  it('opens one collection\'s rejected rows from the history with the keyboard, and goes back to all', async () => {
    const api = mockApi([
      ['GET', /\/api\/assets\/AAPL\/collections$/, () => ({ body: paged([log(), log({ id: 8, requestId: 'q2', recordsRejected: 0 })]) })],
      ['GET', /\/api\/assets\/AAPL\/rejected$/, () => ({ body: paged([rejected(), unreadable]) })],
      ['GET', /\/api\/ingestion\/requests\/q1\/rejected$/, () => ({ body: paged([unreadable]) })],
    ])
    renderWithProviders(<CollectionHistory symbol="AAPL" />)
    const user = userEvent.setup()

    const open = await screen.findByRole('button', { name: 'Show the 2 rejected rows of the collection started 2024-01-05 10:00 UTC' })
    expect(screen.getAllByRole('button', { name: /^Show the/ })).toHaveLength(1)
    open.focus()
    await user.keyboard('{Enter}')

    expect(open).toHaveAttribute('aria-pressed', 'true')
    const one = await screen.findByRole('region', { name: 'Rejected rows of the collection started 2024-01-05 10:00 UTC' })
    expect(await within(one).findAllByRole('row')).toHaveLength(2)
    expect(api.calls.some((c) => c.url.pathname === '/api/ingestion/requests/q1/rejected')).toBe(true)

    within(one).getByRole('button', { name: 'Show all collections' }).focus()
    await user.keyboard('{Enter}')
    const all = await screen.findByRole('region', { name: 'Rejected rows' })
    expect(await within(all).findAllByRole('row')).toHaveLength(3)
    expect(open).toHaveAttribute('aria-pressed', 'false')
  })
})
