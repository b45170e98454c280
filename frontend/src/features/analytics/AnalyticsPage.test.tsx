import { afterEach, describe, expect, it, vi } from 'vitest'
import { screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { asset } from '../../test/fixtures'
import { mockApi, paged, renderWithProviders } from '../../test/utils'
import AnalyticsPage from './AnalyticsPage'

afterEach(() => vi.unstubAllGlobals())

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
})
