import { describe, expect, it } from 'vitest'
import { emptyTx, toTxInput, validateTx } from './transactionForm'

const today = new Date('2024-06-01T12:00:00Z')

describe('transaction form', () => {
  it('applies the server rules first: positive quantity, a symbol for trades, no future date', () => {
    const e = validateTx({ ...emptyTx(), type: 'buy', symbol: '', quantity: '-1', price: '10', time: '2024-07-01' }, today)
    expect(Object.keys(e).sort()).toEqual(['quantity', 'symbol', 'time'])
  })

  it('needs a positive amount for cash movements but no symbol', () => {
    expect(validateTx({ ...emptyTx(), type: 'deposit', amount: '0', time: '2024-05-01' }, today)).toEqual({ amount: 'Amount must be a positive number.' })
    expect(validateTx({ ...emptyTx(), type: 'deposit', amount: '1000', time: '2024-05-01' }, today)).toEqual({})
  })

  it('sends numbers, a UTC time and nulls for empty fields', () => {
    expect(toTxInput({ ...emptyTx('EUR'), type: 'buy', symbol: 'sap', quantity: '10', price: '120.5', time: '2024-05-01' })).toEqual({
      type: 'buy', symbol: 'SAP', time: '2024-05-01T00:00:00Z', quantity: 10, price: 120.5, amount: null, fee: 0, currency: 'EUR', note: null,
    })
  })
})
