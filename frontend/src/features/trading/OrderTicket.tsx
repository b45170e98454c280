import { useState, type FormEvent } from 'react'
import { fieldErrors } from '../../api/problem'
import type { PaperAccountDto } from '../../api/schemas'
import { Button, Field, Input, Select } from '../../components/Form'
import { ErrorMessage } from '../../components/QueryState'
import { fmtNumber } from '../../utils/format'
import { useGetLatestQuery } from '../marketData/marketDataApi'
import { estimate, validateTicket, type TicketValues } from './estimate'
import { useSubmitOrderMutation } from './tradingApi'

const empty: TicketValues = { symbol: '', side: 'buy', type: 'limit', quantity: '', limitPrice: '', stopPrice: '', timeInForce: 'day' }

export function OrderTicket({ account }: { account: PaperAccountDto }) {
  const [v, setV] = useState<TicketValues>(empty)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [submit, state] = useSubmitOrderMutation()
  const server = fieldErrors(state.error)
  const err = (k: string) => errors[k] ?? server[k]
  const set = (k: keyof TicketValues) => (e: { target: { value: string } }) => setV((x) => ({ ...x, [k]: e.target.value }))
  const symbol = v.symbol.trim().toUpperCase()
  const latest = useGetLatestQuery({ symbol, interval: account.interval }, { skip: !symbol })
  const est = estimate(v, account, latest.data?.close)
  const hasLimit = v.type === 'limit' || v.type === 'stop_limit'
  const hasStop = v.type === 'stop' || v.type === 'stop_limit'

  async function send(e: FormEvent) {
    e.preventDefault()
    const found = validateTicket(v)
    setErrors(found)
    if (Object.keys(found).length) return
    try {
      await submit({
        accountId: account.id,
        body: {
          symbol, side: v.side, type: v.type, quantity: Number(v.quantity), timeInForce: v.timeInForce,
          limitPrice: hasLimit ? Number(v.limitPrice) : null, stopPrice: hasStop ? Number(v.stopPrice) : null,
          clientOrderId: crypto.randomUUID(),
        },
      }).unwrap()
      setV((x) => ({ ...x, quantity: '' }))
    } catch {
      /* shown from state.error */
    }
  }
  return (
    <form onSubmit={send} noValidate aria-label="Order ticket" className="grid grid-cols-1 gap-3 sm:grid-cols-2">
      <Field label="Symbol" error={err('symbol')}>{(p) => <Input {...p} value={v.symbol} onChange={set('symbol')} placeholder="e.g. AAPL" />}</Field>
      <Field label="Side">
        {(p) => (
          <Select {...p} value={v.side} onChange={set('side')}>
            <option value="buy">Buy</option>
            <option value="sell">Sell</option>
          </Select>
        )}
      </Field>
      <Field label="Order type">
        {(p) => (
          <Select {...p} value={v.type} onChange={set('type')}>
            <option value="market">Market</option>
            <option value="limit">Limit</option>
            <option value="stop">Stop</option>
            <option value="stop_limit">Stop-limit</option>
          </Select>
        )}
      </Field>
      <Field label="Time in force">
        {(p) => (
          <Select {...p} value={v.timeInForce} onChange={set('timeInForce')}>
            <option value="day">Day</option>
            <option value="gtc">Good till cancelled</option>
            <option value="ioc">Immediate or cancel</option>
          </Select>
        )}
      </Field>
      <Field label="Quantity" error={err('quantity')}>{(p) => <Input {...p} inputMode="decimal" value={v.quantity} onChange={set('quantity')} />}</Field>
      {hasLimit && <Field label="Limit price" error={err('limitprice')}>{(p) => <Input {...p} inputMode="decimal" value={v.limitPrice} onChange={set('limitPrice')} />}</Field>}
      {hasStop && <Field label="Stop price" error={err('stopprice')}>{(p) => <Input {...p} inputMode="decimal" value={v.stopPrice} onChange={set('stopPrice')} />}</Field>}
      <p className="text-sm sm:col-span-2" aria-live="polite" data-testid="estimate">
        {latest.data ? <>Last close {fmtNumber(latest.data.close)}. </> : null}
        {est
          ? <>Estimated {v.side === 'buy' ? 'cost' : 'proceeds'} {fmtNumber(est.total)} {account.baseCurrency}: {fmtNumber(est.notional)} at {fmtNumber(est.price)} and fees {fmtNumber(est.fee)}.</>
          : 'Enter a quantity and a price to see the estimate.'}
      </p>
      <div className="sm:col-span-2"><Button type="submit" disabled={state.isLoading}>Submit order</Button></div>
      {state.error ? <div className="sm:col-span-2"><ErrorMessage error={state.error} title="The order was not accepted" /></div> : null}
    </form>
  )
}
