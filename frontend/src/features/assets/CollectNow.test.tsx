import { afterEach, describe, expect, it, vi } from 'vitest'
import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { asset } from '../../test/fixtures'
import { mockApi, renderWithProviders } from '../../test/utils'
import { CollectNow } from './CollectNow'

afterEach(() => vi.unstubAllGlobals())

const yahoo = { name: 'yahoo', displayName: 'Yahoo Finance', assetTypes: ['stock'], intervals: ['1m', '1d'], historyLimitDays: { '1m': 7, '1d': null }, maxWindowDays: {}, parameters: [], isSynthetic: false }

describe('CollectNow', () => {
  it("offers only the source's intervals and refuses a look-back beyond its history limit", async () => {
    const api = mockApi([
      ['GET', /\/api\/collectors$/, () => ({ body: [yahoo] })],
      ['POST', /\/api\/ingestion\/requests$/, () => ({ status: 202, body: { requestId: 'q1', status: 'pending' } })],
    ])
    renderWithProviders(<CollectNow asset={asset({ symbol: 'AAPL', source: 'yahoo', isSynthetic: false })} />)
    const user = userEvent.setup()
    const select = screen.getByLabelText('Interval')
    await waitFor(() => expect(within(select).getAllByRole('option').map((o) => o.textContent)).toEqual(['1 minute', '1 day']))

    await user.selectOptions(select, '1m')
    const days = screen.getByLabelText(/Look back/)
    await user.clear(days)
    await user.type(days, '30')
    await user.click(screen.getByRole('button', { name: 'Collect now' }))
    expect(await screen.findByText(/Yahoo Finance keeps 1 minute bars for 7 days/)).toBeInTheDocument()
    expect(api.calls.filter((c) => c.method === 'POST')).toHaveLength(0)

    await user.clear(days)
    await user.type(days, '5')
    await user.click(screen.getByRole('button', { name: 'Collect now' }))
    await waitFor(() => expect(api.calls.filter((c) => c.method === 'POST')).toHaveLength(1))
    expect(api.calls.find((c) => c.method === 'POST')?.body).toMatchObject({ source: 'yahoo', symbols: ['AAPL'], interval: '1m', mode: 'incremental' })
  })
})
