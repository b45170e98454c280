import { useState } from 'react'
import type { PaperAccountDto } from '../../api/schemas'
import { Card, PageHeader } from '../../components/Card'
import { Field, Select } from '../../components/Form'
import { QueryState } from '../../components/QueryState'
import { fmtNumber } from '../../utils/format'
import { HoldingsTable } from '../portfolio/HoldingsTable'
import { AuditTrail } from './AuditTrail'
import { Blotter } from './Blotter'
import { CreateAccountForm } from './CreateAccountForm'
import { FillsTable } from './FillsTable'
import { OrderTicket } from './OrderTicket'
import { ReplayForm } from './ReplayForm'
import { useListPaperAccountsQuery, usePaperPositionsQuery } from './tradingApi'

export default function TradingPage() {
  const list = useListPaperAccountsQuery()
  const [picked, setPicked] = useState('')
  const account = list.data?.find((a) => a.id === picked) ?? list.data?.[0]
  return (
    <>
      <PageHeader title="Paper trading">
        {list.data && list.data.length > 1 && (
          <Field label="Account" className="w-56">
            {(p) => (
              <Select {...p} value={account?.id ?? ''} onChange={(e) => setPicked(e.target.value)}>
                {list.data!.map((a) => <option key={a.id} value={a.id}>{a.name}</option>)}
              </Select>
            )}
          </Field>
        )}
      </PageHeader>
      <QueryState query={list} loadingLabel="Loading paper accounts…">
        {() => (
          <div className="space-y-4">
            {account ? <AccountView key={account.id} a={account} /> : <p className="text-sm">No paper account yet: open one to place orders.</p>}
            <Card id="new-account" title="New paper account">
              <CreateAccountForm onCreated={(a) => setPicked(a.id)} />
            </Card>
          </div>
        )}
      </QueryState>
    </>
  )
}

function AccountView({ a }: { a: PaperAccountDto }) {
  const positions = usePaperPositionsQuery({ accountId: a.id })
  const [selected, setSelected] = useState<string | null>(null)
  return (
    <>
      <p className="text-sm text-slate-700 dark:text-slate-300">
        {a.name} · {a.baseCurrency} · started with {fmtNumber(a.startingCash)} · {a.interval} bars · fees {fmtNumber(a.feePerUnit)} a unit + {fmtNumber(a.feePercent)} %
        (at least {fmtNumber(a.feeMinimum)}) · slippage {fmtNumber(a.slippageBps)} bp · {fmtNumber(a.participationPercent)} % of a bar's volume
        {a.allowShort ? ' · shorting on' : ''}. Its holdings, returns and risk are on the Portfolio page.
      </p>
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-3">
        <Card id="ticket" title="Order ticket">
          <OrderTicket account={a} />
        </Card>
        <Card id="blotter" title="Blotter" className="lg:col-span-2">
          <Blotter accountId={a.id} selected={selected} onSelect={setSelected} />
        </Card>
        <Card id="positions" title="Positions and P&L" className="lg:col-span-3">
          <QueryState query={positions} loadingLabel="Loading positions…">{(h) => <HoldingsTable h={h} />}</QueryState>
        </Card>
        <Card id="fills" title="Fills" className="lg:col-span-3">
          <FillsTable accountId={a.id} />
        </Card>
        {selected && (
          <Card id="audit-trail" title="Audit trail" className="lg:col-span-3">
            <AuditTrail accountId={a.id} orderId={selected} />
          </Card>
        )}
        <Card id="replay" title="Replay" className="lg:col-span-3">
          <ReplayForm account={a} />
        </Card>
      </div>
    </>
  )
}
