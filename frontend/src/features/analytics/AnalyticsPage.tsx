import { useMemo, useState, type FormEvent } from 'react'
import { useSearchParams } from 'react-router'
import { Card, PageHeader } from '../../components/Card'
import { Button, Field, Input, Select } from '../../components/Form'
import { Metric, MetricGrid } from '../../components/Metric'
import { PriceChart, type Line } from '../../components/PriceChart'
import { QueryState } from '../../components/QueryState'
import { fmtDate, fmtPercent, isoDaysAgo } from '../../utils/format'
import { splitList } from '../scheduler/jobForm'
import { SyntheticBadge } from '../../components/Badges'
import { useListAssetsQuery } from '../assets/assetsApi'
import { useGetPerformanceQuery, useGetRiskQuery, type WindowArgs } from './analyticsApi'
import { CorrelationHeatmap } from './CorrelationHeatmap'
import type { Performance } from '../../api/schemas'

const colors = ['#0369a1', '#d97706', '#059669', '#7c3aed', '#e11d48', '#0891b2']
const benchmarkColor = '#64748b'
const DefaultCount = 3

/**
 * Returns are daily, or from the last daily price of each week or month (the API's interval); the rolling charts
 * look back about a quarter of daily returns, half a year of weekly ones and a year of monthly ones.
 */
const intervals = [
  { value: '1d', label: 'Daily', unit: 'day', window: 63 },
  { value: '1wk', label: 'Weekly', unit: 'week', window: 26 },
  { value: '1mo', label: 'Monthly', unit: 'month', window: 12 },
] as const
type Interval = (typeof intervals)[number]
const intervalOf = (v: string | null): Interval => intervals.find((i) => i.value === v) ?? intervals[0]

/** Ratios (Sharpe, Sortino, Calmar, beta) always with two decimals, so figures side by side read alike. */
const fmtRatio = (v: number | null | undefined) => (v === null || v === undefined || Number.isNaN(v) ? '—' : v.toFixed(2))

