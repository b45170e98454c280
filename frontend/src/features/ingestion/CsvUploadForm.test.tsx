import { afterEach, describe, expect, it, vi } from 'vitest'
import { fireEvent, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { mockApi, renderWithProviders } from '../../test/utils'
import { CsvUploadForm } from './CsvUploadForm'

afterEach(() => vi.unstubAllGlobals())

const csv = 'Date,Open,High,Low,Close,Adj Close,Volume\n2024-01-02,1,2,0.5,1.5,1.5,10\n'

describe('CsvUploadForm', () => {
  it('asks for a file and a symbol before sending anything', async () => {
    const api = mockApi([])
    renderWithProviders(<CsvUploadForm />)
    await userEvent.click(screen.getByRole('button', { name: 'Import' }))
    expect(screen.getByText('Choose a CSV file.')).toBeInTheDocument()
    expect(screen.getByText('Enter the symbol the prices belong to.')).toBeInTheDocument()
    expect(api.calls).toHaveLength(0)
  })

  it('uploads the file as multipart with its symbol, type and interval, then follows the request', async () => {
    const api = mockApi([
      ['POST', /\/api\/ingestion\/requests\/csv$/, () => ({ status: 202, body: { requestId: 'r1', status: 'pending' } })],
      ['GET', /\/api\/ingestion\/requests\/r1$/, () => ({ body: { requestId: 'r1', source: 'csv', symbols: ['MYCO'], interval: '1d', status: 'succeeded', chunksTotal: 1, chunksDone: 1, recordsCollected: 1, recordsLoaded: 1, recordsRejected: 0, perSymbol: [] } })],
    ])
    renderWithProviders(<CsvUploadForm />)
    fireEvent.change(screen.getByLabelText('CSV file'), { target: { files: [new File([csv], 'myco.csv', { type: 'text/csv' })] } })
    await userEvent.type(screen.getByLabelText('Symbol'), 'MYCO')
    await userEvent.type(screen.getByLabelText('Currency (optional)'), 'EUR')
    await userEvent.click(screen.getByRole('button', { name: 'Import' }))

    expect(await screen.findByTestId('request-progress')).toBeInTheDocument()
    const sent = api.calls[0]
    expect(Object.fromEntries(sent.url.searchParams)).toEqual({ symbol: 'MYCO', assetType: 'stock', interval: '1d', currency: 'EUR' })
    // jsdom's File does not cross into the test fetch's FormData, so only the part's name is checked here.
    expect(String(sent.body)).toContain('Content-Disposition: form-data; name="file"')
  })

  it('shows the server\'s refusal', async () => {
    mockApi([['POST', /\/api\/ingestion\/requests\/csv$/, () => ({ status: 413, body: { title: 'Payload too large', status: 413, detail: 'The file is larger than 16,777,216 bytes.' } })]])
    renderWithProviders(<CsvUploadForm />)
    fireEvent.change(screen.getByLabelText('CSV file'), { target: { files: [new File([csv], 'big.csv', { type: 'text/csv' })] } })
    await userEvent.type(screen.getByLabelText('Symbol'), 'BIG')
    await userEvent.click(screen.getByRole('button', { name: 'Import' }))
    expect(await screen.findByText('The file is larger than 16,777,216 bytes.')).toBeInTheDocument()
  })
})
