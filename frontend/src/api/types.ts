// Wire types of the REST API (docs/api/*.md). `contract-check.ts` holds them against the generated OpenAPI types.

export type Paged<T> = { items: T[]; page: number; pageSize: number; totalCount: number; totalPages: number }

export type AssetType = 'stock' | 'forex' | 'crypto' | 'bond' | 'commodity' | 'economic_indicator'
export const assetTypes: AssetType[] = ['stock', 'forex', 'crypto', 'bond', 'commodity', 'economic_indicator']

export type AssetDto = {
  assetId: number | string
  symbol: string
  name: string | null
  assetType: string
  currency: string | null
  exchange: string | null
  source: string
  metadata: Record<string, string> | null
  isSynthetic: boolean
  createdAt: string
  updatedAt: string
}

export type AssetInput = {
  symbol: string
  name?: string
  assetType: string
  currency?: string
  exchange?: string
  source: string
  metadata?: Record<string, string>
}

export type Gap = { from: string; to: string; missingBars: number }
export type CoverageSeries = {
  interval: string
  table: string
  firstTime: string | null
  lastTime: string | null
  rowCount: number
  expectedBars: number | null
  gaps: Gap[]
}
export type Coverage = { symbol: string; series: CoverageSeries[] }

export type CollectionLogDto = {
  id: number | string
  requestId: string | null
  jobId: string | null
  runId: string | null
  source: string
  interval: string
  status: string
  recordsCollected: number
  recordsLoaded: number
  recordsRejected: number
  startedAt: string | null
  finishedAt: string | null
  durationMs: number | null
  errorClass: string | null
  errorMessage: string | null
}

export type Bar = { time: string; open: number; high: number; low: number; close: number; adjClose: number | null; volume: number | null }
export type BarsResponse = {
  symbol: string
  assetType: string
  interval: string
  baseInterval: string
  adjust: string
  isSynthetic: boolean
  currency: string | null
  bars: Bar[]
}
export type Latest = {
  symbol: string
  interval: string
  time: string
  open: number
  high: number
  low: number
  close: number
  volume: number | null
  previousClose: number | null
  change: number | null
  changePercent: number | null
}
export type WatchlistItem = {
  symbol: string
  name: string | null
  assetType: string
  currency: string | null
  isSynthetic: boolean
  last: number | null
  change: number | null
  changePercent: number | null
  time: string | null
  sparkline: number[]
}

export type CollectorParameter = { name: string; description: string | null; required: boolean }
export type CollectorDto = {
  name: string
  displayName: string
  assetTypes: string[]
  intervals: string[]
  historyLimitDays: Record<string, number | null>
  maxWindowDays: Record<string, number | null>
  parameters: CollectorParameter[]
  isSynthetic: boolean
}

export type RequestStatus = 'pending' | 'running' | 'succeeded' | 'partially_succeeded' | 'failed' | 'timed_out'
export type IngestionInput = {
  source: string
  symbols: string[]
  assetType?: string
  interval: string
  from: string
  to: string
  mode: 'batch' | 'incremental'
  options?: Record<string, string>
}
export type PerSymbolProgress = {
  symbol: string
  status: string
  chunksTotal: number
  chunksDone: number
  recordsCollected: number
  recordsLoaded: number
  recordsRejected: number
  errorClass: string | null
  errorMessage: string | null
  /** Set while a window of the symbol waits for a delayed redelivery (rate limit, transient failure). */
  retryAt?: string | null
}
export type IngestionRequestDto = {
  requestId: string
  source: string
  symbols: string[]
  assetType: string | null
  interval: string
  from: string
  to: string
  mode: string
  status: string
  chunksTotal: number
  chunksDone: number
  recordsCollected: number
  recordsLoaded: number
  recordsRejected: number
  errorClass: string | null
  errorMessage: string | null
  jobId: string | null
  runId: string | null
  createdAt: string
  completedAt: string | null
  perSymbol?: PerSymbolProgress[] | null
  /** The earliest time a window of the request that waits for a delayed redelivery is tried again. */
  retryAt?: string | null
}

export type ScheduleKind = 'cron' | 'interval' | 'dependencies'
export type Schedule = { kind: ScheduleKind | string; cron: string | null; timeZone: string | null; intervalSeconds: number | null }
export type RunStatus = 'pending' | 'running' | 'succeeded' | 'failed' | 'skipped' | 'timed_out'
export type JobDto = {
  id: string
  name: string
  description: string | null
  source: string
  symbols: string[]
  assetFilter: Record<string, string> | null
  assetType: string | null
  interval: string
  mode: string
  lookbackDays: number | null
  schedule: Schedule
  enabled: boolean
  maxRetries: number
  timeoutSeconds: number | null
  tags: string[]
  templateId: string | null
  dependsOn: string[]
  lastRun: { id: string; status: string; finishedAt: string | null } | null
  nextFireTime: string | null
  /** The user who made the job; only they and admins may change it. */
  ownerId: string | null
  createdAt: string
  updatedAt: string
}
export type JobInput = {
  name: string
  description?: string | null
  source: string
  symbols: string[]
  assetFilter?: Record<string, string> | null
  assetType?: string | null
  interval: string
  mode: string
  lookbackDays?: number | null
  schedule: Schedule
  enabled: boolean
  maxRetries: number
  timeoutSeconds?: number | null
  tags: string[]
  templateId?: string | null
  dependsOn: string[]
}
export type RunDto = {
  id: string
  jobId: string
  jobName: string
  status: string
  trigger: string
  attempt: number
  chainId: string | null
  requestId: string | null
  scheduledAt: string | null
  startedAt: string | null
  finishedAt: string | null
  durationMs: number | null
  recordsCollected: number
  recordsLoaded: number
  recordsRejected: number
  errorClass: string | null
  errorMessage: string | null
}
export type JobGraph = {
  nodes: { id: string; name: string; enabled: boolean; lastStatus: string | null }[]
  edges: { from: string; to: string }[]
}
export type TemplateDto = {
  id: string
  name: string
  description: string | null
  source: string | null
  symbols: string[] | null
  assetType: string | null
  interval: string | null
  mode: string | null
  lookbackDays: number | null
  schedule: Schedule | null
  maxRetries: number | null
  timeoutSeconds: number | null
  tags: string[] | null
}
export type CronNext = { expression: string; timeZone: string; description: string; next: string[] }
export type JobAnalytics = {
  runs: number
  succeeded: number
  failed: number
  skipped: number
  timedOut: number
  successRate: number | null
  meanDurationMs: number | null
  p95DurationMs: number | null
  recordsLoaded: number
  failuresByClass: Record<string, number>
  daily: { date: string; runs: number; succeeded: number; failed: number; recordsLoaded: number; meanDurationMs: number | null }[]
}

