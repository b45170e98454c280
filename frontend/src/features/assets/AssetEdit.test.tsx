import { afterEach, describe, expect, it, vi } from 'vitest'
import { screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { asset } from '../../test/fixtures'
import { mockApi, renderWithProviders, type Call } from '../../test/utils'
import { AddAssetForm } from './AddAssetForm'

afterEach(() => vi.unstubAllGlobals())

const stored = asset({ symbol: 'AAPL', name: 'Apple', currency: 'USD', exchange: 'NMS', metadata: { timezone: 'America/New_York' }, version: 4 })
const collectors = ['GET', /\/api\/collectors$/, () => ({ body: [{ name: 'synthetic', displayName: 'Synthetic', assetTypes: ['stock'], intervals: ['1d'], historyLimitDays: {}, maxWindowDays: {}, parameters: [], isSynthetic: true }] })] as const

describe('editing an asset', () => {
  it('keeps the symbol, sends name, currency, exchange and metadata with the version it read', async () => {
    const api = mockApi([collectors, ['PUT', /\/api\/assets\/AAPL$/, (c: Call) => ({ body: { ...stored, ...(c.body as object), version: 5 } })]] as never)
    const onDone = vi.fn()
    renderWithProviders(<AddAssetForm editing={stored} onDone={onDone} onReload={vi.fn()} />)
    expect(screen.getByLabelText('Symbol')).toHaveAttribute('readonly')
    expect(screen.getByLabelText('Metadata')).toHaveValue('timezone=America/New_York')
    await userEvent.clear(screen.getByLabelText('Exchange'))
    await userEvent.type(screen.getByLabelText('Exchange'), 'XNAS')
    await userEvent.type(screen.getByLabelText('Metadata'), '{Enter}unit=shares')
    await userEvent.click(screen.getByRole('button', { name: 'Save asset' }))
    await waitFor(() => expect(onDone).toHaveBeenCalled())
    expect(api.calls.find((c) => c.method === 'PUT')!.body).toMatchObject({
      symbol: 'AAPL', exchange: 'XNAS', version: 4, metadata: { timezone: 'America/New_York', unit: 'shares' },
    })
  })

  it('refuses a metadata line that is not key=value, in place, before sending', async () => {
    const api = mockApi([collectors] as never)
    renderWithProviders(<AddAssetForm editing={stored} onDone={vi.fn()} />)
    await userEvent.type(screen.getByLabelText('Metadata'), '{Enter}no equals sign')
    await userEvent.click(screen.getByRole('button', { name: 'Save asset' }))
    expect(await screen.findByText('Each line is key=value; "no equals sign" is not.')).toBeInTheDocument()
    expect(screen.getByLabelText('Metadata')).toHaveAttribute('aria-invalid', 'true')
    expect(api.calls.some((c) => c.method === 'PUT')).toBe(false)
  })

  it('shows the server field error in place, and a stale version as a reload offer', async () => {
    let puts = 0
    mockApi([collectors, ['PUT', /\/api\/assets\/AAPL$/, () => (++puts === 1
      ? { status: 400, body: { title: 'The request is invalid', status: 400, detail: 'currency must be at most 8 characters.', errors: { currency: ['currency must be at most 8 characters.'] } } }
      : { status: 409, body: { title: 'Changed since it was read', status: 409, detail: "Asset 'AAPL' changed since you read it.", errors: { version: ['stale'] } } })]] as never)
    const onReload = vi.fn()
    renderWithProviders(<AddAssetForm editing={stored} onDone={vi.fn()} onReload={onReload} />)
    await userEvent.click(screen.getByRole('button', { name: 'Save asset' }))
    expect(await screen.findByText('currency must be at most 8 characters.', { selector: 'p[id$="-err"]' })).toBeInTheDocument()
    expect(screen.getByLabelText('Currency')).toHaveAttribute('aria-invalid', 'true')
    await userEvent.click(screen.getByRole('button', { name: 'Save asset' }))
    expect(await screen.findByRole('alert')).toHaveTextContent('This asset was changed elsewhere')
    await userEvent.click(screen.getByRole('button', { name: 'Reload asset' }))
    expect(onReload).toHaveBeenCalled()
  })
})
