import { afterEach, describe, expect, it, vi } from 'vitest'
import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { alertRule, job } from '../../test/fixtures'
import { mockApi, paged, renderWithProviders, type Call } from '../../test/utils'
import AlertsPage from './AlertsPage'

afterEach(() => vi.unstubAllGlobals())

const rules = () => [
  alertRule(),
  alertRule({ id: 'a2', name: 'Nightly broke', kind: 'job', symbol: null, interval: null, direction: null, field: null, level: null, hysteresis: null,
    jobId: 'j1', enabled: false, channels: ['inapp', 'email'], email: 'me@example.com', lastFiredAt: '2024-01-08T00:00:05Z' }),
]

function api(extra: [string, RegExp, (c: Call) => { status?: number; body?: unknown }][] = []) {
  return mockApi([
    ['GET', /\/api\/alerts$/, () => ({ body: paged(rules()) })],
    ['GET', /\/api\/scheduler\/jobs$/, () => ({ body: paged([job({ id: 'j1', name: 'Nightly synthetic' })]) })],
    ...extra,
  ])
}

const row = (name: string) => screen.getByRole('rowheader', { name }).closest('tr')!

describe('AlertsPage', () => {
  it('lists the rules with what they watch, their condition, channels, state and last firing', async () => {
    api()
    renderWithProviders(<AlertsPage />, { route: '/alerts' })
    await screen.findByRole('rowheader', { name: 'SYN-A breakout' })
    expect(row('SYN-A breakout')).toHaveTextContent(/Price level.*SYN-A · 1d.*close ≥ 105; re-arms at or below 103.*In-app.*on.*never/)
    await waitFor(() => expect(row('Nightly broke')).toHaveTextContent(/Job failure.*Nightly synthetic.*a run fails.*In-app, Email.*paused.*2024-01-08 00:00 UTC/))
  })

  it('pauses and resumes with a PUT of the whole rule, and sends a test', async () => {
    const calls = api([
      ['PUT', /\/api\/alerts\/a[12]$/, (c) => ({ body: { ...rules()[0], ...(c.body as object) } })],
      ['POST', /\/api\/alerts\/a1\/test$/, () => ({ status: 202, body: { firingId: 'f-test' } })],
    ]).calls
    renderWithProviders(<AlertsPage />, { route: '/alerts' })
    await userEvent.click(await screen.findByRole('button', { name: 'Pause SYN-A breakout' }))
    await userEvent.click(screen.getByRole('button', { name: 'Resume Nightly broke' }))
    await waitFor(() => expect(calls.filter((c) => c.method === 'PUT')).toHaveLength(2))
    const [pause, resume] = calls.filter((c) => c.method === 'PUT')
    expect(pause.url.pathname).toBe('/api/alerts/a1')
    expect(pause.body).toMatchObject({ enabled: false, kind: 'price', level: 105, hysteresis: 2, symbol: 'SYN-A' })
    expect(resume.body).toMatchObject({ enabled: true, kind: 'job', jobId: 'j1', email: 'me@example.com', channels: ['inapp', 'email'] })

    await userEvent.click(screen.getByRole('button', { name: 'Send test: SYN-A breakout' }))
    expect(await screen.findByText(/Test sent for SYN-A breakout on In-app/)).toBeInTheDocument()
  })

  it('shows a rule’s firings and delivery log, and opens its editor', async () => {
    api([
      ['GET', /\/api\/alerts\/a1\/firings$/, () => ({ body: paged([{ id: 'f1', ruleId: 'a1', triggerTime: '2024-01-08T00:00:00Z', value: 108, message: 'close 108 crossed above 105', firedAt: '2024-01-08T00:00:05Z' }]) })],
      ['GET', /\/api\/alerts\/a1\/deliveries$/, () => ({ body: [
        { firingId: 'f1', channel: 'webhook', attempt: 2, status: 'delivered', statusCode: 200, error: null, at: '2024-01-08T00:00:07Z' },
        { firingId: 'f1', channel: 'webhook', attempt: 1, status: 'failed', statusCode: 500, error: null, at: '2024-01-08T00:00:06Z' },
      ] })],
    ])
    renderWithProviders(<AlertsPage />, { route: '/alerts' })
    await userEvent.click(await screen.findByRole('button', { name: 'History of SYN-A breakout' }))
    expect(screen.getByRole('heading', { name: 'History of SYN-A breakout' })).toHaveFocus()
    const firings = await screen.findByRole('table', { name: 'Firings of SYN-A breakout' })
    expect(firings).toHaveTextContent(/2024-01-08 00:00 UTC.*108\.00.*close 108 crossed above 105/)
    const log = await screen.findByRole('table', { name: 'Deliveries of SYN-A breakout' })
    expect(within(log).getAllByRole('row').slice(1).map((r) => r.getAttribute('data-status'))).toEqual(['delivered', 'failed'])

    await userEvent.click(screen.getByRole('button', { name: 'Edit SYN-A breakout' }))
    const form = screen.getByRole('form', { name: 'Edit SYN-A breakout' })
    expect(within(form).getByLabelText('Level')).toHaveValue('105')
    await userEvent.click(within(form).getByRole('button', { name: 'Cancel' }))
    expect(screen.queryByRole('form', { name: 'Edit SYN-A breakout' })).not.toBeInTheDocument()
  })

  it('deletes a rule after asking, and closes its open history', async () => {
    const calls = api([
      ['GET', /\/api\/alerts\/a1\/(firings|deliveries)$/, (c) => ({ body: c.url.pathname.endsWith('firings') ? paged([]) : [] })],
      ['DELETE', /\/api\/alerts\/a1$/, () => ({ status: 204 })],
    ]).calls
    const confirm = vi.fn(() => true)
    vi.stubGlobal('confirm', confirm)
    renderWithProviders(<AlertsPage />, { route: '/alerts' })
    await userEvent.click(await screen.findByRole('button', { name: 'History of SYN-A breakout' }))
    await screen.findByText('SYN-A breakout has not fired yet.')
    await userEvent.click(screen.getByRole('button', { name: 'Delete SYN-A breakout' }))
    expect(confirm).toHaveBeenCalledWith(expect.stringContaining('Delete the rule SYN-A breakout?'))
    await waitFor(() => expect(screen.queryByRole('heading', { name: 'History of SYN-A breakout' })).not.toBeInTheDocument())
    expect(calls.some((c) => c.method === 'DELETE' && c.url.pathname === '/api/alerts/a1')).toBe(true)
  })

  it('starts a new price rule from an asset link', async () => {
    api()
    renderWithProviders(<AlertsPage />, { route: '/alerts?tab=new&symbol=SYN-A&interval=1h&level=101.5' })
    const form = await screen.findByRole('form', { name: 'New alert rule' })
    expect(within(form).getByLabelText('Symbol')).toHaveValue('SYN-A')
    expect(within(form).getByLabelText('Interval')).toHaveValue('1h')
    expect(within(form).getByLabelText('Level')).toHaveValue('101.5')
    expect(within(form).getByLabelText('Name')).toHaveValue('SYN-A crosses 101.5')
  })
})
