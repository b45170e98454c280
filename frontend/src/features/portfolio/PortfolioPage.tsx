import { useMemo, useState } from 'react'
import { Card, PageHeader } from '../../components/Card'
import { DonutChart } from '../../components/DonutChart'
import { Button, Field, Select } from '../../components/Form'
import { Metric, MetricGrid } from '../../components/Metric'
import { PriceChart, type Line } from '../../components/PriceChart'
import { QueryState } from '../../components/QueryState'
import { fmtNumber, fmtPercent } from '../../utils/format'
import { AddTransactionForm } from './AddTransactionForm'
import { CreatePortfolioForm } from './CreatePortfolioForm'
import { CsvImport } from './CsvImport'
import { HoldingsTable } from './HoldingsTable'
import { useGetHoldingsQuery, useGetPortfolioAnalyticsQuery, useListPortfoliosQuery, useListTransactionsQuery } from './portfolioApi'
import { TransactionsTable } from './TransactionsTable'
import type { PortfolioDto } from '../../api/schemas'
import { CurrencySelect } from '../currencies/CurrencySelect'
import { DownloadMenu } from '../../components/DownloadMenu'

export default function PortfolioPage() {
  const list = useListPortfoliosQuery()
  const [picked, setPicked] = useState('')
  const portfolio = list.data?.find((p) => p.id === picked) ?? list.data?.[0]
  return (
    <>
      <PageHeader title="Portfolio">
        {list.data && list.data.length > 1 && (
          <Field label="Portfolio" className="w-56">
            {(p) => (
              <Select {...p} value={portfolio?.id ?? ''} onChange={(e) => setPicked(e.target.value)}>
                {list.data!.map((x) => (
                  <option key={x.id} value={x.id}>{x.name}</option>
                ))}
              </Select>
            )}
          </Field>
        )}
      </PageHeader>
      <QueryState query={list} loadingLabel="Loading portfolios…">
        {() => (
          <div className="space-y-4">
            {portfolio ? <PortfolioView p={portfolio} onReload={() => list.refetch()} /> : <p className="text-sm">No portfolio yet: create one to record transactions.</p>}
            <Card id="new-portfolio" title="New portfolio">
              <CreatePortfolioForm onCreated={(p) => setPicked(p.id)} />
            </Card>
          </div>
        )}
      </QueryState>
    </>
  )
}

/** The portfolio's files: its transactions as CSV, and its report (docs/api/reports.md) as PDF or Excel. */
function portfolioDownloads(p: PortfolioDto) {
  const id = encodeURIComponent(p.id)
  const slug = p.name.replace(/[^\w-]+/g, '-')
  return [
    { id: 'transactions', label: 'Transactions CSV', path: `/portfolios/${id}/transactions/export`, fileName: `${slug}-transactions.csv` },
    { id: 'pdf', label: 'Report PDF', path: `/portfolios/${id}/report?format=pdf`, fileName: `${slug}-report.pdf` },
    { id: 'xlsx', label: 'Report Excel', path: `/portfolios/${id}/report?format=xlsx`, fileName: `${slug}-report.xlsx` },
  ]
}

