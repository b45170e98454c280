import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import axe from 'axe-core'
import type { Bar } from '../../api/schemas'
import { charts, markers } from '../../test/fakeChart'
import { mockApi, paged, renderWithProviders, type Call } from '../../test/utils'
import type { Finding } from './qualityApi'
import { finding, series } from './qualityFixtures'
import QualityPage from './QualityPage'

vi.mock('lightweight-charts', () => import('../../test/fakeChart'))

afterEach(() => vi.unstubAllGlobals())
beforeEach(() => {
  charts.length = 0
  markers.length = 0
})

const bars: Bar[] = ['2024-01-02', '2024-01-03', '2024-01-04', '2024-01-05', '2024-01-08'].map((d, i) => ({
  time: `${d}T00:00:00Z`, open: 100 + i, high: 102 + i, low: 99 + i, close: i === 3 ? 160 : 101 + i, adjClose: null, volume: 1000,
}))
const barsReply = () => ({ body: { symbol: 'SYN-A', assetType: 'stock', interval: '1d', baseInterval: '1d', adjust: 'raw', isSynthetic: true, currency: 'USD', bars, convertedFrom: null } })

const outlier = finding({ id: 7 })
const gap = finding({ id: 8, kind: 'gap', severity: 'warning', barTime: '2024-01-03T00:00:00Z', detail: '1 expected bar missing', quarantined: false })

/** The quality API of one series, SYN-A 1d, whose findings change as they are decided. */
function qualityApi(findings: Finding[]) {
  const score = () => 72 + 8 * findings.filter((f) => f.status === 'accepted').length
  const seriesA = () => series({ score: score(), openFindings: findings.filter((f) => f.status === 'open').length, findings })
  return [
    ['GET', /\/api\/quality$/, () => ({ body: paged([series({ symbol: 'SYN-B', score: 41.5, openFindings: 12 }), seriesA(), series({ symbol: 'SYN-C', interval: '1h', score: 98.2, openFindings: 0 })]) })],
    ['GET', /\/api\/assets\/SYN-A\/quality$/, () => ({ body: { symbol: 'SYN-A', series: [seriesA()] } })],
    ['GET', /\/api\/quality\/findings$/, (c: Call) => ({ body: paged(findings.filter((f) => !c.url.searchParams.get('status') || f.status === c.url.searchParams.get('status'))) })],
    ['GET', /\/api\/market-data\/SYN-A\/bars$/, barsReply],
    ['POST', /\/api\/quality\/findings\/\d+\/(accept|reject)$/, (c: Call) => {
      const [, id, decision] = c.url.pathname.match(/findings\/(\d+)\/(\w+)$/)!
      const i = findings.findIndex((f) => f.id === Number(id))
      findings[i] = { ...findings[i], status: decision === 'accept' ? 'accepted' : 'rejected', quarantined: decision !== 'accept', decidedBy: 'ana', decidedAt: '2024-01-09T10:00:00Z' }
      return { body: findings[i] }
    }],
  ] as never
}

const findingRow = async (id: number) => (await screen.findByRole('table', { name: /^Findings of SYN-A 1d/ })).querySelector(`tr[data-finding="${id}"]`) as HTMLElement
const chartMarkers = () => markers[markers.length - 1]?.markers ?? []

