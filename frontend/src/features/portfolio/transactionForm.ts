import type { TransactionDto, TransactionInput } from '../../api/schemas'
import type { TransactionType } from './transactionTypes'

export type TxFormValues = { type: TransactionType; symbol: string; time: string; quantity: string; price: string; amount: string; fee: string; currency: string; note: string }

export const emptyTx = (currency = 'USD'): TxFormValues => ({
  type: 'buy', symbol: '', time: new Date().toISOString().slice(0, 10), quantity: '', price: '', amount: '', fee: '0', currency, note: '',
})

const needsSymbol = new Set<TransactionType>(['buy', 'sell', 'dividend', 'split'])
const needsQuantity = new Set<TransactionType>(['buy', 'sell', 'split'])
const num = (s: string) => (s.trim() === '' ? null : Number(s))

/** The same rules the server applies, checked first so the user sees them before sending. */
export function validateTx(v: TxFormValues, today = new Date()): Record<string, string> {
  const e: Record<string, string> = {}
  if (needsSymbol.has(v.type) && !v.symbol.trim()) e.symbol = 'This type of transaction needs a symbol.'
  if (!v.time) e.time = 'Enter a date.'
  else if (new Date(`${v.time}T00:00:00Z`).getTime() > today.getTime()) e.time = 'The date cannot be in the future.'
  if (needsQuantity.has(v.type)) {
    const q = num(v.quantity)
    if (q === null || !Number.isFinite(q) || q <= 0) e.quantity = 'Quantity must be a positive number.'
  }
  if (v.type === 'buy' || v.type === 'sell') {
    const p = num(v.price)
    if (p === null || !Number.isFinite(p) || p < 0) e.price = 'Price must be zero or more.'
  }
  if (!needsQuantity.has(v.type)) {
    const a = num(v.amount)
    if (a === null || !Number.isFinite(a) || a <= 0) e.amount = 'Amount must be a positive number.'
  }
  const f = num(v.fee)
  if (f !== null && (!Number.isFinite(f) || f < 0)) e.fee = 'Fee cannot be negative.'
  if (v.currency && !/^[A-Za-z]{3}$/.test(v.currency.trim())) e.currency = 'Three-letter code, e.g. USD.'
  return e
}

export function toTxInput(v: TxFormValues): TransactionInput {
  return {
    type: v.type,
    symbol: v.symbol.trim().toUpperCase() || null,
    time: `${v.time}T00:00:00Z`,
    quantity: num(v.quantity),
    price: num(v.price),
    amount: num(v.amount),
    fee: num(v.fee) ?? 0,
    currency: v.currency.trim().toUpperCase() || null,
    note: v.note.trim() || null,
  }
}

/** The form filled from a recorded transaction, for editing it. */
export function fromTx(t: TransactionDto): TxFormValues {
  const text = (n: number | null | undefined) => (n === null || n === undefined ? '' : String(n))
  return {
    type: t.type as TransactionType, symbol: t.symbol ?? '', time: t.time.slice(0, 10), quantity: t.quantity ? text(t.quantity) : '',
    price: t.price ? text(t.price) : '', amount: t.amount ? text(t.amount) : '', fee: text(t.fee), currency: t.currency, note: t.note ?? '',
  }
}
