import { afterEach, describe, expect, it, vi } from 'vitest'
import { screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { watch } from '../../test/fixtures'
import { mockApi, renderWithProviders } from '../../test/utils'
import { Watchlist } from './Watchlist'

afterEach(() => vi.unstubAllGlobals())

describe('Watchlist', () => {
  it('shows last, signed change, a sparkline and the synthetic label; a click picks the symbol', async () => {
    mockApi([['GET', /\/api\/market-data\/watchlist$/, () => ({ body: [watch(), watch({ symbol: 'AAPL', isSynthetic: false, last: 180, change: -2, changePercent: -1.1, sparkline: [182, 180] })] })]])
    const onSelect = vi.fn()
    renderWithProviders(<Watchlist onSelect={onSelect} />)
    expect(await screen.findByText('101.50')).toBeInTheDocument()
    expect(screen.getByText('+1.50%')).toBeInTheDocument()
    expect(screen.getByText('-1.10%')).toBeInTheDocument()
    expect(screen.getAllByText('synthetic')).toHaveLength(1)
    expect(screen.getByRole('img', { name: 'SYN-A recent closes' })).toBeInTheDocument()
    await userEvent.click(screen.getByRole('button', { name: 'Show AAPL on the chart' }))
    expect(onSelect).toHaveBeenCalledWith('AAPL')
  })

  it('invites the user to add an asset when there is none', async () => {
    mockApi([['GET', /\/api\/market-data\/watchlist$/, () => ({ body: [] })]])
    renderWithProviders(<Watchlist onSelect={() => {}} />)
    expect(await screen.findByRole('link', { name: 'Add an asset' })).toHaveAttribute('href', '/assets')
  })
})
