import { afterEach, describe, expect, it, vi } from 'vitest'
import { act, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { liveEvents } from '../../api/liveEvents'
import type { NotificationChannelDto, ReportDto } from '../../api/schemas'
import { job } from '../../test/fixtures'
import { mockApi, paged, renderWithProviders, type Call } from '../../test/utils'
import ReportsPage from './ReportsPage'

afterEach(() => vi.unstubAllGlobals())

const report = (over: Partial<ReportDto> = {}): ReportDto => ({
  id: 'r1', kind: 'comparison', format: 'xlsx', status: 'queued', error: null, fileName: null, size: null,
  parameters: { kind: 'comparison', format: 'xlsx', portfolioId: null, symbols: ['SYN-A', 'SYN-B'], from: null, to: null, benchmark: null, riskFree: null, jobId: null,
    emailChannelId: null, webhookChannelId: null },
  createdAt: '2024-03-01T10:00:00Z', completedAt: null, ...over,
})

const channel = (id: string, kind: string, name: string): NotificationChannelDto => ({
  id, name, kind, url: kind === 'webhook' ? 'https://hooks.example.com/r' : null, hasSecret: kind === 'webhook', email: kind === 'email' ? 'me@example.com' : null,
  rules: 0, createdAt: '2024-03-01T10:00:00Z', updatedAt: '2024-03-01T10:00:00Z', health: { status: 'unused', lastAttemptAt: null, statusCode: null, error: null },
})

describe('ReportsPage', () => {
  it('asks for a comparison, then shows it finished when the hub says so', async () => {
    let listed = [report()]
    const api = mockApi([
      ['GET', /\/api\/reports$/, () => ({ body: paged(listed) })],
      ['POST', /\/api\/reports$/, (c: Call) => ({ status: 202, body: report({ ...(c.body as object), id: 'r1' } as Partial<ReportDto>) })],
    ] as never)
    renderWithProviders(<ReportsPage />)
    expect(await screen.findByTestId('report-status')).toHaveTextContent('queued')

    await userEvent.selectOptions(screen.getByLabelText('Kind'), 'comparison')
    await userEvent.type(screen.getByLabelText('Symbols'), 'SYN-A, SYN-B SYN-A')
    await userEvent.type(screen.getByLabelText('From'), '2024-01-01')
    await userEvent.click(screen.getByLabelText('Excel'))
    await userEvent.click(screen.getByRole('button', { name: 'Generate' }))
    await waitFor(() => expect(api.calls.some((c) => c.method === 'POST')).toBe(true))
    expect(api.calls.find((c) => c.method === 'POST')!.body).toEqual({
      kind: 'comparison', format: 'xlsx', portfolioId: null, symbols: ['SYN-A', 'SYN-B'], from: '2024-01-01T00:00:00Z', to: null,
      benchmark: null, riskFree: null, jobId: null, emailChannelId: null, webhookChannelId: null,
    })

    listed = [report({ status: 'succeeded', fileName: 'asset-comparison-2024-03-01.xlsx', size: 20480, completedAt: '2024-03-01T10:00:05Z' })]
    act(() => liveEvents.emit('report_ready', { reportId: 'r1', kind: 'comparison', status: 'succeeded', fileName: 'asset-comparison-2024-03-01.xlsx', size: 20480, error: null, timestamp: '2024-03-01T10:00:05Z' }))
    const row = (await screen.findByRole('button', { name: 'Download asset-comparison-2024-03-01.xlsx' })).closest('tr')!
    expect(within(row).getByTestId('report-status')).toHaveTextContent('succeeded')
    expect(row).toHaveTextContent('20 KB')
  })

  it('checks the form before sending and shows why a report failed', async () => {
    const api = mockApi([
      ['GET', /\/api\/reports$/, () => ({ body: paged([report({ status: 'failed', error: 'No runs between 2024-01-01 00:00 and 2024-01-31 00:00 UTC.', kind: 'scheduler' })]) })],
      ['GET', /\/api\/portfolios$/, () => ({ body: [] })],
    ] as never)
    renderWithProviders(<ReportsPage />)
    expect(await screen.findByText(/No runs between/)).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: /^Download/ })).not.toBeInTheDocument()

    await userEvent.click(screen.getByRole('button', { name: 'Generate' }))
    expect(await screen.findByText('Choose one of your portfolios.')).toBeInTheDocument()
    await userEvent.selectOptions(screen.getByLabelText('Kind'), 'comparison')
    await userEvent.click(screen.getByRole('button', { name: 'Generate' }))
    expect(await screen.findByText('Name at least one symbol, e.g. AAPL, MSFT.')).toBeInTheDocument()
    expect(api.calls.some((c) => c.method === 'POST')).toBe(false)
  })

  it('shows the server’s refusal', async () => {
    mockApi([
      ['GET', /\/api\/reports$/, () => ({ body: paged([]) })],
      ['POST', /\/api\/reports$/, () => ({ status: 404, body: { title: 'Not found', status: 404, detail: "No asset with symbol 'NOPE'." } })],
    ] as never)
    renderWithProviders(<ReportsPage />)
    expect(await screen.findByText(/No reports yet/)).toBeInTheDocument()
    await userEvent.selectOptions(screen.getByLabelText('Kind'), 'coverage')
    expect(screen.queryByLabelText('From')).not.toBeInTheDocument()
    await userEvent.type(screen.getByLabelText('Symbols'), 'NOPE')
    await userEvent.click(screen.getByRole('button', { name: 'Generate' }))
    expect(await screen.findByText('The report was not asked for')).toBeInTheDocument()
    expect(screen.getByText("No asset with symbol 'NOPE'.")).toBeInTheDocument()
  })

  it('schedules a coverage report after a collection job, and shows the server’s field errors in place', async () => {
    let refuse = true
    const api = mockApi([
      ['GET', /\/api\/reports$/, () => ({ body: paged([]) })],
      ['GET', /\/api\/scheduler\/jobs/, () => ({ body: paged([job({ id: 'j-collect', name: 'Nightly collection' })]) })],
      ['GET', /\/api\/notification-channels$/, () => ({ body: [channel('c-mail', 'email', 'My inbox'), channel('c-hook', 'webhook', 'Notebook')] })],
      ['POST', /\/api\/scheduler\/jobs$/, (c: Call) => refuse
        ? { status: 422, body: { title: 'Unprocessable', status: 422, errors: { 'report.symbols': ["No asset with symbol 'NOPE'."] } } }
        : { status: 201, body: job({ ...(c.body as object), id: 'j-report' } as never) }],
    ] as never)
    renderWithProviders(<ReportsPage />)
    await userEvent.selectOptions(screen.getByLabelText('Kind'), 'coverage')
    await userEvent.type(screen.getByLabelText('Symbols'), 'NOPE')
    await userEvent.click(screen.getByLabelText('After a job'))
    await userEvent.click(screen.getByRole('button', { name: 'Schedule' }))
    expect(await screen.findByText('Name the schedule, e.g. “Weekly portfolio”.')).toBeInTheDocument()
    expect(screen.getByText('Choose the job this report follows.')).toBeInTheDocument()

    await userEvent.type(screen.getByLabelText('Schedule name'), 'Coverage after the night')
    await userEvent.selectOptions(await screen.findByLabelText('After job'), 'j-collect')
    await userEvent.click(screen.getByRole('button', { name: 'Schedule' }))
    expect(await screen.findByText("No asset with symbol 'NOPE'.")).toBeInTheDocument()

    refuse = false
    await userEvent.clear(screen.getByLabelText('Symbols'))
    // Only email channels are offered for email, webhooks for the webhook.
    expect(within(screen.getByLabelText('Email channel')).queryByRole('option', { name: 'Notebook' })).toBeNull()
    await userEvent.selectOptions(screen.getByLabelText('Email channel'), 'My inbox')
    await userEvent.click(screen.getByRole('button', { name: 'Schedule' }))
    expect(await screen.findByText(/Scheduled “Coverage after the night”/)).toHaveAttribute('role', 'status')
    expect(api.calls.filter((c) => c.method === 'POST').at(-1)!.body).toEqual({
      name: 'Coverage after the night', kind: 'report',
      report: {
        kind: 'coverage', format: 'pdf', portfolioId: null, symbols: [], from: null, to: null, benchmark: null, riskFree: null, jobId: null,
        emailChannelId: 'c-mail', webhookChannelId: null,
      },
      schedule: { kind: 'dependencies' }, dependsOn: ['j-collect'],
    })
    expect(api.calls.some((c) => c.method === 'POST' && /\/api\/reports$/.test(c.url.pathname))).toBe(false)
  })
})
