import { afterEach, describe, expect, it, vi } from 'vitest'
import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import axe from 'axe-core'
import { mockApi, paged, renderWithProviders } from '../../test/utils'
import FaultsPage from './FaultsPage'
import type { MessageFaultDto } from './faultsApi'

afterEach(() => vi.unstubAllGlobals())

const fault = (over: Partial<MessageFaultDto> = {}): MessageFaultDto => ({
  id: 'f1', messageId: 'm1', messageType: 'urn:message:InvestmentPlatform.Contracts.Ingestion:CollectionRequested',
  queue: 'collection-requested', errorClass: 'permanent', exceptionType: 'System.InvalidOperationException',
  reason: 'the request names no symbol', faultedAt: '2026-12-03T10:00:00Z', redrives: 0, redriveAt: null, ...over,
})

describe('FaultsPage', () => {
  it('lists faulted messages with their reason, class and when they come back', async () => {
    mockApi([['GET', /\/api\/ingestion\/errors$/, () => ({
      body: paged([fault(), fault({ id: 'f2', errorClass: 'transient', reason: 'connection refused', redrives: 2, redriveAt: '2026-12-03T10:01:00Z' })]),
    })]])
    const { container } = renderWithProviders(<FaultsPage />)

    const table = await screen.findByRole('table', { name: 'Faulted messages' })
    const [, permanent, transient] = within(table).getAllByRole('row')
    expect(permanent).toHaveTextContent('CollectionRequested')
    expect(permanent).toHaveTextContent('on collection-requested')
    expect(permanent).toHaveTextContent('the request names no symbol')
    expect(permanent).toHaveTextContent('waits for an admin')
    expect(transient).toHaveTextContent('automatic at 2026-12-03 10:01 UTC')
    expect(transient).toHaveTextContent('re-driven 2×')
    const audit = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } })
    expect(audit.violations.map((v) => v.id)).toEqual([])
  })

  it('re-drives one, filters by class, and says why a discard was refused', async () => {
    const api = mockApi([
      ['GET', /\/api\/ingestion\/errors$/, () => ({ body: paged([fault()]) })],
      ['POST', /\/api\/ingestion\/errors\/f1\/redrive$/, () => ({ status: 204 })],
      ['DELETE', /\/api\/ingestion\/errors\/f1$/, () => ({ status: 404, body: { title: 'Not found', status: 404, detail: 'No faulted message f1.' } })],
    ])
    renderWithProviders(<FaultsPage />)
    const user = userEvent.setup()

    await user.click(await screen.findByRole('button', { name: 'Re-drive CollectionRequested of 2026-12-03 10:00 UTC' }))
    expect(await screen.findByRole('status')).toHaveTextContent('CollectionRequested sent back to collection-requested.')
    expect(api.calls.some((c) => c.method === 'POST' && c.url.pathname === '/api/ingestion/errors/f1/redrive')).toBe(true)

    await user.click(screen.getByRole('button', { name: 'Discard CollectionRequested of 2026-12-03 10:00 UTC' }))
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('No faulted message f1.'))

    await user.selectOptions(screen.getByLabelText('Class'), 'permanent')
    await waitFor(() => expect(api.calls.some((c) => c.url.searchParams.get('errorClass') === 'permanent')).toBe(true))
  })
})
