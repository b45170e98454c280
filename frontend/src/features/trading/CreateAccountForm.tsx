import { useState, type FormEvent } from 'react'
import { fieldErrors } from '../../api/problem'
import type { PaperAccountDto } from '../../api/schemas'
import { Button, Field, Input } from '../../components/Form'
import { ErrorMessage } from '../../components/QueryState'
import { useCreatePaperAccountMutation } from './tradingApi'

export function CreateAccountForm({ onCreated }: { onCreated: (a: PaperAccountDto) => void }) {
  const [v, setV] = useState({ name: '', baseCurrency: 'USD', startingCash: '100000', feePerUnit: '0', feePercent: '0.1', feeMinimum: '1', slippageBps: '5' })
  const [create, state] = useCreatePaperAccountMutation()
  const err = fieldErrors(state.error)
  const set = (k: keyof typeof v) => (e: { target: { value: string } }) => setV((x) => ({ ...x, [k]: e.target.value }))

  async function submit(e: FormEvent) {
    e.preventDefault()
    try {
      const a = await create({
        name: v.name.trim(), baseCurrency: v.baseCurrency.trim().toUpperCase(), startingCash: Number(v.startingCash),
        feePerUnit: Number(v.feePerUnit), feePercent: Number(v.feePercent), feeMinimum: Number(v.feeMinimum), slippageBps: Number(v.slippageBps),
      }).unwrap()
      setV((x) => ({ ...x, name: '' }))
      onCreated(a)
    } catch {
      /* shown from state.error */
    }
  }
  return (
    <form onSubmit={submit} noValidate aria-label="New paper account" className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-4 lg:items-end">
      <Field label="Account name" error={err.name}>{(p) => <Input {...p} value={v.name} onChange={set('name')} />}</Field>
      <Field label="Base currency" error={err.basecurrency}>{(p) => <Input {...p} value={v.baseCurrency} onChange={set('baseCurrency')} maxLength={3} />}</Field>
      <Field label="Starting cash" error={err.startingcash}>{(p) => <Input {...p} inputMode="decimal" value={v.startingCash} onChange={set('startingCash')} />}</Field>
      <Field label="Fee per unit" error={err.feeperunit}>{(p) => <Input {...p} inputMode="decimal" value={v.feePerUnit} onChange={set('feePerUnit')} />}</Field>
      <Field label="Fee (% of notional)" error={err.feepercent}>{(p) => <Input {...p} inputMode="decimal" value={v.feePercent} onChange={set('feePercent')} />}</Field>
      <Field label="Minimum fee per order" error={err.feeminimum}>{(p) => <Input {...p} inputMode="decimal" value={v.feeMinimum} onChange={set('feeMinimum')} />}</Field>
      <Field label="Slippage (bp)" error={err.slippagebps}>{(p) => <Input {...p} inputMode="decimal" value={v.slippageBps} onChange={set('slippageBps')} />}</Field>
      <div><Button type="submit" disabled={state.isLoading}>Open account</Button></div>
      {state.error ? <div className="sm:col-span-2 lg:col-span-4"><ErrorMessage error={state.error} title="The account was not opened" /></div> : null}
    </form>
  )
}
