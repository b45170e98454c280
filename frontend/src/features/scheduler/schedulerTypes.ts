// The scheduler's wire types (docs/api/scheduler.md). Its endpoints declare no response schema in the OpenAPI
// document, so openapi.gen.ts has nothing to take these from.

export type Schedule = { kind: 'cron' | 'interval' | 'dependencies' | string; cron: string | null; timeZone: string | null; intervalSeconds: number | null }
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
  options?: Record<string, string> | null
  /** The concurrency token an edit sends back; a stale one gets 409. */
  version: number
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
  version?: number
}
/** The bounds the server checks a job against (GET /api/scheduler/limits). */
export type JobLimits = {
  nameMaxLength: number
  maxSymbols: number
  symbolMaxLength: number
  lookbackDaysMin: number
  lookbackDaysMax: number
  lookbackDaysDefault: number
  maxRetriesMin: number
  maxRetriesMax: number
  timeoutSecondsMin: number
  timeoutSecondsDefault: number
  minPeriodSeconds: number
  maxBarsPerRequest: number
  maxRowsPerRequest: number
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