export type DrawdownInfo = { depth: number; peak: string | null; trough: string | null; recovery: string | null }
export type PerformanceAsset = {
  symbol: string
  observations: number
  from: string
  to: string
  totalReturn: number | null
  annualizedReturn: number | null
  annualizedVolatility: number | null
  sharpe: number | null
  sortino: number | null
  maxDrawdown: DrawdownInfo
  calmar: number | null
  bestPeriod: { time: string; return: number } | null
  worstPeriod: { time: string; return: number } | null
  drawdown: { time: string; drawdown: number }[]
  rolling: { time: string; return: number | null; volatility: number | null; sharpe: number | null }[]
}
export type Performance = { conventions: Record<string, unknown>; benchmark: PerformanceAsset | null; assets: PerformanceAsset[] }
export type Matrix = { symbols: string[]; observations?: number; matrix: (number | null)[][] }
export type RiskAsset = {
  symbol: string
  historicalVaR: number | null
  historicalCVaR: number | null
  parametricVaR: number | null
  parametricCVaR: number | null
  beta: number | null
  alpha: number | null
}
export type Risk = { confidence: number; assets: RiskAsset[]; correlation: Matrix; covariance: Matrix }

export type PortfolioDto = {
  id: string
  name: string
  baseCurrency: string
  costBasisMethod: string
  allowShort: boolean
  benchmarkSymbol: string | null
  createdAt?: string
  updatedAt?: string
}
export type PortfolioInput = Omit<PortfolioDto, 'id' | 'createdAt' | 'updatedAt'>
export type TransactionType = 'buy' | 'sell' | 'dividend' | 'interest' | 'fee' | 'deposit' | 'withdrawal' | 'split'
export const transactionTypes: TransactionType[] = ['buy', 'sell', 'dividend', 'interest', 'fee', 'deposit', 'withdrawal', 'split']
export type TransactionDto = {
  id: string
  type: string
  symbol: string | null
  time: string
  quantity: number | null
  price: number | null
  amount: number | null
  fee: number | null
  currency: string | null
  note: string | null
}
export type TransactionInput = Omit<TransactionDto, 'id'>
export type Holding = {
  symbol: string
  quantity: number
  averageCost: number | null
  costBasis: number | null
  price: number | null
  currency: string | null
  marketValue: number | null
  marketValueBase: number | null
  unrealizedPnl: number | null
  realizedPnl: number | null
  income?: number | null
  weight: number | null
}
export type Holdings = {
  baseCurrency: string
  at?: string
  cash: number
  cashBalances?: { currency: string; amount: number; amountBase: number | null }[]
  totalValue: number
  holdings: Holding[]
}
export type LabelledReturn = { label: string; value: number | null; annualized: number | null; description: string }
export type PortfolioAnalytics = {
  portfolioId: string
  baseCurrency: string
  benchmark: string | null
  value: { time: string; value: number; benchmark: number | null; flow: number | null }[]
  timeWeightedReturn: LabelledReturn | null
  moneyWeightedReturn: LabelledReturn | null
  contributions: { symbol: string; contribution: number }[]
  risk: (Omit<RiskAsset, 'symbol'> & { symbol: string; observations: number }) | null
}
export type ImportResult = { imported: number; errors: { line: number; message: string }[] }

export type HealthReport = {
  status: string
  durationMs: number
  checks: { name: string; status: string; description: string | null; durationMs: number; tags: string[] }[]
}

// SignalR payloads (docs/api/events.md)
export type JobStatusEvent = {
  jobId: string
  runId: string
  jobName: string
  status: string
  recordsLoaded: number | null
  errorClass: string | null
  message: string | null
  timestamp: string
}
export type CollectionProgressEvent = {
  requestId: string
  jobId: string | null
  runId: string | null
  symbol: string | null
  status: string
  chunksDone: number | null
  chunksTotal: number | null
  recordsCollected: number
  recordsLoaded: number
  timestamp: string
}
export type ErrorEvent = {
  requestId: string | null
  jobId: string | null
  runId: string | null
  symbol: string | null
  errorClass: string | null
  message: string | null
  timestamp: string
}
export type LiveEventMap = {
  job_status: JobStatusEvent
  collection_progress: CollectionProgressEvent
  error: ErrorEvent
}
