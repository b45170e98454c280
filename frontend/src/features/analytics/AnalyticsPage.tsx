import { useMemo, useState, type FormEvent } from 'react'
import { Card, PageHeader } from '../../components/Card'
import { Button, Field, Input } from '../../components/Form'
import { Metric, MetricGrid } from '../../components/Metric'
import { PriceChart, type Line } from '../../components/PriceChart'
import { QueryState } from '../../components/QueryState'
import { fmtDate, fmtNumber, fmtPercent, isoDaysAgo } from '../../utils/format'
import { splitList } from '../scheduler/jobForm'
import { useGetWatchlistQuery } from '../marketData/marketDataApi'
import { SyntheticBadge } from '../../components/Badges'
import { useGetPerformanceQuery, useGetRiskQuery, type WindowArgs } from './analyticsApi'
import { CorrelationHeatmap } from './CorrelationHeatmap'

const colors = ['#0369a1', '#d97706', '#059669', '#7c3aed', '#e11d48', '#0891b2']

export default function AnalyticsPage() {
  const watchlist = useGetWatchlistQuery()
  const [symbols, setSymbols] = useState('')
  const [from, setFrom] = useState(() => isoDaysAgo(365))
  const [to, setTo] = useState(() => new Date().toISOString().slice(0, 10))
  const [benchmark, setBenchmark] = useState('')
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [args, setArgs] = useState<WindowArgs | null>(null)
  const suggestions = watchlist.data?.slice(0, 4).map((w) => w.symbol) ?? []
  const synthetic = new Set(watchlist.data?.filter((w) => w.isSynthetic).map((w) => w.symbol))

  function submit(e: FormEvent) {
    e.preventDefault()
    const list = splitList(symbols || suggestions.join(','))
    const found: Record<string, string> = {}
    if (list.length === 0) found.symbols = 'Enter at least one symbol.'
    if (!from) found.from = 'Choose a start date.'
    if (!to) found.to = 'Choose an end date.'
    if (from && to && from >= to) found.to = 'The end must be after the start.'
    setErrors(found)
    if (Object.keys(found).length) return
    setArgs({ symbols: list.map((s) => s.toUpperCase()), from: `${from}T00:00:00Z`, to: `${to}T23:59:59Z`, benchmark: benchmark.trim().toUpperCase() || undefined })
  }

  return (
    <>
      <PageHeader title="Analytics" />
      <Card className="mb-4">
        <form onSubmit={submit} noValidate aria-label="Analysis window" className="grid gap-3 sm:grid-cols-2 lg:grid-cols-5 lg:items-start">
          <Field label="Symbols" error={errors.symbols} hint={suggestions.length ? `Comma separated; empty uses ${suggestions.join(', ')}` : 'Comma separated'} className="lg:col-span-2">
            {(p) => <Input {...p} value={symbols} onChange={(e) => setSymbols(e.target.value)} placeholder={suggestions.join(', ')} autoComplete="off" />}
          </Field>
          <Field label="From" error={errors.from}>
            {(p) => <Input {...p} type="date" value={from} onChange={(e) => setFrom(e.target.value)} />}
          </Field>
          <Field label="To" error={errors.to}>
            {(p) => <Input {...p} type="date" value={to} onChange={(e) => setTo(e.target.value)} />}
          </Field>
          <Field label="Benchmark (optional)">
            {(p) => <Input {...p} value={benchmark} onChange={(e) => setBenchmark(e.target.value)} autoComplete="off" />}
          </Field>
          <div className="sm:col-span-2 lg:col-span-5">
            <Button type="submit">Analyse</Button>
          </div>
        </form>
      </Card>
      {args ? <Results args={args} synthetic={synthetic} /> : <p className="text-sm text-slate-700 dark:text-slate-300">Pick assets and a window, then choose Analyse.</p>}
    </>
  )
}

function Results({ args, synthetic }: { args: WindowArgs; synthetic: Set<string> }) {
  const perf = useGetPerformanceQuery(args)
  const risk = useGetRiskQuery(args.symbols.length > 0 ? { ...args, confidence: 0.95 } : args)
  const lines = useMemo<Line[]>(
    () => (perf.data?.assets ?? []).map((a, i) => ({ id: a.symbol, label: a.symbol, color: colors[i % colors.length], points: a.drawdown.map((d) => ({ time: d.time, value: d.drawdown })) })),
    [perf.data],
  )
  return (
    <div className="space-y-4">
      <QueryState query={perf} loadingLabel="Computing performance…">
        {(p) => (
          <>
            {p.assets.map((a) => {
              const r = risk.data?.assets.find((x) => x.symbol === a.symbol)
              return (
                <Card key={a.symbol} id={`metrics-${a.symbol}`} title={<span className="flex items-center gap-2">{a.symbol} <SyntheticBadge show={synthetic.has(a.symbol)} /></span>} actions={<span className="num text-xs text-slate-600 dark:text-slate-400">{a.observations} prices · {fmtDate(a.from)} → {fmtDate(a.to)}</span>}>
                  <MetricGrid label={`${a.symbol} metrics`}>
                    <Metric label="Total return" value={fmtPercent(a.totalReturn, 2, true)} tone={a.totalReturn === null ? undefined : a.totalReturn >= 0 ? 'good' : 'bad'} />
                    <Metric label="Annualised return" value={fmtPercent(a.annualizedReturn, 2, true)} />
                    <Metric label="Volatility (ann.)" value={fmtPercent(a.annualizedVolatility)} />
                    <Metric label="Sharpe" value={fmtNumber(a.sharpe)} />
                    <Metric label="Sortino" value={fmtNumber(a.sortino)} />
                    <Metric label="Max drawdown" value={fmtPercent(a.maxDrawdown?.depth)} tone="bad" hint={a.maxDrawdown?.trough ? `trough ${fmtDate(a.maxDrawdown.trough)}${a.maxDrawdown.recovery ? `, recovered ${fmtDate(a.maxDrawdown.recovery)}` : ', not recovered'}` : undefined} />
                    <Metric label="Calmar" value={fmtNumber(a.calmar)} />
                    <Metric label="Best period" value={fmtPercent(a.bestPeriod?.return, 2, true)} hint={fmtDate(a.bestPeriod?.time)} />
                    <Metric label="Worst period" value={fmtPercent(a.worstPeriod?.return, 2, true)} hint={fmtDate(a.worstPeriod?.time)} />
                    <Metric label="VaR 95% (hist.)" value={fmtPercent(r?.historicalVaR)} />
                    <Metric label="CVaR 95% (hist.)" value={fmtPercent(r?.historicalCVaR)} />
                    <Metric label="Beta" value={fmtNumber(r?.beta)} hint={args.benchmark ? `vs ${args.benchmark}` : undefined} />
                  </MetricGrid>
                </Card>
              )
            })}
            <Card id="drawdown" title="Drawdown">
              <PriceChart lines={lines} height={280} percent label={`Drawdown of ${args.symbols.join(', ')} over the window`} />
            </Card>
          </>
        )}
      </QueryState>
      <Card id="correlation" title="Correlation of returns">
        <QueryState query={risk} loadingLabel="Computing risk…" isEmpty={(r) => r.correlation.symbols.length === 0}>
          {(r) => <CorrelationHeatmap m={r.correlation} />}
        </QueryState>
      </Card>
    </div>
  )
}
