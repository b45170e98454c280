import { afterEach, describe, expect, it, vi } from 'vitest'
import { screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { asset } from '../../test/fixtures'
import { mockApi, renderWithProviders } from '../../test/utils'
import { AddAssetForm } from './AddAssetForm'

afterEach(() => vi.unstubAllGlobals())
const collectors = ['GET', /\/api\/collectors$/, () => ({ body: [] })] as const

describe('AddAssetForm', () => {
  it('refuses an empty symbol and a bad currency without calling the server', async () => {
    const api = mockApi([collectors as never])
    renderWithProviders(<AddAssetForm />)
    await userEvent.clear(screen.getByLabelText('Currency'))
    await userEvent.type(screen.getByLabelText('Currency'), 'US')
    await userEvent.click(screen.getByRole('button', { name: 'Add asset' }))
    expect(screen.getByText('Enter a symbol.')).toBeInTheDocument()
    expect(screen.getByText(/three-letter currency/)).toBeInTheDocument()
    expect(screen.getByLabelText('Symbol')).toHaveAttribute('aria-invalid', 'true')
    expect(api.calls.filter((c) => c.method === 'POST')).toHaveLength(0)
  })

  it('shows the conflict the server answers with', async () => {
    mockApi([collectors as never, ['POST', /\/api\/assets$/, () => ({ status: 409, body: { title: 'Conflict', status: 409, detail: 'Asset SYN-A already exists.' } })]])
    renderWithProviders(<AddAssetForm />)
    await userEvent.type(screen.getByLabelText('Symbol'), 'syn-a')
    await userEvent.click(screen.getByRole('button', { name: 'Add asset' }))
    expect(await screen.findByText('Asset SYN-A already exists.')).toBeInTheDocument()
  })

  it('sends the upper-cased symbol and reports the created asset', async () => {
    const api = mockApi([collectors as never, ['POST', /\/api\/assets$/, () => ({ status: 201, body: asset({ symbol: 'SYN-B' }) })]])
    const onCreated = vi.fn()
    renderWithProviders(<AddAssetForm onCreated={onCreated} />)
    await userEvent.type(screen.getByLabelText('Symbol'), 'syn-b')
    await userEvent.click(screen.getByRole('button', { name: 'Add asset' }))
    await waitFor(() => expect(onCreated).toHaveBeenCalledWith('SYN-B'))
    expect(api.calls.find((c) => c.method === 'POST')?.body).toMatchObject({ symbol: 'SYN-B', source: 'synthetic', assetType: 'stock', currency: 'USD' })
  })
})
