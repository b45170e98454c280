import { afterEach, describe, expect, it, vi } from 'vitest'
import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { asset } from '../../test/fixtures'
import { mockApi, renderWithProviders } from '../../test/utils'
import { series } from '../quality/qualityFixtures'
import AssetDetailPage from './AssetDetailPage'

vi.mock('lightweight-charts', () => import('../../test/fakeChart'))

afterEach(() => vi.unstubAllGlobals())

describe('AssetDetailPage', () => {
  it('shows the quality of the charted series beside the asset, linking to its findings', async () => {
    mockApi([
      ['GET', /\/api\/assets\/SYN-A$/, () => ({ body: asset() })],
      ['GET', /\/api\/assets\/SYN-A\/quality$/, () => ({ body: { symbol: 'SYN-A', series: [series({ interval: '1h', score: 99.1 }), series({ interval: '1d', score: 72 })] } })],
    ] as never)
    renderWithProviders(<AssetDetailPage />, { route: '/assets/SYN-A', path: '/assets/:symbol' })

    const header = (await screen.findByRole('heading', { name: 'SYN-A', level: 1 })).parentElement!
    expect(await within(header).findByRole('link', { name: 'Quality 72 fair 1d' })).toHaveAttribute('href', '/quality?symbol=SYN-A&interval=1d')
    await userEvent.click(screen.getByRole('radio', { name: '1h' }))
    expect(within(header).getByRole('link', { name: 'Quality 99.1 good 1h' })).toHaveAttribute('href', '/quality?symbol=SYN-A&interval=1h')
  })
})
