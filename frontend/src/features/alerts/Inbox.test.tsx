import { afterEach, describe, expect, it, vi } from 'vitest'
import { act, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { liveEvents } from '../../api/liveEvents'
import type { NotificationDto } from '../../api/schemas'
import { notification } from '../../test/fixtures'
import { mockApi, paged, renderWithProviders, type Call } from '../../test/utils'
import { Inbox } from './Inbox'
import { NotificationBell } from './NotificationBell'

afterEach(() => vi.unstubAllGlobals())

/** An inbox on the server: the handlers answer from it and change it as the dashboard asks. */
function server(items: NotificationDto[]) {
  const unread = () => items.filter((n) => n.readAt === null).length
  const read = (n: NotificationDto) => (n.readAt ??= '2024-01-09T00:00:00Z')
  const api = mockApi([
    ['GET', /\/api\/notifications$/, (c: Call) => {
      const shown = c.url.searchParams.get('unread') === 'true' ? items.filter((n) => n.readAt === null) : items
      return { body: { page: paged(shown, 1, 20), unread: unread() } }
    }],
    ['GET', /\/api\/notifications\/unread-count$/, () => ({ body: { unread: unread() } })],
    ['POST', /\/api\/notifications\/read-all$/, () => {
      items.forEach(read)
      return { body: { unread: 0 } }
    }],
    ['POST', /\/api\/notifications\/[^/]+\/read$/, (c: Call) => {
      const n = items.find((x) => c.url.pathname.endsWith(`/${x.id}/read`))
      if (!n) return { status: 404, body: { title: 'Not found', status: 404, detail: 'Notification does not exist.' } }
      read(n)
      return { body: { unread: unread() } }
    }],
  ])
  return { api, items }
}

const inboxItems = () => screen.getAllByRole('listitem')

describe('Inbox', () => {
  it('lists notifications newest first, filters to unread and marks one read', async () => {
    const { api } = server([
      notification(),
      notification({ id: 'n2', title: 'Nightly broke', body: 'Run failed: provider down', link: '/scheduler', readAt: '2024-01-07T00:00:00Z' }),
    ])
    renderWithProviders(<Inbox />)
    await screen.findByText('Nightly broke')
    expect(inboxItems().map((li) => li.getAttribute('data-unread'))).toEqual(['true', 'false'])
    expect(screen.getByTestId('inbox-unread')).toHaveTextContent('1 unread')
    expect(within(inboxItems()[0]).getByRole('link', { name: 'Open: SYN-A breakout' })).toHaveAttribute('href', '/assets/SYN-A')

    await userEvent.click(screen.getByLabelText('Unread only'))
    await waitFor(() => expect(screen.queryByText('Nightly broke')).not.toBeInTheDocument())
    expect(api.calls.some((c) => c.url.searchParams.get('unread') === 'true')).toBe(true)

    await userEvent.click(screen.getByRole('button', { name: /^Mark read: SYN-A breakout/ }))
    expect(await screen.findByText('Nothing unread.')).toBeInTheDocument()
    expect(api.calls.some((c) => c.method === 'POST' && c.url.pathname === '/api/notifications/n1/read')).toBe(true)
    expect(screen.getByTestId('inbox-unread')).toHaveTextContent('0 unread')
  })

  it('marks all read at once', async () => {
    server([notification(), notification({ id: 'n2', title: 'Second' })])
    renderWithProviders(<Inbox />)
    await screen.findByText('Second')
    expect(screen.getByTestId('inbox-unread')).toHaveTextContent('2 unread')
    await userEvent.click(screen.getByRole('button', { name: 'Mark all read' }))
    await waitFor(() => expect(screen.getByTestId('inbox-unread')).toHaveTextContent('0 unread'))
    expect(inboxItems().every((li) => li.getAttribute('data-unread') === 'false')).toBe(true)
    expect(screen.getByRole('button', { name: 'Mark all read' })).toBeDisabled()
    expect(screen.queryByRole('button', { name: /^Mark read/ })).not.toBeInTheDocument()
  })

  it('shows a failure as its ProblemDetails message', async () => {
    mockApi([['GET', /\/api\/notifications$/, () => ({ status: 403, body: { title: 'Forbidden', status: 403, detail: 'Alerts belong to a user: sign in as one, or use a user\'s API key.' } })]])
    renderWithProviders(<Inbox />)
    expect(await screen.findByRole('alert')).toHaveTextContent('Alerts belong to a user')
  })
})

describe('NotificationBell', () => {
  it('counts a pushed notification at once, announces it, and the open inbox shows it', async () => {
    const { items } = server([notification(), notification({ id: 'n2', title: 'Second' })])
    renderWithProviders(<><NotificationBell /><Inbox /></>)
    // Loaded: the count comes from the server, so the bell listens from now on.
    const bell = await screen.findByRole('link', { name: 'Notifications, 2 unread' })
    expect(bell).toHaveAttribute('href', '/alerts?tab=inbox')
    await screen.findByText('Second')

    items.unshift(notification({ id: 'n7', title: 'Pushed rule', body: 'close 108 crossed above 105' }))
    act(() => liveEvents.emit('notification', {
      firingId: 'f7', ruleId: 'a1', ruleName: 'Pushed rule', kind: 'price', symbol: 'SYN-A', message: 'close 108 crossed above 105', value: 108,
      triggerTime: '2024-01-08T00:00:00Z', unread: 3, timestamp: '2024-01-08T00:00:05Z',
    }))
    expect(screen.getByRole('link', { name: 'Notifications, 3 unread' })).toBeInTheDocument()
    expect(screen.getByTestId('notification-count')).toHaveTextContent('3')
    expect(screen.getByText('New alert: Pushed rule. close 108 crossed above 105')).toBeInTheDocument()
    expect(await screen.findByText('Pushed rule')).toBeInTheDocument()
  })
})