function PortfolioView({ p, onReload }: { p: PortfolioDto; onReload: () => void }) {
  const [editing, setEditing] = useState(false)
  // A new portfolio has nothing to value yet: returns are asked for only once it has a transaction.
  const first = useListTransactionsQuery({ portfolioId: p.id, page: 1, pageSize: 1 })
  const isNew = first.data?.totalCount === 0
  const holdings = useGetHoldingsQuery({ portfolioId: p.id }, { skip: !first.data || isNew })
  // '' values in the base currency; another code asks the server to value (and split the returns) in it.
  const [currency, setCurrency] = useState('')
  const analytics = useGetPortfolioAnalyticsQuery({ portfolioId: p.id, currency: currency || undefined }, { skip: !first.data || isNew })
  const contributions = useMemo(
    () => new Map((analytics.data?.contributions ?? []).map((c) => [c.symbol, c.contribution])),
    [analytics.data],
  )
  const lines = useMemo<Line[]>(() => {
    const v = analytics.data?.value ?? []
    const out: Line[] = [{ id: 'value', label: p.name, color: '#0369a1', points: v.map((x) => ({ time: x.time, value: x.value })) }]
    if (v.some((x) => x.benchmark !== null && x.benchmark !== undefined))
      out.push({ id: 'bench', label: p.benchmarkSymbol ?? 'benchmark', color: '#d97706', points: v.map((x) => ({ time: x.time, value: x.benchmark })) })
    return out
  }, [analytics.data, p.name, p.benchmarkSymbol])

  return (
    <>
      <p className="text-sm text-slate-700 dark:text-slate-300">
        {p.name} · base currency {p.baseCurrency} · cost basis {p.costBasisMethod === 'average' ? 'average cost' : 'FIFO'}
        {p.benchmarkSymbol ? ` · benchmark ${p.benchmarkSymbol}` : ''}{' '}
        {!editing && <Button variant="secondary" className="!px-2 !py-0.5 text-xs" onClick={() => setEditing(true)} aria-label={`Edit portfolio ${p.name}`}>Edit</Button>}
      </p>
      <div className="text-sm">
        <DownloadMenu group={`Export ${p.name}`} disabled={isNew} items={portfolioDownloads(p)} />
      </div>
      {editing && (
        <Card id="edit-portfolio" title={`Edit ${p.name}`}>
          {/* Keyed by version: a reload that brings a newer version starts the form afresh from it. */}
          <CreatePortfolioForm key={`${p.id}:${p.version}`} editing={p} onDone={() => setEditing(false)} onReload={onReload} />
        </Card>
      )}
      {isNew ? (
        <section aria-label="Getting started" className="rounded-lg border border-dashed border-slate-300 bg-white p-4 text-sm dark:border-slate-600 dark:bg-slate-900">
          <h2 className="mb-1 text-base font-semibold">No transactions yet</h2>
          <p className="text-slate-700 dark:text-slate-300">
            Record a deposit and your first buy below, or import them from a CSV file. Value, returns, allocation and
            holdings appear here as soon as there is something to value.
          </p>
        </section>
      ) : (
        <>
          <div className="flex justify-end">
            <CurrencySelect id="portfolio-currency" value={currency} onChange={setCurrency} quoted={p.baseCurrency} />
          </div>
          <QueryState query={analytics} loadingLabel="Loading returns…">
            {(a) => (
              <MetricGrid label="Portfolio returns">
                <Metric label={`Value (${a.baseCurrency})`} value={fmtNumber((currency ? undefined : holdings.data?.totalValue) ?? a.value[a.value.length - 1]?.value)} />
                <Metric
                  label={a.timeWeightedReturn?.label ?? 'Time-weighted return'}
                  value={fmtPercent(a.timeWeightedReturn?.value, 2, true)}
                  hint={<>{fmtPercent(a.timeWeightedReturn?.annualized, 2, true)} a year. {a.timeWeightedReturn?.description ?? 'How the holdings performed, whatever the timing of deposits and withdrawals.'}</>}
                />
                <Metric
                  label={a.moneyWeightedReturn?.label ?? 'Money-weighted return (IRR)'}
                  value={fmtPercent(a.moneyWeightedReturn?.value, 2, true)}
                  hint={<>{fmtPercent(a.moneyWeightedReturn?.annualized, 2, true)} a year. {a.moneyWeightedReturn?.description ?? 'Your own return, given when you put money in and took it out.'}</>}
                />
                {a.localReturn && a.currencyReturn && (
                  <>
                    <Metric label={a.localReturn.label ?? 'Local return'} value={fmtPercent(a.localReturn.value, 2, true)} hint={a.localReturn.description} />
                    <Metric label={a.currencyReturn.label ?? 'Currency return'} value={fmtPercent(a.currencyReturn.value, 2, true)} hint={a.currencyReturn.description} />
                  </>
                )}
                <Metric label="VaR 95% (1 day)" value={fmtPercent(a.risk?.historicalVaR)} hint="historical" />
                <Metric label="Beta" value={fmtNumber(a.risk?.beta)} hint={a.benchmark ? `vs ${a.benchmark}` : 'no benchmark'} />
              </MetricGrid>
            )}
          </QueryState>
        </>
      )}
      <div className="grid min-w-0 grid-cols-1 gap-4 lg:grid-cols-3">
        {!isNew && (
          <>
            <Card id="value-chart" title={`Value over time${p.benchmarkSymbol ? ` vs ${p.benchmarkSymbol}` : ''}`} className="min-w-0 lg:col-span-2">
              <QueryState query={analytics} isEmpty={(a) => a.value.length === 0} empty={<p className="text-sm">No valuation yet.</p>}>
                {() => <PriceChart lines={lines} height={300} label={`${p.name} value over time${p.benchmarkSymbol ? ` against ${p.benchmarkSymbol}` : ''}`} />}
              </QueryState>
            </Card>
            <Card id="allocation" title="Allocation" className="min-w-0">
              <QueryState query={holdings} isEmpty={(h) => h.holdings.length === 0 && h.cash <= 0} empty={<p className="text-sm">Nothing held yet.</p>}>
                {(h) => (
                  <DonutChart
                    label="Allocation by market value"
                    format={(v) => fmtPercent(v, 1)}
                    data={[...h.holdings.map((x) => ({ label: x.symbol, value: x.marketValueBase ?? 0 })), ...(h.cash > 0 ? [{ label: 'Cash', value: h.cash }] : [])]}
                  />
                )}
              </QueryState>
            </Card>
            <Card id="holdings" title="Holdings" className="min-w-0 lg:col-span-3">
              <QueryState query={holdings} loadingLabel="Loading holdings…">
                {(h) => <HoldingsTable h={h} contributions={contributions} />}
              </QueryState>
            </Card>
          </>
        )}
        <Card id="transactions" title="Transactions" className="min-w-0 lg:col-span-2">
          <AddTransactionForm portfolioId={p.id} currency={p.baseCurrency} />
          <div className="mt-4">
            <TransactionsTable portfolioId={p.id} currency={p.baseCurrency} />
          </div>
        </Card>
        <Card id="import" title="Import transactions" className="min-w-0">
          <CsvImport portfolioId={p.id} />
        </Card>
      </div>
    </>
  )
}
