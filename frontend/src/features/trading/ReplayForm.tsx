import { useMemo, useState, type FormEvent } from 'react'
import { fieldErrors } from '../../api/problem'
import type { PaperAccountDto, ReplayResult } from '../../api/schemas'
import { Button, Field, Input, inputCls } from '../../components/Form'
import { PriceChart, type Line } from '../../components/PriceChart'
import { ProgressBar } from '../../components/Progress'
import { ErrorMessage, QueryState } from '../../components/QueryState'
import { fmtNumber } from '../../utils/format'
import { orderErrors, parseReplayOrders } from './replayOrders'
import { useGetReplayQuery, useSubmitReplayMutation } from './tradingApi'

const example = '# at,symbol,side,type,quantity,limitPrice,stopPrice,timeInForce\n2024-01-02T15:00:00Z,AAPL,buy,market,10\n2024-02-01T15:00:00Z,AAPL,sell,limit,10,200'

/** A replay: timestamped orders worked by the fill engine's rules over stored bars, as a job on the bus, with its equity curve. */
export function ReplayForm({ account }: { account: PaperAccountDto }) {
  const [v, setV] = useState({ from: '', to: '', orders: '' })
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [replayId, setReplayId] = useState<string | null>(null)
  const [submit, state] = useSubmitReplayMutation()
  const server = fieldErrors(state.error)
  const set = (k: keyof typeof v) => (e: { target: { value: string } }) => setV((x) => ({ ...x, [k]: e.target.value }))
  const ordersError = errors.orders ?? (orderErrors(server).join(' ') || undefined)

  async function send(e: FormEvent) {
    e.preventDefault()
    const found: Record<string, string> = {}
    if (!v.from) found.from = 'Enter the first day.'
    if (!v.to) found.to = 'Enter the last day.'
    if (v.from && v.to && v.from >= v.to) found.to = 'The last day must be after the first.'
    const parsed = parseReplayOrders(v.orders)
    if (parsed.errors.length) found.orders = parsed.errors.join(' ')
    setErrors(found)
    if (Object.keys(found).length) return
    try {
      const r = await submit({
        accountId: account.id,
        body: { from: `${v.from}T00:00:00Z`, to: `${v.to}T23:59:59Z`, orders: parsed.orders },
      }).unwrap()
      setReplayId(r.id)
    } catch {
      /* shown from state.error */
    }
  }
  return (
    <div className="space-y-4">
      <form onSubmit={send} noValidate aria-label="Replay" className="grid grid-cols-1 gap-3 sm:grid-cols-2">
        <Field label="From" error={errors.from ?? server.from}>{(p) => <Input {...p} type="date" value={v.from} onChange={set('from')} />}</Field>
        <Field label="To" error={errors.to ?? server.to}>{(p) => <Input {...p} type="date" value={v.to} onChange={set('to')} />}</Field>
        <Field label="Orders" className="sm:col-span-2" error={ordersError}
          hint={<>One a line: at, symbol, side, type, quantity, then limit price, stop price and time in force where they apply (gtc unless told). Fills use {account.name}'s fees, slippage and participation.</>}>
          {(p) => <textarea {...p} rows={5} value={v.orders} onChange={set('orders')} placeholder={example} className={`${inputCls} font-mono`} />}
        </Field>
        <div className="sm:col-span-2"><Button type="submit" disabled={state.isLoading}>Run replay</Button></div>
        {state.error && !ordersError ? <div className="sm:col-span-2"><ErrorMessage error={state.error} title="The replay was not started" /></div> : null}
      </form>
      {replayId && <ReplayOutcome key={replayId} accountId={account.id} replayId={replayId} currency={account.baseCurrency} />}
    </div>
  )
}

function ReplayOutcome({ accountId, replayId, currency }: { accountId: string; replayId: string; currency: string }) {
  const replay = useGetReplayQuery({ accountId, replayId })
  return (
    <QueryState query={replay} loadingLabel="Loading the replay…">
      {(r) => (
        <section aria-label="Replay result" className="space-y-3">
          <p className="text-sm" aria-live="polite">
            Replay of {r.orders} orders from {r.from.slice(0, 10)} to {r.to.slice(0, 10)}: {r.status}.
          </p>
          {(r.status === 'queued' || r.status === 'running') && <ProgressBar done={r.done} total={r.total} label="Replay progress" />}
          {r.status === 'failed' && <p role="alert" className="text-sm text-rose-700 dark:text-rose-400">{r.error}</p>}
          {r.result && <ReplayResultView result={r.result} currency={currency} />}
        </section>
      )}
    </QueryState>
  )
}

function ReplayResultView({ result, currency }: { result: ReplayResult; currency: string }) {
  const lines = useMemo<Line[]>(() => [{
    id: 'equity', label: 'Equity', color: '#0369a1', points: result.equityCurve.map((p) => ({ time: p.time, value: p.equity })),
  }], [result])
  const rejected = result.orders.filter((o) => o.status === 'rejected')
  return (
    <>
      <dl className="grid grid-cols-2 gap-2 text-sm sm:grid-cols-4">
        <div><dt className="font-medium">Final equity</dt><dd className="num">{fmtNumber(result.finalEquity)} {currency}</dd></div>
        <div><dt className="font-medium">Return</dt><dd className="num">{fmtNumber(result.returnPercent)} %</dd></div>
        <div><dt className="font-medium">Fills</dt><dd className="num">{fmtNumber(result.fillCount)}</dd></div>
        <div><dt className="font-medium">Fees</dt><dd className="num">{fmtNumber(result.feesPaid)} {currency}</dd></div>
      </dl>
      <PriceChart lines={lines} height={260} label={`Replay equity curve: ${result.equityCurve.length} points, from ${fmtNumber(result.startingCash)} to ${fmtNumber(result.finalEquity)} ${currency}`} />
      {rejected.length > 0 && (
        <ul className="list-disc pl-5 text-sm" aria-label="Rejected orders">
          {rejected.slice(0, 20).map((o) => <li key={o.index}>Order {o.index + 1} ({o.symbol}): {o.reason}</li>)}
          {rejected.length > 20 && <li>… and {rejected.length - 20} more.</li>}
        </ul>
      )}
    </>
  )
}
