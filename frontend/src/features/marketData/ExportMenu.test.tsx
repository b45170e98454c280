import { screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { mockApi, renderWithProviders } from '../../test/utils'
import { ExportMenu } from './ExportMenu'

describe('ExportMenu', () => {
  let saved: string[]

  beforeEach(() => {
    saved = []
    localStorage.setItem('ip-session', JSON.stringify({ accessToken: 'token-1', refreshToken: 'r', expiresAt: Date.now() + 3_600_000 }))
    URL.createObjectURL = vi.fn(() => 'blob:export')
    URL.revokeObjectURL = vi.fn()
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      saved.push(this.download)
    })
  })

  afterEach(() => {
    localStorage.clear()
    vi.restoreAllMocks()
    vi.unstubAllGlobals()
  })

  it('downloads the shown symbol, interval and range as Parquet with the user\'s token', async () => {
    const { calls, fetchMock } = mockApi([
      ['GET', /\/api\/market-data\/export$/, () => ({ body: 'PAR1', headers: { 'Content-Disposition': 'attachment; filename="BRK.B-1d.parquet"' } })],
    ])
    renderWithProviders(<ExportMenu symbol="BRK.B" interval="1d" from="2024-01-01T00:00:00Z" to="2024-03-15T00:00:00Z" />)
    const user = userEvent.setup()
    const toggle = await screen.findByRole('button', { name: 'Export' })
    expect(toggle).toHaveAttribute('aria-expanded', 'false')
    await user.click(toggle)
    expect(toggle).toHaveAttribute('aria-expanded', 'true')
    await user.click(screen.getByRole('button', { name: 'Export Parquet' }))

    expect(await screen.findByRole('status')).toHaveTextContent('Saved BRK.B-1d.parquet')
    expect(saved).toEqual(['BRK.B-1d.parquet'])
    const url = calls[0].url
    expect(Object.fromEntries(url.searchParams)).toEqual({ symbols: 'BRK.B', interval: '1d', from: '2024-01-01T00:00:00Z', to: '2024-03-15T00:00:00Z', format: 'parquet' })
    expect((fetchMock.mock.calls[0][1] as RequestInit).headers).toEqual({ Authorization: 'Bearer token-1' })
    expect(toggle).toHaveFocus()
  })

  it('exports in the currency the chart shows', async () => {
    const { calls } = mockApi([['GET', /\/api\/market-data\/export$/, () => ({ body: 'a,b', headers: { 'Content-Disposition': 'attachment; filename="VOD.L-1d.csv"' } })]])
    renderWithProviders(<ExportMenu symbol="VOD.L" interval="1d" currency="USD" />)
    const user = userEvent.setup()
    await user.click(await screen.findByRole('button', { name: 'Export' }))
    await user.click(screen.getByRole('button', { name: 'Export CSV' }))
    expect(await screen.findByRole('status')).toHaveTextContent('Saved VOD.L-1d.csv')
    expect(calls[0].url.searchParams.get('currency')).toBe('USD')
  })

  it('says why an export was refused, in place', async () => {
    mockApi([['GET', /\/api\/market-data\/export$/, () => ({ status: 422, body: { title: 'Unprocessable', detail: "interval '1m' cannot be made from the stored bars." } })]])
    renderWithProviders(<ExportMenu symbol="AAPL" interval="1m" />)
    const user = userEvent.setup()
    await user.click(await screen.findByRole('button', { name: 'Export' }))
    await user.click(screen.getByRole('button', { name: 'Export CSV' }))
    expect(await screen.findByRole('alert')).toHaveTextContent("interval '1m' cannot be made from the stored bars.")
    expect(saved).toEqual([])
  })

  it('closes on Escape and gives focus back to the Export button', async () => {
    renderWithProviders(<ExportMenu symbol="AAPL" interval="1d" />)
    const user = userEvent.setup()
    const toggle = await screen.findByRole('button', { name: 'Export' })
    await user.click(toggle)
    await user.keyboard('{Tab}{Escape}')
    expect(screen.queryByRole('button', { name: 'Export CSV' })).not.toBeInTheDocument()
    expect(toggle).toHaveFocus()
  })
})
