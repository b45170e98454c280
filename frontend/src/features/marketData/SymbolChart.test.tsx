import { act, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Bar } from '../../api/schemas'
import { charts, markers } from '../../test/fakeChart'
import { mockApi, renderWithProviders, type Call } from '../../test/utils'
import { SymbolChart } from './SymbolChart'

vi.mock('lightweight-charts', () => import('../../test/fakeChart'))

// 1,500 daily bars: the first page holds the newest 1,000, the page before it the other 500.
const history: Bar[] = Array.from({ length: 1500 }, (_, i) => {
  const close = 1.08 + i / 100_000
  return { time: new Date(Date.UTC(2020, 0, 1) + i * 86_400_000).toISOString(), open: close, high: close, low: close, close, adjClose: null, volume: null }
})

/** The bars API: `from` and `to` inclusive, `limit` keeps the newest. This one also repeats the bar at `to`'s edge, as a careless server might. */
function bars(call: Call) {
  const p = call.url.searchParams
  const from = p.get('from') ? Date.parse(p.get('from')!) : -Infinity
  const to = p.get('to') ? Date.parse(p.get('to')!) + 1 : Infinity
  const inRange = history.filter((b) => Date.parse(b.time) >= from && Date.parse(b.time) <= to)
  const limit = Number(p.get('limit') ?? 1_000_000)
  return { body: { symbol: 'EURUSD=X', assetType: 'forex', interval: '1d', baseInterval: '1d', adjust: 'raw', isSynthetic: false, currency: 'USD', bars: inRange.slice(-limit) } }
}

describe('SymbolChart', () => {
  let calls: Call[]

  beforeEach(() => {
    charts.length = 0
    markers.length = 0
    calls = mockApi([
      ['GET', /\/bars$/, bars],
      ['GET', /\/corporate-actions$/, () => ({ body: [] })],
    ]).calls
  })

  afterEach(() => vi.unstubAllGlobals())

  const barCount = () => Number(screen.getByTestId('bar-count').getAttribute('data-count'))
  const barCalls = () => calls.filter((c) => c.url.pathname.endsWith('/bars'))

  it('quotes FX in pips and loads the page before the oldest bar once, without duplicates, when scrolled to it', async () => {
    renderWithProviders(<SymbolChart symbol="EURUSD=X" interval="1d" />)
    await waitFor(() => expect(barCount()).toBe(1000))
    expect(screen.getByTestId('chart-legend')).toHaveTextContent(`C ${history[1499].close.toFixed(5)}`)

    act(() => charts[charts.length - 1].scrollTo(1))
    await waitFor(() => expect(barCount()).toBe(1500))
    const older = barCalls()[1].url.searchParams
    expect(older.get('to')).toBe(new Date(Date.parse(history[500].time) - 1).toISOString())
    expect(older.get('limit')).toBe('1000')

    // The page before was short: history is exhausted, so scrolling further asks for nothing more.
    act(() => charts[charts.length - 1].scrollTo(0))
    expect(barCalls()).toHaveLength(2)
  })

  it('shows prices with the decimals their provider quotes in when the bars say so', async () => {
    mockApi([
      ['GET', /\/bars$/, (call) => ({ body: { ...bars(call).body, priceDecimals: 4 } })],
      ['GET', /\/corporate-actions$/, () => ({ body: [] })],
    ])
    renderWithProviders(<SymbolChart symbol="EURUSD=X" interval="1d" />)
    await waitFor(() => expect(barCount()).toBe(1000))
    expect(screen.getByTestId('chart-legend')).toHaveTextContent(`C ${history[1499].close.toFixed(4)}`)
    expect(screen.getByTestId('chart-legend')).not.toHaveTextContent(`C ${history[1499].close.toFixed(5)}`)
  })

  it('loads the year before the newest bar when 1Y is chosen', async () => {
    renderWithProviders(<SymbolChart symbol="EURUSD=X" interval="1d" />)
    await waitFor(() => expect(barCount()).toBe(1000))
    await userEvent.setup().click(screen.getByRole('button', { name: '1Y' }))
    await waitFor(() => expect(barCount()).toBe(366))
    const year = barCalls().at(-1)!.url.searchParams
    expect(year.get('from')).toBe(new Date(Date.parse(history[1499].time) - 365 * 86_400_000).toISOString())
    expect(screen.getByRole('button', { name: '1Y' })).toHaveAttribute('aria-pressed', 'true')
  })
})
