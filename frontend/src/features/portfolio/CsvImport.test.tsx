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

  it('lists every bad line of a refused import and can ask to skip them', async () => {
    const api = mockApi([['POST', /\/api\/portfolios\/p1\/transactions\/import$/, (call) =>
      call.url.search === '?mode=skip-invalid'
        ? { body: { imported: 1, errors: [{ line: 3, message: 'quantity is not a number.' }] } }
        : { status: 422, body: { title: 'The import has invalid lines; nothing was imported', status: 422, lines: [{ line: 3, message: 'quantity is not a number.' }, { line: 2, message: 'Unknown symbol.' }] } }]])
    renderWithProviders(<CsvImport portfolioId="p1" />)
    const csv = 'type,symbol,time,quantity,price,amount,fee,currency,note\nbuy,NOPE,2024-01-02,1,100,,0,USD,\nbuy,AAPL,2024-01-03,x,100,,0,USD,'
    fireEvent.change(screen.getByLabelText('or paste CSV'), { target: { value: csv } })
    await userEvent.click(screen.getByRole('button', { name: 'Import' }))
    expect(await screen.findByText('2 lines refused:')).toBeInTheDocument()
    expect(screen.getAllByRole('listitem').map((li) => li.textContent)).toEqual(['Line 2: Unknown symbol.', 'Line 3: quantity is not a number.'])

    await userEvent.click(screen.getByLabelText('Import the good lines and skip the invalid ones'))
    await userEvent.click(screen.getByRole('button', { name: 'Import' }))
    expect(await screen.findByText('1 transaction imported.')).toBeInTheDocument()
    expect(api.calls[1].url.search).toBe('?mode=skip-invalid')
  })
})
