import type { JobInput, ReportInput } from '../../api/schemas'

// The report kinds and formats the API builds (docs/api/reports.md).
export const reportKinds = ['portfolio', 'comparison', 'coverage', 'scheduler'] as const
export type ReportKind = (typeof reportKinds)[number]
export const kindLabel: Record<string, string> = {
  portfolio: 'Portfolio report', comparison: 'Asset comparison', coverage: 'Data coverage', scheduler: 'Scheduler report',
}
export const kindHelp: Record<ReportKind, string> = {
  portfolio: 'Holdings, TWR and MWR, monthly returns, equity and drawdown charts, risk against a benchmark, and the transactions of the period.',
  comparison: 'Returns over 1M, 3M, YTD, 1Y and 3Y, volatility, Sharpe, drawdown, correlations and normalised prices of up to 20 assets.',
  coverage: 'Per asset and interval: first and last bar, gaps and the last collection. All assets when no symbol is given (up to 200).',
  scheduler: 'Per job: runs, success rate, duration percentiles and rows loaded, then every failure with its reason. The last 30 days by default.',
}
export const maxSymbols: Record<string, number> = { comparison: 20, coverage: 200 }

export type ReportFormValues = {
  kind: ReportKind
  format: 'pdf' | 'xlsx'
  portfolioId: string
  symbols: string
  from: string
  to: string
  benchmark: string
  jobId: string
  /** The user's channels the finished report is sent to; blank sends it nowhere but the list (and the inbox, when scheduled). */
  emailChannelId: string
  webhookChannelId: string
}

export const emptyReport: ReportFormValues = {
  kind: 'portfolio', format: 'pdf', portfolioId: '', symbols: '', from: '', to: '', benchmark: '', jobId: '', emailChannelId: '', webhookChannelId: '',
}

export const splitSymbols = (s: string) => [...new Set(s.split(/[\s,]+/).map((x) => x.trim()).filter(Boolean))]

/** Checks made before sending, keyed like the server's field errors. */
export function validateReport(v: ReportFormValues): Record<string, string> {
  const e: Record<string, string> = {}
  const symbols = splitSymbols(v.symbols)
  if (v.kind === 'portfolio' && !v.portfolioId) e.portfolioid = 'Choose one of your portfolios.'
  if (v.kind === 'comparison' && symbols.length === 0) e.symbols = 'Name at least one symbol, e.g. AAPL, MSFT.'
  if (maxSymbols[v.kind] && symbols.length > maxSymbols[v.kind]) e.symbols = `At most ${maxSymbols[v.kind]} symbols.`
  if (v.from && v.to && v.from > v.to) e.from = 'The start must not be after the end.'
  return e
}

const day = (d: string) => (d ? `${d}T00:00:00Z` : null)

/** The request body: only the fields the kind reads. */
export function toReportInput(v: ReportFormValues): ReportInput {
  const dated = v.kind !== 'coverage'
  return {
    kind: v.kind,
    format: v.format,
    portfolioId: v.kind === 'portfolio' ? v.portfolioId : null,
    symbols: v.kind === 'comparison' || v.kind === 'coverage' ? splitSymbols(v.symbols) : null,
    from: dated ? day(v.from) : null,
    to: dated ? day(v.to) : null,
    benchmark: v.kind === 'portfolio' && v.benchmark.trim() ? v.benchmark.trim() : null,
    riskFree: null,
    jobId: v.kind === 'scheduler' && v.jobId ? v.jobId : null,
    emailChannelId: v.emailChannelId || null,
    webhookChannelId: v.webhookChannelId || null,
  }
}

/** When a report is made: once now, or by a scheduler job of kind report (on cron, or after another job). */
export type ReportSchedule = { when: 'now' | 'cron' | 'after'; name: string; cron: string; timeZone: string; afterJobId: string }

export const emptySchedule: ReportSchedule = {
  when: 'now', name: '', cron: '0 0 7 ? * MON-FRI', timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC', afterJobId: '',
}

/** Checks made before sending a report job, keyed like the server's field errors. */
export function validateSchedule(s: ReportSchedule): Record<string, string> {
  const e: Record<string, string> = {}
  if (s.when === 'now') return e
  if (!s.name.trim()) e.name = 'Name the schedule, e.g. “Weekly portfolio”.'
  if (s.when === 'cron' && !s.cron.trim()) e['schedule.cron'] = 'Give a cron expression, e.g. 0 0 7 ? * MON-FRI.'
  if (s.when === 'after' && !s.afterJobId) e.dependson = 'Choose the job this report follows.'
  return e
}

/** The scheduler job that asks for the report at each run (docs/api/scheduler.md, "Report jobs"). */
export function toReportJob(v: ReportFormValues, s: ReportSchedule): JobInput {
  return {
    name: s.name.trim(),
    kind: 'report',
    report: toReportInput(v),
    schedule: s.when === 'cron' ? { kind: 'cron', cron: s.cron.trim(), timeZone: s.timeZone.trim() || 'UTC' } : { kind: 'dependencies' },
    dependsOn: s.when === 'after' ? [s.afterJobId] : [],
  } as JobInput
}
