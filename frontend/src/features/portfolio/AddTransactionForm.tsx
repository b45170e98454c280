import { useState, type FormEvent } from 'react'
import { fieldErrors } from '../../api/problem'
import { transactionTypes, type TransactionType } from './transactionTypes'
import { Button, Field, Input, Select } from '../../components/Form'
import { ErrorMessage } from '../../components/QueryState'
import { useAddTransactionMutation } from './portfolioApi'
import { emptyTx, toTxInput, validateTx, type TxFormValues } from './transactionForm'

export function AddTransactionForm({ portfolioId, currency }: { portfolioId: string; currency: string }) {
  const [v, setV] = useState<TxFormValues>(emptyTx(currency))
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [add, state] = useAddTransactionMutation()
  const server = fieldErrors(state.error)
  const err = (k: string) => errors[k] ?? server[k]
  const set = (k: keyof TxFormValues) => (e: { target: { value: string } }) => setV((x) => ({ ...x, [k]: e.target.value }))

  async function submit(e: FormEvent) {
    e.preventDefault()
    const found = validateTx(v)
    setErrors(found)
    if (Object.keys(found).length) return
    try {
      await add({ portfolioId, body: toTxInput(v) }).unwrap()
      setV(emptyTx(currency))
    } catch {
      /* shown from state.error */
    }
  }
  const trade = v.type === 'buy' || v.type === 'sell' || v.type === 'split'
  return (
    <form onSubmit={submit} noValidate aria-label="Add transaction" className="grid grid-cols-2 gap-3 md:grid-cols-4">
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
        {state.error ? <ErrorMessage error={state.error} title="The transaction was not recorded" /> : null}
        <Button type="submit" disabled={state.isLoading}>{state.isLoading ? 'Saving…' : 'Add transaction'}</Button>
      </div>
    </form>
  )
}
