import { afterEach, describe, expect, it, vi } from 'vitest'
import { screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { asset } from '../../test/fixtures'
import { charts } from '../../test/fakeChart'
import { mockApi, paged, renderWithProviders } from '../../test/utils'
import AnalyticsPage from './AnalyticsPage'

vi.mock('lightweight-charts', () => import('../../test/fakeChart'))

afterEach(() => vi.unstubAllGlobals())

/** One asset's performance as the API sends it, with two rolling points and, against a benchmark, rolling beta. */
function performance(symbol: string, beta: number[] | null, rolling = true) {
  const times = ['2024-04-01T00:00:00Z', '2024-04-02T00:00:00Z']
  return {
    symbol, periodsPerYear: 252, observations: 70, from: '2024-01-02T00:00:00Z', to: times[1],
    totalReturn: 0.1, annualizedReturn: 0.4, annualizedVolatility: 0.2, sharpe: 1.5, sortino: 2, calmar: 3,
    maxDrawdown: { depth: -0.05, peak: null, trough: null, recovery: null },
    bestPeriod: { time: times[0], return: 0.03 }, worstPeriod: { time: times[1], return: -0.02 },
    drawdown: times.map((time) => ({ time, drawdown: 0 })),
    rolling: rolling ? times.map((time) => ({ time, return: 0.01, volatility: 0.2, sharpe: 1 })) : [],
    cumulative: times.map((time) => ({ time, return: 0.1 })),
    rollingBeta: beta && times.map((time, i) => ({ time, beta: beta[i] })),
  }
}

function analyse(route: string, beta: number[] | null) {
  charts.length = 0
  const api = mockApi([
    ['GET', /\/api\/assets$/, () => ({ body: paged([asset({ symbol: 'AAPL' }), asset({ symbol: 'SPY' })]) })],
    ['GET', /\/api\/analytics\/performance$/, () => ({ body: { conventions: {}, benchmark: beta ? performance('SPY', null) : null, assets: [performance('AAPL', beta)] } })],
    ['GET', /\/api\/analytics\/risk$/, () => ({ status: 404, body: { title: 'Not found', status: 404 } })],
  ])
  renderWithProviders(<AnalyticsPage />, { route })
  return api
}

describe('AnalyticsPage', () => {
  it('keeps what the user typed when the default symbols arrive afterwards', async () => {
    let release!: () => void
    const listed = new Promise<void>((r) => (release = r))
    const api = mockApi([
      ['GET', /\/api\/assets$/, () => ({ body: paged([asset({ symbol: 'AAPL' }), asset({ symbol: 'SPY' })]), until: listed })],
      ['GET', /\/api\/analytics\/(performance|risk)$/, () => ({ status: 404, body: { title: 'Not found', status: 404 } })],
    ])
    renderWithProviders(<AnalyticsPage />, { route: '/analytics' })
    const user = userEvent.setup()
    const field = screen.getByLabelText('Symbols')
    await user.click(field)
    release()
    await screen.findByRole('button', { name: 'AAPL', pressed: false })
    await user.type(field, 'msft')
    expect(field).toHaveValue('msft')

    await user.click(screen.getByRole('button', { name: 'Analyse' }))
    // Until then the defaults are analysed; the submitted text replaces them.
    const performance = () => api.calls.filter((c) => c.url.pathname.endsWith('/performance')).map((c) => c.url.searchParams.get('symbols'))
    await waitFor(() => expect(performance().at(-1)).toBe('MSFT'))
    expect(performance()).not.toContain('AAPL,SPYMSFT')
  })

  it('charts rolling beta against the benchmark, one line per asset', async () => {
    analyse('/analytics?symbols=AAPL&benchmark=SPY&from=2024-01-01&to=2024-12-31', [1.25, 0.75])
    await screen.findByRole('img', { name: 'Rolling 63-day beta of AAPL against SPY' })
    await waitFor(() => expect(charts.some((c) => c.series.some((s) => JSON.stringify(s.data).includes('1.25')))).toBe(true))
    const beta = charts.find((c) => c.series.some((s) => JSON.stringify(s.data).includes('1.25')))!
    expect(beta.series).toHaveLength(1)
    expect(beta.series[0].data.map((p) => (p as { value: number }).value)).toEqual([1.25, 0.75])
  })

  it('has no beta chart without a benchmark', async () => {
    analyse('/analytics?symbols=AAPL&from=2024-01-01&to=2024-12-31', null)
    await screen.findByRole('img', { name: 'Rolling 63-day Sharpe ratio of AAPL' })
    expect(screen.queryByRole('img', { name: /beta/ })).toBeNull()
  })

  it('asks for weekly or monthly returns with a rolling window to match, and keeps the choice in the URL', async () => {
    const api = analyse('/analytics?symbols=AAPL&from=2020-01-01&to=2024-12-31&interval=1mo', null)
    await screen.findByRole('img', { name: 'Rolling 12-month Sharpe ratio of AAPL' })
    const asked = () => api.calls.filter((c) => c.url.pathname.endsWith('/performance')).map((c) => c.url.searchParams)
    expect(asked()[0].get('interval')).toBe('1mo')
    expect(asked()[0].get('rollingWindow')).toBe('12')

    await userEvent.selectOptions(screen.getByLabelText('Returns'), 'Weekly')
    await userEvent.click(screen.getByRole('button', { name: 'Analyse' }))
    await screen.findByRole('img', { name: 'Rolling 26-week Sharpe ratio of AAPL' })
    expect(asked().at(-1)?.get('interval')).toBe('1wk')
    expect(asked().at(-1)?.get('rollingWindow')).toBe('26')
  })

  it('says a window too long for the data has no rolling figures, instead of empty charts', async () => {
    charts.length = 0
    mockApi([
      ['GET', /\/api\/assets$/, () => ({ body: paged([asset({ symbol: 'AAPL' })]) })],
      ['GET', /\/api\/analytics\/performance$/, () => ({ body: { conventions: {}, benchmark: null, assets: [performance('AAPL', null, false)] } })],
      ['GET', /\/api\/analytics\/risk$/, () => ({ status: 404, body: { title: 'Not found', status: 404 } })],
    ])
    renderWithProviders(<AnalyticsPage />, { route: '/analytics?symbols=AAPL&interval=1wk' })
    await screen.findByRole('img', { name: /^Cumulative return of AAPL/ })
    expect(screen.getAllByText(/A rolling figure needs more than 26 weeks of returns/)).toHaveLength(2)
    expect(screen.queryByRole('img', { name: /Rolling 26-week/ })).toBeNull()
  })
})
