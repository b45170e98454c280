import { afterEach, describe, expect, it, vi } from 'vitest'
import { screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { alertRule, asset, job } from '../../test/fixtures'
import { mockApi, paged, renderWithProviders, type Call } from '../../test/utils'
import { RuleForm } from './RuleForm'

afterEach(() => vi.unstubAllGlobals())

const base = () => [
  ['GET', /\/api\/assets$/, () => ({ body: paged([asset()]) })],
  ['GET', /\/api\/scheduler\/jobs$/, () => ({ body: paged([job({ id: 'j1', name: 'Nightly synthetic' })]) })],
] as const

const sent = async (calls: Call[], method: string) =>
  waitFor(() => {
    const c = calls.find((x) => x.method === method)
    expect(c).toBeDefined()
    return c!
  })

describe('RuleForm', () => {
  it('shows the fields of the chosen kind only', async () => {
    mockApi([...base()] as never)
    renderWithProviders(<RuleForm />)
    expect(screen.getByLabelText('Level')).toBeInTheDocument()
    expect(screen.getByLabelText('Hysteresis')).toBeInTheDocument()
    expect(screen.getByLabelText('Price field')).toHaveValue('close')

    await userEvent.click(screen.getByLabelText('Price move'))
    expect(screen.queryByLabelText('Level')).not.toBeInTheDocument()
    expect(screen.getByLabelText('Move (%)')).toBeInTheDocument()
    expect(screen.getByLabelText('Over bars')).toBeInTheDocument()
    expect(screen.getByLabelText('Direction')).toHaveValue('either')

    await userEvent.click(screen.getByLabelText('Volume spike'))
    expect(screen.getByLabelText('Multiple of the median (K)')).toBeInTheDocument()
    expect(screen.getByLabelText('Median of bars (N)')).toBeInTheDocument()

    await userEvent.click(screen.getByLabelText('Job failure'))
    expect(screen.queryByLabelText('Symbol')).not.toBeInTheDocument()
    expect(await screen.findByRole('option', { name: 'Nightly synthetic' })).toBeInTheDocument()

    // Channels bring their own fields.
    expect(screen.queryByLabelText('Webhook URL')).not.toBeInTheDocument()
    await userEvent.click(screen.getByLabelText('Webhook'))
    await userEvent.click(screen.getByLabelText('Email'))
    expect(screen.getByLabelText('Webhook URL')).toBeInTheDocument()
    expect(screen.getByLabelText('Webhook secret')).toHaveAttribute('type', 'password')
    expect(screen.getByLabelText('Email address')).toBeInTheDocument()
  })

  it('does not send an invalid rule and marks each field in place', async () => {
    const api = mockApi([...base()] as never)
    renderWithProviders(<RuleForm />)
    await userEvent.type(screen.getByLabelText('Level'), 'Infinity')
    await userEvent.click(screen.getByLabelText('In-app'))
    await userEvent.click(screen.getByRole('button', { name: 'Create rule' }))
    const summary = await screen.findByText(/4 fields need attention/)
    expect(summary).toHaveFocus()
    expect(screen.getByLabelText('Name')).toHaveAttribute('aria-invalid', 'true')
    expect(screen.getByLabelText('Symbol')).toHaveAttribute('aria-invalid', 'true')
    expect(screen.getByLabelText('Level')).toHaveAttribute('aria-invalid', 'true')
    expect(screen.getByText('Enter the price level, a number.')).toBeInTheDocument()
    expect(screen.getByText('Choose at least one channel.')).toBeInTheDocument()
    expect(api.calls.some((c) => c.method === 'POST')).toBe(false)
  })

  it('posts a volume rule with a webhook and shows the server’s field error where it belongs', async () => {
    const api = mockApi([
      ...base(),
      ['POST', /\/api\/alerts$/, () => ({ status: 422, body: { title: 'The request cannot be processed', status: 422, detail: "Unknown symbol 'NOPE'.", errors: { symbol: ["Unknown symbol 'NOPE'."] } } })],
    ] as never)
    const onSaved = vi.fn()
    renderWithProviders(<RuleForm onSaved={onSaved} />)
    await userEvent.type(screen.getByLabelText('Name'), 'Busy day')
    await userEvent.click(screen.getByLabelText('Volume spike'))
    await userEvent.type(screen.getByLabelText('Symbol'), 'NOPE')
    await userEvent.type(screen.getByLabelText('Multiple of the median (K)'), '3')
    await userEvent.type(screen.getByLabelText('Median of bars (N)'), '20')
    await userEvent.clear(screen.getByLabelText('Cooldown (seconds)'))
    await userEvent.type(screen.getByLabelText('Cooldown (seconds)'), '3600')
    await userEvent.click(screen.getByLabelText('Webhook'))
    await userEvent.type(screen.getByLabelText('Webhook URL'), 'https://hooks.example.com/alerts')
    await userEvent.type(screen.getByLabelText('Webhook secret'), 'sixteen-chars-secret')
    await userEvent.click(screen.getByRole('button', { name: 'Create rule' }))

    const post = await sent(api.calls, 'POST')
    expect(post.body).toEqual({
      name: 'Busy day', kind: 'volume', enabled: true, cooldownSeconds: 3600, channels: ['inapp', 'webhook'],
      webhookUrl: 'https://hooks.example.com/alerts', webhookSecret: 'sixteen-chars-secret', email: null, symbol: 'NOPE', interval: '1d',
      direction: null, field: null, level: null, hysteresis: null, percent: null, bars: 20, multiplier: 3, jobId: null,
      webhookChannelId: null, emailChannelId: null, portfolioId: null, confidence: null,
    })
    expect(await screen.findByText('The rule was not created')).toBeInTheDocument()
    expect(screen.getByLabelText('Symbol')).toHaveAttribute('aria-invalid', 'true')
    expect(screen.getByLabelText('Symbol')).toHaveAccessibleDescription(/Unknown symbol 'NOPE'\./)
    expect(onSaved).not.toHaveBeenCalled()
  })

  it('sends a saved webhook channel by id instead of an address', async () => {
    const api = mockApi([
      ...base(),
      ['GET', /\/api\/notification-channels$/, () => ({ body: [{ id: 'c1', name: 'ops hook', kind: 'webhook', url: 'https://hooks.example.com/a', hasSecret: true,
        email: null, rules: 0, createdAt: '2024-01-01T00:00:00Z', updatedAt: '2024-01-01T00:00:00Z' }] })],
      ['POST', /\/api\/alerts$/, (c: Call) => ({ status: 201, body: alertRule(c.body as object) })],
    ] as never)
    renderWithProviders(<RuleForm />)
    await userEvent.type(screen.getByLabelText('Name'), 'To ops')
    await userEvent.type(screen.getByLabelText('Symbol'), 'SYN-A')
    await userEvent.type(screen.getByRole('textbox', { name: 'Level' }), '110')
    await userEvent.click(screen.getByLabelText('Webhook'))
    await userEvent.selectOptions(await screen.findByLabelText('Webhook channel'), 'c1')
    expect(screen.queryByLabelText('Webhook URL')).not.toBeInTheDocument()
    await userEvent.click(screen.getByRole('button', { name: 'Create rule' }))
    expect((await sent(api.calls, 'POST')).body).toMatchObject({ channels: ['inapp', 'webhook'], webhookChannelId: 'c1', webhookUrl: null, webhookSecret: null })
  })

  it('creates a job rule and calls back with it', async () => {
    const api = mockApi([...base(), ['POST', /\/api\/alerts$/, (c: Call) => ({ status: 201, body: alertRule({ ...(c.body as object), id: 'a9', kind: 'job', jobId: 'j1' }) })]] as never)
    const onSaved = vi.fn()
    renderWithProviders(<RuleForm onSaved={onSaved} />)
    await userEvent.type(screen.getByLabelText('Name'), 'Nightly broke')
    await userEvent.click(screen.getByLabelText('Job failure'))
    await screen.findByRole('option', { name: 'Nightly synthetic' })
    await userEvent.selectOptions(screen.getByLabelText('Job'), 'j1')
    await userEvent.click(screen.getByRole('button', { name: 'Create rule' }))
    expect((await sent(api.calls, 'POST')).body).toMatchObject({ name: 'Nightly broke', kind: 'job', jobId: 'j1', symbol: null, channels: ['inapp'] })
    await waitFor(() => expect(onSaved).toHaveBeenCalledWith(expect.objectContaining({ id: 'a9' })))
  })

  it('creates a stale-data rule on an asset', async () => {
    const api = mockApi([...base(), ['POST', /\/api\/alerts$/, (c: Call) => ({ status: 201, body: alertRule(c.body as object) })]] as never)
    renderWithProviders(<RuleForm />)
    await userEvent.type(screen.getByLabelText('Name'), 'Feed stopped')
    await userEvent.click(screen.getByLabelText('Stale data'))
    await userEvent.type(screen.getByLabelText('Symbol'), 'SYN-A')
    await userEvent.type(screen.getByLabelText('Missing periods'), '3')
    await userEvent.click(screen.getByRole('button', { name: 'Create rule' }))
    expect((await sent(api.calls, 'POST')).body).toMatchObject({ kind: 'stale', symbol: 'SYN-A', interval: '1d', bars: 3, level: null, portfolioId: null })
  })

  it('creates a portfolio VaR rule, sending the confidence as a fraction', async () => {
    const api = mockApi([
      ...base(),
      ['GET', /\/api\/portfolios$/, () => ({ body: [{ id: 'p1', name: 'Core', baseCurrency: 'USD', costBasisMethod: 'fifo', allowShort: false, benchmarkSymbol: null,
        createdAt: '2024-01-01T00:00:00Z', updatedAt: '2024-01-01T00:00:00Z', kind: 'standard', version: 1 }] })],
      ['POST', /\/api\/alerts$/, (c: Call) => ({ status: 201, body: alertRule(c.body as object) })],
    ] as never)
    renderWithProviders(<RuleForm />)
    await userEvent.type(screen.getByLabelText('Name'), 'Core risk')
    await userEvent.click(screen.getByLabelText('Portfolio risk'))
    expect(screen.queryByLabelText('Symbol')).not.toBeInTheDocument()
    await userEvent.click(screen.getByRole('button', { name: 'Create rule' }))
    expect(await screen.findByText('Choose one of your portfolios.')).toBeInTheDocument()

    await screen.findByRole('option', { name: 'Core' })
    await userEvent.selectOptions(screen.getByLabelText('Portfolio'), 'p1')
    await userEvent.selectOptions(screen.getByLabelText('Watch'), 'var')
    await userEvent.clear(screen.getByLabelText('VaR confidence (%)'))
    await userEvent.type(screen.getByLabelText('VaR confidence (%)'), '99')
    await userEvent.click(screen.getByRole('button', { name: 'Create rule' }))
    expect((await sent(api.calls, 'POST')).body).toMatchObject({ kind: 'portfolio', portfolioId: 'p1', field: 'var', confidence: 0.99, percent: null, symbol: null })
  })

  it('edits a rule with PUT and keeps its webhook secret when left blank', async () => {
    const rule = alertRule({ channels: ['webhook'], webhookUrl: 'https://hooks.example.com/a', hasWebhookSecret: true })
    const api = mockApi([...base(), ['PUT', /\/api\/alerts\/a1$/, (c: Call) => ({ body: { ...rule, ...(c.body as object) } })]] as never)
    const onSaved = vi.fn()
    renderWithProviders(<RuleForm rule={rule} onSaved={onSaved} />)
    expect(screen.getByLabelText('Name')).toHaveValue('SYN-A breakout')
    expect(screen.getByLabelText('Level')).toHaveValue('105')
    expect(screen.getByText('Leave blank to keep the current secret')).toBeInTheDocument()
    await userEvent.clear(screen.getByLabelText('Level'))
    await userEvent.type(screen.getByLabelText('Level'), '110')
    await userEvent.click(screen.getByRole('button', { name: 'Save rule' }))
    expect((await sent(api.calls, 'PUT')).body).toMatchObject({ level: 110, webhookSecret: null, webhookUrl: 'https://hooks.example.com/a', channels: ['webhook'] })
    await waitFor(() => expect(onSaved).toHaveBeenCalled())
  })
})
