import { useState, type FormEvent } from 'react'
import { fieldErrors, isStale } from '../../api/problem'
import { transactionTypes, type TransactionType } from './transactionTypes'
import { Button, Field, Input, Select } from '../../components/Form'
import { ErrorMessage } from '../../components/QueryState'
import { StaleNotice } from '../../components/StaleNotice'
import type { TransactionDto } from '../../api/schemas'
import { useAddTransactionMutation, useUpdateTransactionMutation } from './portfolioApi'
import { emptyTx, fromTx, toTxInput, validateTx, type TxFormValues } from './transactionForm'

/** Records a transaction, or with `editing` replaces that one, sending back the version it read. */
export function AddTransactionForm({ portfolioId, currency, editing, onDone, onReload }: {
  portfolioId: string; currency: string; editing?: TransactionDto; onDone?: () => void; onReload?: () => void
}) {
  const [v, setV] = useState<TxFormValues>(editing ? fromTx(editing) : emptyTx(currency))
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [add, added] = useAddTransactionMutation()
  const [update, updated] = useUpdateTransactionMutation()
  const state = editing ? updated : added
  const stale = isStale(state.error)
  const server = stale ? {} : fieldErrors(state.error)
  const err = (k: string) => errors[k] ?? server[k]
  const set = (k: keyof TxFormValues) => (e: { target: { value: string } }) => setV((x) => ({ ...x, [k]: e.target.value }))

  async function submit(e: FormEvent) {
    e.preventDefault()
    const found = validateTx(v)
    setErrors(found)
    if (Object.keys(found).length) return
    try {
      if (editing) {
        await update({ portfolioId, txId: editing.id, body: { ...toTxInput(v), version: editing.version } }).unwrap()
        onDone?.()
      } else {
        await add({ portfolioId, body: toTxInput(v) }).unwrap()
        setV(emptyTx(currency))
      }
    } catch {
      /* shown from state.error */
    }
  }
  const trade = v.type === 'buy' || v.type === 'sell' || v.type === 'split'
  return (
    <form onSubmit={submit} noValidate aria-label={editing ? 'Edit transaction' : 'Add transaction'} className="grid grid-cols-2 gap-3 md:grid-cols-4">
      <Field label="Type" error={err('type')}>
        {(p) => (
          <Select {...p} value={v.type} onChange={(e) => setV((x) => ({ ...x, type: e.target.value as TransactionType }))}>
            {transactionTypes.map((t) => (
              <option key={t} value={t}>{t}</option>
            ))}
          </Select>
        )}
      </Field>
      <Field label="Symbol" error={err('symbol')}>
        {(p) => <Input {...p} value={v.symbol} onChange={set('symbol')} autoComplete="off" />}
      </Field>
      <Field label="Date" error={err('time')}>
        {(p) => <Input {...p} type="date" value={v.time} onChange={set('time')} />}
      </Field>
      {trade ? (
        <>
          <Field label={v.type === 'split' ? 'Ratio (new per old)' : 'Quantity'} error={err('quantity')}>
            {(p) => <Input {...p} inputMode="decimal" value={v.quantity} onChange={set('quantity')} />}
          </Field>
          {v.type !== 'split' && (
            <Field label="Price" error={err('price')}>
              {(p) => <Input {...p} inputMode="decimal" value={v.price} onChange={set('price')} />}
            </Field>
          )}
        </>
      ) : (
        <Field label="Amount" error={err('amount')}>
          {(p) => <Input {...p} inputMode="decimal" value={v.amount} onChange={set('amount')} />}
        </Field>
      )}
      <Field label="Fee" error={err('fee')}>
        {(p) => <Input {...p} inputMode="decimal" value={v.fee} onChange={set('fee')} />}
      </Field>
      <Field label="Currency" error={err('currency')}>
        {(p) => <Input {...p} value={v.currency} onChange={set('currency')} maxLength={3} />}
      </Field>
      <Field label="Note" error={err('note')}>
        {(p) => <Input {...p} value={v.note} onChange={set('note')} />}
      </Field>
      <div className="col-span-2 md:col-span-4">
        {stale && onReload ? <StaleNotice what="transaction" onReload={onReload} /> : null}
        {state.error && !stale ? <ErrorMessage error={state.error} title={editing ? 'The transaction was not saved' : 'The transaction was not recorded'} /> : null}
        <div className="flex flex-wrap gap-2">
          <Button type="submit" disabled={state.isLoading}>{state.isLoading ? 'Saving…' : editing ? 'Save transaction' : 'Add transaction'}</Button>
          {editing && onDone && <Button variant="secondary" onClick={onDone}>Cancel</Button>}
        </div>
      </div>
    </form>
  )
}