export default function AnalyticsPage() {
  // The window lives in the URL, so a view can be shared and survives a reload.
  const [params, setParams] = useSearchParams()
  const from = params.get('from') ?? isoDaysAgo(365)
  // Analytics reads daily bars: only assets that have them in the window are offered, and the first few are the default.
  const daily = useListAssetsQuery({ interval: '1d', since: from, pageSize: 100 })
  const available = useMemo(() => daily.data?.items ?? [], [daily.data])
  const defaults = available.slice(0, DefaultCount).map((a) => a.symbol)
  const synthetic = new Set(available.filter((a) => a.isSynthetic).map((a) => a.symbol))

  const urlSymbols = splitList(params.get('symbols') ?? '').map((s) => s.toUpperCase())
  const to = params.get('to') ?? new Date().toISOString().slice(0, 10)
  const benchmark = params.get('benchmark') ?? ''
  const interval = intervalOf(params.get('interval'))
  const symbols = urlSymbols.length ? urlSymbols : defaults

  const [draft, setDraft] = useState<{ symbols: string; from: string; to: string; benchmark: string; interval: string } | null>(null)
  const form = draft ?? { symbols: symbols.join(', '), from, to, benchmark, interval: interval.value }
  const [errors, setErrors] = useState<Record<string, string>>({})

  function submit(e: FormEvent) {
    e.preventDefault()
    const list = splitList(form.symbols).map((s) => s.toUpperCase())
    const found: Record<string, string> = {}
    if (list.length === 0) found.symbols = 'Enter at least one symbol.'
    if (!form.from) found.from = 'Choose a start date.'
    if (!form.to) found.to = 'Choose an end date.'
    if (form.from && form.to && form.from >= form.to) found.to = 'The end must be after the start.'
    setErrors(found)
    if (Object.keys(found).length) return
    const next: Record<string, string> = { symbols: list.join(','), from: form.from, to: form.to }
    if (form.benchmark.trim()) next.benchmark = form.benchmark.trim().toUpperCase()
    if (form.interval !== '1d') next.interval = form.interval
    setParams(next)
    setDraft(null)
  }

  function toggle(symbol: string) {
    const list = splitList(form.symbols).map((s) => s.toUpperCase())
    const next = list.includes(symbol) ? list.filter((s) => s !== symbol) : [...list, symbol]
    setDraft({ ...form, symbols: next.join(', ') })
  }

  const args: WindowArgs | null = symbols.length
    ? {
        symbols, from: `${from}T00:00:00Z`, to: `${to}T23:59:59Z`, benchmark: benchmark.trim().toUpperCase() || undefined,
        interval: interval.value === '1d' ? undefined : interval.value, rollingWindow: interval.window,
      }
    : null
  const chosen = new Set(splitList(form.symbols).map((s) => s.toUpperCase()))

  return (
    <>
      <PageHeader title="Analytics" />
      <Card className="mb-4">
        <form onSubmit={submit} noValidate aria-label="Analysis window" className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-6 lg:items-start">
          <Field label="Symbols" error={errors.symbols} hint="Comma separated, or pick below" className="sm:col-span-2">
            {/* Focusing freezes the field, so a default list that arrives while the user types never merges into their text. */}
            {(p) => <Input {...p} value={form.symbols} onFocus={() => setDraft((d) => d ?? form)} onChange={(e) => setDraft({ ...form, symbols: e.target.value })} autoComplete="off" />}
          </Field>
          <Field label="From" error={errors.from}>
            {(p) => <Input {...p} type="date" value={form.from} onChange={(e) => setDraft({ ...form, from: e.target.value })} />}
          </Field>
          <Field label="To" error={errors.to}>
            {(p) => <Input {...p} type="date" value={form.to} onChange={(e) => setDraft({ ...form, to: e.target.value })} />}
          </Field>
          <Field label="Benchmark (optional)">
            {(p) => <Input {...p} value={form.benchmark} onChange={(e) => setDraft({ ...form, benchmark: e.target.value })} autoComplete="off" list="daily-assets" />}
          </Field>
          <Field label="Returns" hint="Weekly and monthly take each period's last daily price">
            {(p) => (
              <Select {...p} value={form.interval} onChange={(e) => setDraft({ ...form, interval: e.target.value })}>
                {intervals.map((i) => <option key={i.value} value={i.value}>{i.label}</option>)}
              </Select>
            )}
          </Field>
          <datalist id="daily-assets">
            {available.map((a) => <option key={a.symbol} value={a.symbol} />)}
          </datalist>
          {available.length > 0 && (
            <fieldset className="sm:col-span-2 lg:col-span-6">
              <legend className="mb-1 text-xs text-slate-600 dark:text-slate-400">Assets with daily bars</legend>
              <div className="flex flex-wrap gap-1.5">
                {available.map((a) => (
                  <button key={a.symbol} type="button" aria-pressed={chosen.has(a.symbol.toUpperCase())} onClick={() => toggle(a.symbol.toUpperCase())}
                    className="rounded-full border border-slate-300 px-2.5 py-0.5 text-xs aria-pressed:border-sky-700 aria-pressed:bg-sky-700 aria-pressed:text-white dark:border-slate-600">
                    {a.symbol}
                  </button>
                ))}
              </div>
            </fieldset>
          )}
          <div className="sm:col-span-2 lg:col-span-6">
            <Button type="submit">Analyse</Button>
          </div>
        </form>
      </Card>
      {args ? (
        <Results args={args} interval={interval} synthetic={synthetic} />
      ) : (
        <QueryState query={daily} loadingLabel="Finding assets with daily bars…">
          {() => <p className="text-sm text-slate-700 dark:text-slate-300">No asset has daily (1d) bars yet: collect some at interval 1d, then pick them here.</p>}
        </QueryState>
      )}
    </>
  )
}

type Asset = Performance['assets'][number]

function seriesLines(assets: Asset[], benchmark: Asset | null | undefined, pick: (a: Asset) => { time: string; value: number | null }[]): Line[] {
  const lines = assets.map((a, i) => ({ id: a.symbol, label: a.symbol, color: colors[i % colors.length], points: pick(a) }))
  if (benchmark) lines.push({ id: `bench-${benchmark.symbol}`, label: `${benchmark.symbol} (benchmark)`, color: benchmarkColor, points: pick(benchmark) })
  return lines
}