describe('QualityPage', () => {
  it('lists series as the API orders them, worst score first, and opens one with its findings flagged on its bars', async () => {
    const api = mockApi(qualityApi([outlier, gap]))
    const { container, router } = renderWithProviders(<QualityPage />, { route: '/quality' })

    const list = await screen.findByRole('table', { name: 'Series by quality score, worst first' })
    const [, first, second, third] = within(list).getAllByRole('row')
    expect(first).toHaveTextContent('41.5 poor')
    expect(first).toHaveTextContent('SYN-B')
    expect(second).toHaveTextContent('72 fair')
    expect(third).toHaveTextContent('98.2 good')
    expect(third).toHaveTextContent('1h')
    expect(api.calls.find((c) => c.url.pathname === '/api/quality')!.url.searchParams.get('sort')).toBeNull()
    expect(screen.getByText(/Choose a series/)).toBeInTheDocument()

    await userEvent.click(within(second).getByRole('link', { name: 'SYN-A 1d' }))
    expect(await screen.findByRole('heading', { name: 'SYN-A 1d', level: 2 })).toHaveFocus()
    expect(new URLSearchParams(router.state.location.search).toString()).toBe('symbol=SYN-A&interval=1d')
    expect(within(second).getByRole('link', { name: 'SYN-A 1d' })).toHaveAttribute('aria-current', 'true')

    const outlierRow = await findingRow(7)
    for (const part of ['outlier', '2024-01-05', 'error', 'robust z', 'open', 'bar quarantined']) expect(outlierRow).toHaveTextContent(part)
    expect(within(outlierRow).getByRole('button', { name: 'Accept outlier on 2024-01-05' })).toBeEnabled()
    expect(within(outlierRow).getByRole('button', { name: 'Reject outlier on 2024-01-05' })).toBeEnabled()
    expect(await findingRow(8)).toHaveTextContent('gap2024-01-03warning')

    const barCall = api.calls.find((c) => c.url.pathname === '/api/market-data/SYN-A/bars')!
    expect(barCall.url.searchParams.get('quality')).toBe('all')
    expect(barCall.url.searchParams.get('interval')).toBe('1d')
    await waitFor(() => expect(chartMarkers().map((m) => m.text)).toEqual(['gap', 'outlier']))
    expect(screen.getByRole('img', { name: /SYN-A 1d candlestick chart of 5 bars with 2 flagged findings/ })).toBeInTheDocument()
    expect(api.calls.find((c) => c.url.pathname === '/api/quality/findings')!.url.searchParams.get('symbol')).toBe('SYN-A')

    const audit = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } })
    expect(audit.violations.map((v) => v.id)).toEqual([])
  })

  it('accepts a finding: sends the POST for that finding, then shows it accepted with the new score and without its flag', async () => {
    const api = mockApi(qualityApi([outlier, gap]))
    renderWithProviders(<QualityPage />, { route: '/quality?symbol=SYN-A&interval=1d' })
    expect(await screen.findByRole('heading', { name: 'SYN-A 1d', level: 2 })).not.toHaveFocus()
    await waitFor(() => expect(chartMarkers()).toHaveLength(2))

    await userEvent.click(within(await findingRow(7)).getByRole('button', { name: 'Accept outlier on 2024-01-05' }))
    await waitFor(() => expect(screen.getByText('Accepted outlier on 2024-01-05.')).toHaveAttribute('role', 'status'))
    expect(api.calls.filter((c) => c.method === 'POST').map((c) => c.url.pathname)).toEqual(['/api/quality/findings/7/accept'])

    await waitFor(async () => expect(await findingRow(7)).toHaveTextContent('accepted'))
    const row = await findingRow(7)
    expect(row).toHaveTextContent('by ana, 2024-01-09 10:00 UTC')
    expect(within(row).queryByRole('button', { name: /^Accept/ })).toBeNull()
    expect(within(row).getByRole('button', { name: 'Reject instead: outlier on 2024-01-05' })).toBeInTheDocument()
    expect(within(await findingRow(8)).getByRole('button', { name: 'Accept gap on 2024-01-03' })).toBeInTheDocument()

    const scores = screen.getByLabelText('Quality of SYN-A 1d')
    await waitFor(() => expect(scores).toHaveTextContent('80 fair'))
    await waitFor(() => expect(within(screen.getByRole('table', { name: /^Series by quality score/ })).getAllByRole('row')[2]).toHaveTextContent('80 fair'))
    await waitFor(() => expect(chartMarkers().map((m) => m.text)).toEqual(['gap']))
  })

  it('shows the server’s refusals in place', async () => {
    mockApi([
      ['GET', /\/api\/quality$/, () => ({ body: paged([]) })],
      ['GET', /\/api\/assets\/NOPE\/quality$/, () => ({ status: 404, body: { title: 'Not found', status: 404, detail: "Unknown symbol 'NOPE'." } })],
    ] as never)
    renderWithProviders(<QualityPage />, { route: '/quality?symbol=NOPE&interval=1d' })
    expect(await screen.findByText(/No series checked yet/)).toBeInTheDocument()
    expect(await screen.findByRole('alert')).toHaveTextContent("Unknown symbol 'NOPE'.")
  })

  it('says why a decision was refused, next to the findings', async () => {
    const handlers = qualityApi([outlier]) as unknown as unknown[]
    mockApi([['POST', /\/accept$/, () => ({ status: 404, body: { title: 'Not found', status: 404, detail: 'Unknown finding 7.' } })], ...handlers] as never)
    renderWithProviders(<QualityPage />, { route: '/quality?symbol=SYN-A&interval=1d' })
    await userEvent.click(within(await findingRow(7)).getByRole('button', { name: 'Accept outlier on 2024-01-05' }))
    expect(await screen.findByRole('alert')).toHaveTextContent('outlier on 2024-01-05 was not accepted: Unknown finding 7.')
  })

  it('leaves the decisions to analysts: a viewer sees the findings with the buttons disabled and why', async () => {
    const handlers = qualityApi([outlier]) as unknown as unknown[]
    mockApi([['GET', /\/api\/auth\/me$/, () => ({ body: { id: 'u1', userName: 'vera', role: 'viewer' } })], ...handlers] as never)
    renderWithProviders(<QualityPage />, { route: '/quality?symbol=SYN-A&interval=1d' })
    expect(await screen.findByTestId('role-note')).toHaveTextContent('Accepting and rejecting findings is disabled. Needs the analyst role; you are a viewer.')
    expect(within(await findingRow(7)).getByRole('button', { name: 'Accept outlier on 2024-01-05' })).toBeDisabled()
  })
})
