import { afterEach, describe, expect, it, vi } from 'vitest'
import { screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { mockApi, renderWithProviders } from '../../test/utils'
import { series } from './qualityFixtures'
import { AssetQualityBadge, QualityBadge } from './QualityBadge'

afterEach(() => vi.unstubAllGlobals())

describe('QualityBadge', () => {
  it('shows the score with its word and links to the series on the Data quality page', async () => {
    const { router } = renderWithProviders(<QualityBadge series={{ symbol: 'EURUSD=X', interval: '1h', score: 97.46 }} />)
    const link = screen.getByRole('link', { name: 'Quality 97.5 good 1h' })
    expect(link).toHaveAttribute('href', '/quality?symbol=EURUSD%3DX&interval=1h')
    await userEvent.click(link)
    expect(router.state.location.pathname).toBe('/quality')
    expect(Object.fromEntries(new URLSearchParams(router.state.location.search))).toEqual({ symbol: 'EURUSD=X', interval: '1h' })
  })

  it('says fair from 70 and poor below it, in words as well as colour', () => {
    renderWithProviders(<><QualityBadge series={{ symbol: 'A', interval: '1d', score: 90 }} /><QualityBadge series={{ symbol: 'B', interval: '1d', score: 70 }} /><QualityBadge series={{ symbol: 'C', interval: '1d', score: 69.9 }} /></>)
    expect(screen.getAllByRole('link').map((l) => l.textContent)).toEqual(['Quality 90 good · 1d', 'Quality 70 fair · 1d', 'Quality 69.9 poor · 1d'])
  })
})

describe('AssetQualityBadge', () => {
  const reply = () => ({ body: { symbol: 'SYN-A', series: [series({ interval: '1h', score: 64 }), series({ interval: '1d', score: 88.2 })] } })

  it('shows the series of the chart’s interval, or the finest checked one when that interval is not checked', async () => {
    mockApi([['GET', /\/api\/assets\/SYN-A\/quality$/, reply]] as never)
    const { unmount } = renderWithProviders(<AssetQualityBadge symbol="SYN-A" interval="1d" />)
    expect(await screen.findByRole('link', { name: 'Quality 88.2 fair 1d' })).toHaveAttribute('href', '/quality?symbol=SYN-A&interval=1d')
    unmount()
    renderWithProviders(<AssetQualityBadge symbol="SYN-A" interval="1wk" />)
    expect(await screen.findByRole('link', { name: 'Quality 64 poor 1h' })).toBeInTheDocument()
  })

  it('shows nothing for an asset none of whose series is checked yet', async () => {
    mockApi([['GET', /\/api\/assets\/SYN-A\/quality$/, () => ({ body: { symbol: 'SYN-A', series: [] } })]] as never)
    const { store } = renderWithProviders(<AssetQualityBadge symbol="SYN-A" interval="1d" />)
    await waitFor(() => expect(Object.values(store.getState().api.queries).map((q) => q?.status)).toEqual(['fulfilled']))
    expect(screen.queryByRole('link')).toBeNull()
  })
})