function Results({ args, interval, synthetic }: { args: WindowArgs; interval: Interval; synthetic: Set<string> }) {
  const perf = useGetPerformanceQuery(args)
  const risk = useGetRiskQuery({ ...args, confidence: 0.95 }, { skip: !perf.isSuccess })
  const charts = useMemo(() => {
    const assets = perf.data?.assets ?? []
    const bench = perf.data?.benchmark
    return {
      cumulative: seriesLines(assets, bench, (a) => (a.cumulative ?? []).map((c) => ({ time: c.time, value: c.return }))),
      drawdown: seriesLines(assets, bench, (a) => a.drawdown.map((d) => ({ time: d.time, value: d.drawdown }))),
      volatility: seriesLines(assets, bench, (a) => a.rolling.map((r) => ({ time: r.time, value: r.volatility ?? null }))),
      sharpe: seriesLines(assets, bench, (a) => a.rolling.map((r) => ({ time: r.time, value: r.sharpe ?? null }))),
      // Beta is against the benchmark, so the benchmark has no line of its own.
      beta: seriesLines(assets, null, (a) => (a.rollingBeta ?? []).map((r) => ({ time: r.time, value: r.beta }))),
    }
  }, [perf.data])
  const names = args.symbols.join(', ')
  const span = `${interval.window} ${interval.unit}s`
  const rolling = `Rolling ${interval.window}-${interval.unit}`
  // A window longer than the data has no rolling point: say so instead of drawing an empty chart.
  const tooShort = (lines: Line[]) => !lines.some((l) => l.points.length > 0) && (
    <p className="text-sm text-slate-700 dark:text-slate-300">
      A rolling figure needs more than {span} of returns: widen the window or choose shorter returns.
    </p>
  )
  return (
    <div className="space-y-4">
      {/* One error, in place: risk is asked for only once performance has answered. */}
      <QueryState query={perf} loadingLabel="Computing performance…">
        {(p) => (
          <>
            <div className="grid min-w-0 grid-cols-1 gap-4 lg:grid-cols-2">
              <Card id="cumulative" title={`Cumulative return${args.benchmark ? ` vs ${args.benchmark}` : ''}`} className="min-w-0 lg:col-span-2">
                <PriceChart lines={charts.cumulative} height={300} percent label={`Cumulative return of ${names} over the window`} />
              </Card>
              <Card id="drawdown" title="Drawdown" className="min-w-0">
                <PriceChart lines={charts.drawdown} height={240} percent label={`Drawdown of ${names} over the window`} />
              </Card>
              <Card id="rolling-volatility" title={`Rolling volatility (annualised, ${span})`} className="min-w-0">
                {tooShort(charts.volatility) || <PriceChart lines={charts.volatility} height={240} percent label={`${rolling} volatility of ${names}`} />}
              </Card>
              <Card id="rolling-sharpe" title={`Rolling Sharpe (${span})`} className={args.benchmark ? 'min-w-0' : 'min-w-0 lg:col-span-2'}>
                {tooShort(charts.sharpe) || <PriceChart lines={charts.sharpe} height={220} precision={2} label={`${rolling} Sharpe ratio of ${names}`} />}
              </Card>
              {args.benchmark && (
                <Card id="rolling-beta" title={`Rolling beta vs ${args.benchmark} (${span})`} className="min-w-0">
                  {tooShort(charts.beta) || <PriceChart lines={charts.beta} height={220} precision={2} label={`${rolling} beta of ${names} against ${args.benchmark}`} />}
                </Card>
              )}
            </div>
            {p.assets.map((a) => {
              const r = risk.data?.assets.find((x) => x.symbol === a.symbol)
              return (
                <Card key={a.symbol} id={`metrics-${a.symbol}`} title={<span className="flex items-center gap-2">{a.symbol} <SyntheticBadge show={synthetic.has(a.symbol)} /></span>} actions={<span className="num text-xs text-slate-600 dark:text-slate-400">{a.observations} prices · {fmtDate(a.from)} → {fmtDate(a.to)}</span>}>
                  <MetricGrid label={`${a.symbol} metrics`}>
                    <Metric label="Total return" value={fmtPercent(a.totalReturn, 2, true)} tone={a.totalReturn === null ? undefined : a.totalReturn >= 0 ? 'good' : 'bad'} />
                    <Metric label="Annualised return" value={fmtPercent(a.annualizedReturn, 2, true)} />
                    <Metric label="Volatility (ann.)" value={fmtPercent(a.annualizedVolatility)} />
                    <Metric label="Sharpe" value={fmtRatio(a.sharpe)} />
                    <Metric label="Sortino" value={fmtRatio(a.sortino)} />
                    <Metric label="Max drawdown" value={fmtPercent(a.maxDrawdown?.depth)} tone="bad" hint={a.maxDrawdown?.trough ? `trough ${fmtDate(a.maxDrawdown.trough)}${a.maxDrawdown.recovery ? `, recovered ${fmtDate(a.maxDrawdown.recovery)}` : ', not recovered'}` : undefined} />
                    <Metric label="Calmar" value={fmtRatio(a.calmar)} />
                    <Metric label="Best period" value={fmtPercent(a.bestPeriod?.return, 2, true)} hint={fmtDate(a.bestPeriod?.time)} />
                    <Metric label="Worst period" value={fmtPercent(a.worstPeriod?.return, 2, true)} hint={fmtDate(a.worstPeriod?.time)} />
                    <Metric label="VaR 95% (hist.)" value={fmtPercent(r?.historicalVaR)} />
                    <Metric label="CVaR 95% (hist.)" value={fmtPercent(r?.historicalCVaR)} />
                    <Metric label="Beta" value={fmtRatio(r?.beta)} hint={args.benchmark ? `vs ${args.benchmark}` : 'no benchmark'} />
                  </MetricGrid>
                </Card>
              )
            })}
            <Card id="correlation" title="Correlation of returns">
              <QueryState query={risk} loadingLabel="Computing risk…" isEmpty={(r) => r.correlation.symbols.length === 0}>
                {(r) => <CorrelationHeatmap m={r.correlation} />}
              </QueryState>
            </Card>
          </>
        )}
      </QueryState>
    </div>
  )
}
