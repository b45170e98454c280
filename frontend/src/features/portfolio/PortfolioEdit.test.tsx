import { afterEach, describe, expect, it, vi } from 'vitest'
import { screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { mockApi, paged, renderWithProviders, type Call } from '../../test/utils'
import type { PortfolioDto, TransactionDto } from '../../api/schemas'
import { CreatePortfolioForm } from './CreatePortfolioForm'
import { TransactionsTable } from './TransactionsTable'

afterEach(() => vi.unstubAllGlobals())

const book: PortfolioDto = {
  id: 'p1', name: 'Core', baseCurrency: 'USD', costBasisMethod: 'fifo', allowShort: false, benchmarkSymbol: null,
  createdAt: '2024-01-01T00:00:00Z', updatedAt: '2024-01-01T00:00:00Z', kind: 'standard', version: 2,
}
const buy: TransactionDto = {
  id: 't1', type: 'buy', symbol: 'AAPL', time: '2024-01-03T00:00:00Z', quantity: 5, price: 10, amount: 0, fee: 0, currency: 'USD',
  note: null, createdAt: '2024-01-03T00:00:00Z', version: 0,
}
const stale = (what: string) => ({
  status: 409, body: { title: 'Changed since it was read', status: 409, detail: `${what} changed since you read it; reload it and make your edit again.`, errors: { version: ['stale'] } },
})
const sent = async (calls: Call[], method: string) => waitFor(() => {
  const c = calls.find((x) => x.method === method)
  expect(c).toBeDefined()
  return c!
})

describe('editing a portfolio', () => {
  it('sends the version it read and shows the server field errors in place', async () => {
    const api = mockApi([['PUT', /\/api\/portfolios\/p1$/, () => ({
      status: 422, body: { title: 'The request cannot be processed', status: 422, detail: "Unknown benchmark symbol 'NOPE'.", errors: { benchmarkSymbol: ["Unknown benchmark symbol 'NOPE'."] } },
    })]] as never)
    renderWithProviders(<CreatePortfolioForm editing={book} onDone={vi.fn()} onReload={vi.fn()} />)
    expect(screen.getByRole('form', { name: 'Edit portfolio' })).toBeInTheDocument()
    expect(screen.getByLabelText('Portfolio name')).toHaveValue('Core')
    await userEvent.type(screen.getByLabelText('Benchmark (optional)'), 'nope')
    await userEvent.click(screen.getByRole('button', { name: 'Save portfolio' }))
    expect((await sent(api.calls, 'PUT')).body).toMatchObject({ name: 'Core', baseCurrency: 'USD', benchmarkSymbol: 'NOPE', version: 2 })
    expect(await screen.findByText('The portfolio was not saved')).toBeInTheDocument()
    expect(screen.getByLabelText('Benchmark (optional)')).toHaveAttribute('aria-invalid', 'true')
  })

  it('offers a reload when someone else saved first', async () => {
    mockApi([['PUT', /\/api\/portfolios\/p1$/, () => stale("Portfolio 'Core'")]] as never)
    const onReload = vi.fn()
    renderWithProviders(<CreatePortfolioForm editing={book} onDone={vi.fn()} onReload={onReload} />)
    await userEvent.click(screen.getByRole('button', { name: 'Save portfolio' }))
    expect(await screen.findByRole('alert')).toHaveTextContent('This portfolio was changed elsewhere')
    await userEvent.click(screen.getByRole('button', { name: 'Reload portfolio' }))
    expect(onReload).toHaveBeenCalled()
  })
})

describe('editing a transaction', () => {
  it('opens the row in a form, saves it with its version, and on a stale version reloads the newer one', async () => {
    let version = 0
    let puts = 0
    const api = mockApi([
      ['GET', /\/api\/portfolios\/p1\/transactions$/, () => ({ body: paged([{ ...buy, version, quantity: version ? 7 : 5 }]) })],
      ['PUT', /\/api\/portfolios\/p1\/transactions\/t1$/, (c: Call) => {
        if (++puts === 1) {
          version = 1
          return stale('Transaction t1')
        }
        return { body: { ...buy, ...(c.body as object), version: 2 } }
      }],
    ] as never)
    renderWithProviders(<TransactionsTable portfolioId="p1" currency="USD" />)
    await userEvent.click(await screen.findByRole('button', { name: 'Edit buy AAPL on 2024-01-03' }))
    const form = screen.getByRole('form', { name: 'Edit transaction' })
    expect(screen.getByLabelText('Quantity')).toHaveValue('5')
    await userEvent.clear(screen.getByLabelText('Quantity'))
    await userEvent.type(screen.getByLabelText('Quantity'), '8')
    await userEvent.click(screen.getByRole('button', { name: 'Save transaction' }))
    expect((await sent(api.calls, 'PUT')).body).toMatchObject({ type: 'buy', symbol: 'AAPL', quantity: 8, version: 0 })
    expect(await screen.findByRole('alert')).toHaveTextContent('This transaction was changed elsewhere')
    expect(form).toBeInTheDocument()

    await userEvent.click(screen.getByRole('button', { name: 'Reload transaction' }))
    await waitFor(() => expect(screen.getByLabelText('Quantity')).toHaveValue('7'))
    expect(screen.queryByRole('alert')).not.toBeInTheDocument()
    await userEvent.click(screen.getByRole('button', { name: 'Save transaction' }))
    await waitFor(() => expect(api.calls.filter((c) => c.method === 'PUT')).toHaveLength(2))
    expect(api.calls.filter((c) => c.method === 'PUT')[1].body).toMatchObject({ quantity: 7, version: 1 })
    await waitFor(() => expect(screen.queryByRole('form', { name: 'Edit transaction' })).not.toBeInTheDocument())
  })
})
