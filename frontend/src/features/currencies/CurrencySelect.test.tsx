import { screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { useState } from 'react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { mockApi, renderWithProviders, type Call } from '../../test/utils'
import { SymbolChart } from '../marketData/SymbolChart'
import { CurrencySelect } from './CurrencySelect'

vi.mock('lightweight-charts', () => import('../../test/fakeChart'))

const day = (i: number) => new Date(Date.UTC(2024, 0, 1 + i)).toISOString()

/** Pence as stored; dollars at 1.25 a pound; no yen rate at all. */
function bars(call: Call) {
  const currency = call.url.searchParams.get('currency')
  if (currency === 'JPY')
    return { status: 422, body: { title: 'The request cannot be processed', status: 422, detail: 'No exchange rate series to convert GBp into JPY: store GBPJPY=X.', errors: { currency: ['No exchange rate series to convert GBp into JPY: store GBPJPY=X.'] } } }
  const factor = currency === 'USD' ? 0.0125 : 1
  const list = [7000, 7050].map((p, i) => ({ time: day(i), open: p * factor, high: p * factor, low: p * factor, close: p * factor, adjClose: null, volume: 10 }))
  return { body: { symbol: 'VOD.L', assetType: 'stock', interval: '1d', baseInterval: '1d', adjust: 'raw', isSynthetic: false,
    currency: currency ?? 'GBp', convertedFrom: currency ? 'GBp' : null, bars: list } }
}

function AssetChart() {
  const [currency, setCurrency] = useState('')
  return (
    <>
      <CurrencySelect value={currency} onChange={setCurrency} quoted="GBp" />
      <SymbolChart symbol="VOD.L" interval="1d" currency={currency} />
    </>
  )
}

describe('CurrencySelect', () => {
  let calls: Call[]

  beforeEach(() => {
    calls = mockApi([
      ['GET', /\/bars$/, bars],
      ['GET', /\/corporate-actions$/, () => ({ body: [] })],
    ]).calls
  })

  afterEach(() => vi.unstubAllGlobals())

  it('offers the quoted unit first and re-reads the bars in the chosen currency', async () => {
    renderWithProviders(<AssetChart />)
    await waitFor(() => expect(screen.getByText(/last 7,?050(\.00)? GBp/)).toBeInTheDocument())
    const select = screen.getByLabelText('Currency')
    expect(select).toHaveDisplayValue('GBp (as quoted)')
    expect(calls.every((c) => !c.url.searchParams.has('currency'))).toBe(true)

    await userEvent.setup().selectOptions(select, 'USD')
    await waitFor(() => expect(screen.getByText(/last 88\.13 USD/)).toBeInTheDocument())
    expect(screen.getByText('converted from GBp at stored rates')).toBeInTheDocument()
    expect(calls.at(-1)!.url.searchParams.get('currency')).toBe('USD')
  })

  it("shows the server's 422 naming the missing pair, never a converted chart", async () => {
    renderWithProviders(<AssetChart />)
    await waitFor(() => expect(screen.getByTestId('bar-count')).toBeInTheDocument())

    await userEvent.setup().selectOptions(screen.getByLabelText('Currency'), 'JPY')
    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent('Bars for VOD.L could not be loaded in JPY')
    expect(alert).toHaveTextContent('No exchange rate series to convert GBp into JPY: store GBPJPY=X.')
    expect(screen.queryByTestId('bar-count')).not.toBeInTheDocument()
  })
})
