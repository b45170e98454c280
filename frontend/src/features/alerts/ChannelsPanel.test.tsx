import { afterEach, describe, expect, it, vi } from 'vitest'
import { screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { mockApi, renderWithProviders } from '../../test/utils'
import { AlertMe } from './AlertMe'
import AlertsPage from './AlertsPage'

afterEach(() => vi.unstubAllGlobals())

const hook = { id: 'c1', name: 'ops hook', kind: 'webhook', url: 'https://hooks.example.com/a', hasSecret: true, email: null, rules: 2,
  createdAt: '2024-01-01T00:00:00Z', updatedAt: '2024-01-01T00:00:00Z', health: { status: 'unused', lastAttemptAt: null, statusCode: null, error: null } }

describe('Channels tab', () => {
  it('lists the channels, sends a test and shows what the receiver answered', async () => {
    mockApi([
      ['GET', /\/api\/notification-channels$/, () => ({ body: [hook] })],
      ['POST', /\/api\/notification-channels\/c1\/test$/, () => ({ body: { status: 'failed', statusCode: 500, error: null } })],
    ])
    renderWithProviders(<AlertsPage />, { route: '/alerts?tab=channels' })
    const row = (await screen.findByRole('rowheader', { name: 'ops hook' })).closest('tr')!
    expect(row).toHaveTextContent(/Webhook.*https:\/\/hooks\.example\.com\/a.*2/)
    await userEvent.click(screen.getByRole('button', { name: 'Send test to ops hook' }))
    expect(await screen.findByText('Test to ops hook: failed (500).')).toBeInTheDocument()
  })

  it('marks a channel whose deliveries were given up as failing, with what it answered', async () => {
    const failing = { ...hook, id: 'c2', name: 'dead hook', health: { status: 'failing', lastAttemptAt: '2024-03-01T10:00:00Z', statusCode: 500, error: null } }
    mockApi([['GET', /\/api\/notification-channels$/, () => ({ body: [hook, failing] })]])
    renderWithProviders(<AlertsPage />, { route: '/alerts?tab=channels' })
    const dead = (await screen.findByRole('rowheader', { name: 'dead hook' })).closest('tr')!
    expect(dead).toHaveTextContent(/Failing.*answered 500/)
    const unused = screen.getByRole('rowheader', { name: 'ops hook' }).closest('tr')!
    expect(unused).toHaveTextContent('Nothing sent yet')
  })

  it('adds an email channel and shows the server’s field error in place', async () => {
    const { calls } = mockApi([
      ['GET', /\/api\/notification-channels$/, () => ({ body: [] })],
      ['POST', /\/api\/notification-channels$/, () => ({ status: 422, body: { title: 'Unprocessable', status: 422, errors: { email: ['email must be one address such as name@example.com.'] } } })],
    ])
    renderWithProviders(<AlertsPage />, { route: '/alerts?tab=channels' })
    const form = await screen.findByRole('form', { name: 'New channel' })
    await userEvent.type(screen.getByLabelText('Channel name'), 'me')
    await userEvent.selectOptions(screen.getByLabelText('Channel kind'), 'email')
    await userEvent.type(screen.getByLabelText('Email address'), 'me@example.com')
    await userEvent.click(screen.getByRole('button', { name: 'Add channel' }))
    await waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true))
    expect(calls.find((c) => c.method === 'POST')!.body).toEqual({ name: 'me', kind: 'email', url: null, secret: null, email: 'me@example.com' })
    expect(await screen.findByText('email must be one address such as name@example.com.')).toBeInTheDocument()
    expect(form).toBeInTheDocument()
  })
})

describe('AlertMe', () => {
  it('links to a new price rule on the asset and interval, at the last close', async () => {
    mockApi([['GET', /\/api\/market-data\/SYN-A\/latest$/, () => ({ body: { symbol: 'SYN-A', interval: '1h', time: '2024-01-02T00:00:00Z', open: 1, high: 1, low: 1, close: 101.5 } })]])
    renderWithProviders(<AlertMe symbol="SYN-A" interval="1h" />)
    await waitFor(() => expect(screen.getByTestId('alert-me')).toHaveAttribute('href', '/alerts?tab=new&symbol=SYN-A&interval=1h&level=101.5'))
    expect(screen.getByRole('link')).toHaveAccessibleName('Alert me about SYN-A near 101.5')
  })
})
