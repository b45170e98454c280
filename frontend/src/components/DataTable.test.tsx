import { describe, expect, it } from 'vitest'
import { useState } from 'react'
import { render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { DataTable, type Column } from './DataTable'

type Quote = { symbol: string; last: number }
const quotes: Quote[] = [{ symbol: 'AAPL', last: 190.5 }, { symbol: 'MSFT', last: 410 }]
const columns: Column<Quote>[] = [
  { header: 'Symbol', sortKey: 'symbol', rowHeader: true, cell: (q) => q.symbol },
  { header: 'Last', numeric: true, cell: (q) => q.last.toFixed(2) },
]

function Sorted() {
  const [sort, setSort] = useState('symbol')
  return <DataTable caption="Quotes" columns={columns} rows={quotes} rowKey={(q) => q.symbol} sort={{ current: sort, onChange: setSort }} />
}

describe('DataTable', () => {
  it('names the table and its scroll region by the caption, with column and row headers', () => {
    render(<DataTable caption="Quotes" columns={columns} rows={quotes} rowKey={(q) => q.symbol} rowProps={(q) => ({ 'data-symbol': q.symbol })} />)
    const table = screen.getByRole('table', { name: 'Quotes' })
    expect(screen.getByRole('region', { name: 'Quotes' })).toContainElement(table)
    expect(within(table).getAllByRole('columnheader').map((h) => h.getAttribute('scope'))).toEqual(['col', 'col'])
    const msft = within(table).getByRole('rowheader', { name: 'MSFT' })
    expect(msft).toHaveAttribute('scope', 'row')
    expect(msft.closest('tr')).toHaveAttribute('data-symbol', 'MSFT')
    expect(within(msft.closest('tr')!).getByRole('cell', { name: '410.00' })).toHaveClass('text-right', 'num')
  })

  it('sorts from the header button and says which way in aria-sort', async () => {
    render(<Sorted />)
    const symbol = screen.getByRole('columnheader', { name: /Symbol/ })
    expect(symbol).toHaveAttribute('aria-sort', 'ascending')
    expect(screen.getByRole('columnheader', { name: 'Last' })).not.toHaveAttribute('aria-sort')
    await userEvent.click(within(symbol).getByRole('button'))
    expect(symbol).toHaveAttribute('aria-sort', 'descending')
  })

  it('shows the empty state instead of an empty table', () => {
    render(<DataTable caption="Quotes" columns={columns} rows={[]} rowKey={(q) => q.symbol} empty={<p>No quotes yet.</p>} />)
    expect(screen.getByText('No quotes yet.')).toBeInTheDocument()
    expect(screen.queryByRole('table')).not.toBeInTheDocument()
  })

  it('puts summary rows in the footer', () => {
    render(<DataTable caption="Quotes" columns={columns} rows={quotes} rowKey={(q) => q.symbol} footer={<tr><th scope="row">Total</th><td>600.50</td></tr>} />)
    expect(screen.getByRole('rowheader', { name: 'Total' }).closest('tfoot')).not.toBeNull()
  })
})
