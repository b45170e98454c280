import { afterEach, describe, expect, it, vi } from 'vitest'
import { fireEvent, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { mockApi, renderWithProviders } from '../../test/utils'
import { CsvImport } from './CsvImport'

afterEach(() => vi.unstubAllGlobals())

describe('CsvImport', () => {
  it('checks the header before sending', async () => {
    const api = mockApi([])
    renderWithProviders(<CsvImport portfolioId="p1" />)
    fireEvent.change(screen.getByLabelText('or paste CSV'), { target: { value: 'kind,ticker\nbuy,AAPL' } })
    await userEvent.click(screen.getByRole('button', { name: 'Import' }))
    expect(screen.getByText(/The first line must be the header/)).toBeInTheDocument()
    expect(api.calls).toHaveLength(0)
  })

  it('sends the text as CSV and lists the errors per line', async () => {
    const api = mockApi([['POST', /\/api\/portfolios\/p1\/transactions\/import$/, () => ({ body: { imported: 1, errors: [{ line: 3, message: 'Selling more than held.' }] } })]])
    renderWithProviders(<CsvImport portfolioId="p1" />)
    const csv = 'type,symbol,time,quantity,price,amount,fee,currency,note\nbuy,AAPL,2024-01-02,1,100,,0,USD,\nsell,AAPL,2024-01-03,5,100,,0,USD,'
    fireEvent.change(screen.getByLabelText('or paste CSV'), { target: { value: csv } })
    await userEvent.click(screen.getByRole('button', { name: 'Import' }))
    expect(await screen.findByText('1 transaction imported.')).toBeInTheDocument()
    expect(screen.getByText('Line 3: Selling more than held.')).toBeInTheDocument()
    expect(api.calls[0].body).toBe(csv + '\n')
  })
})
