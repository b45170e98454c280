import type { JobInput } from '../../api/schemas'
import type { JobDto, JobLimits, TemplateDto } from './schedulerTypes'

export type JobFormValues = {
  name: string
  description: string
  source: string
  symbols: string
  assetType: string
  interval: string
  mode: 'incremental' | 'batch'
  lookbackDays: string
  kind: 'cron' | 'interval' | 'dependencies'
  cron: string
  timeZone: string
  intervalSeconds: string
  dependsOn: string[]
  enabled: boolean
  maxRetries: string
  timeoutSeconds: string
  tags: string
  templateId: string
  /** The source's options by parameter name (GET /api/collectors declares them); empty values are not sent. */
  options: Record<string, string>
}

export const emptyJob: JobFormValues = {
  name: '', description: '', source: 'synthetic', symbols: '', assetType: 'stock', interval: '1d', mode: 'incremental',
  lookbackDays: '30', kind: 'cron', cron: '0 0/5 * * * ?', timeZone: 'UTC', intervalSeconds: '300', dependsOn: [],
  enabled: true, maxRetries: '2', timeoutSeconds: '600', tags: '', templateId: '', options: {},
}

export const splitList = (s: string) => s.split(/[,\s]+/).map((x) => x.trim()).filter(Boolean)
const isWhole = (s: string) => /^\d+$/.test(s.trim())

/**
 * Checks done before sending, keyed like the server's field errors (lower case). The bounds come from the server
 * (GET /api/scheduler/limits); until they have loaded only the shape is checked and the server has the last word.
 */
export function validateJob(v: JobFormValues, limits?: JobLimits, parameters: { name: string; required: boolean }[] = []): Record<string, string> {
  const e: Record<string, string> = {}
  const outside = (s: string, min: number, max = Number.MAX_SAFE_INTEGER) => !isWhole(s) || Number(s) < min || Number(s) > max
  if (!v.name.trim()) e.name = 'Give the job a name.'
  else if (limits && v.name.trim().length > limits.nameMaxLength) e.name = `At most ${limits.nameMaxLength} characters.`
  if (!v.source) e.source = 'Choose a source.'
  const symbols = splitList(v.symbols)
  if (symbols.length === 0) e.symbols = 'Enter at least one symbol.'
  else if (limits && symbols.length > limits.maxSymbols) e.symbols = `At most ${limits.maxSymbols} symbols.`
  if (!v.interval) e.interval = 'Choose an interval.'
  for (const p of parameters) if (p.required && !v.options[p.name]?.trim()) e[p.name] = `Enter ${p.name}.`
  // A CSV job imports a kept upload on every run: without one it could only fail.
  if (v.source === 'csv' && !v.options.upload) e.upload = 'Choose a kept CSV file, or upload one.'
  if (v.lookbackDays && outside(v.lookbackDays, limits?.lookbackDaysMin ?? 1, limits?.lookbackDaysMax))
    e.lookbackdays = limits ? `Whole days from ${limits.lookbackDaysMin} to ${limits.lookbackDaysMax}.` : 'Whole days, at least 1.'
  if (v.kind === 'cron') {
    const parts = v.cron.trim().split(/\s+/)
    if (!v.cron.trim()) e.cron = 'Enter a cron expression.'
    else if (parts.length < 6 || parts.length > 7) e.cron = 'Quartz cron has 6 or 7 fields, seconds first: 0 0/5 * * * ?'
  }
  const period = Math.max(1, Math.ceil(limits?.minPeriodSeconds ?? 1))
  if (v.kind === 'interval' && outside(v.intervalSeconds, period)) e.intervalseconds = `Whole seconds, at least ${period}.`
  if (v.kind === 'dependencies' && v.dependsOn.length === 0) e.dependson = 'Pick at least one job this one waits for.'
  if (outside(v.maxRetries, limits?.maxRetriesMin ?? 0, limits?.maxRetriesMax))
    e.maxretries = limits ? `A whole number from ${limits.maxRetriesMin} to ${limits.maxRetriesMax}.` : 'A whole number, 0 or more.'
  if (v.timeoutSeconds && outside(v.timeoutSeconds, limits?.timeoutSecondsMin ?? 0))
    e.timeoutseconds = `Whole seconds, ${limits?.timeoutSecondsMin ?? 0} (no limit) or more.`
  return e
}

/** The form filled from a stored job, for editing it. */
export function fromJob(j: JobDto): JobFormValues {
  const s = j.schedule
  return {
    name: j.name,
    description: j.description ?? '',
    source: j.source,
    symbols: j.symbols.join(', '),
    assetType: j.assetType ?? '',
    interval: j.interval,
    mode: j.mode === 'batch' ? 'batch' : 'incremental',
    lookbackDays: j.lookbackDays?.toString() ?? '',
    kind: s.kind === 'interval' || s.kind === 'dependencies' ? s.kind : 'cron',
    cron: s.cron ?? emptyJob.cron,
    timeZone: s.timeZone ?? 'UTC',
    intervalSeconds: s.intervalSeconds?.toString() ?? emptyJob.intervalSeconds,
    dependsOn: [...j.dependsOn],
    enabled: j.enabled,
    maxRetries: j.maxRetries.toString(),
    timeoutSeconds: j.timeoutSeconds?.toString() ?? '',
    tags: j.tags.join(', '),
    templateId: j.templateId ?? '',
    options: { ...(j.options ?? {}) },
  }
}

export function toJobInput(v: JobFormValues): JobInput {
  return {
    name: v.name.trim(),
    description: v.description.trim() || null,
    source: v.source,
    symbols: splitList(v.symbols).map((s) => s.toUpperCase()),
    assetType: v.assetType || null,
    interval: v.interval,
    mode: v.mode,
    lookbackDays: v.lookbackDays ? Number(v.lookbackDays) : null,
    schedule: {
      kind: v.kind,
      cron: v.kind === 'cron' ? v.cron.trim() : null,
      timeZone: v.kind === 'cron' ? v.timeZone.trim() || 'UTC' : null,
      intervalSeconds: v.kind === 'interval' ? Number(v.intervalSeconds) : null,
    },
    enabled: v.enabled,
    maxRetries: Number(v.maxRetries),
    timeoutSeconds: v.timeoutSeconds ? Number(v.timeoutSeconds) : null,
    tags: splitList(v.tags),
    templateId: v.templateId || null,
    dependsOn: v.dependsOn,
    options: sentOptions(v.options),
  }
}

/** Options as sent: trimmed, empty ones left out, null when none is left. */
export function sentOptions(options: Record<string, string>): Record<string, string> | null {
  const kept = Object.entries(options).map(([k, value]) => [k, value.trim()] as const).filter(([, value]) => value)
  return kept.length ? Object.fromEntries(kept) : null
}

/** A template fills the form; the user still names the job and can change anything. */
export function fromTemplate(v: JobFormValues, t: TemplateDto): JobFormValues {
  const s = t.schedule
  return {
    ...v,
    templateId: t.id,
    description: t.description ?? v.description,
    source: t.source ?? v.source,
    symbols: t.symbols?.join(', ') ?? v.symbols,
    assetType: t.assetType ?? v.assetType,
    interval: t.interval ?? v.interval,
    mode: t.mode === 'batch' ? 'batch' : t.mode === 'incremental' ? 'incremental' : v.mode,
    lookbackDays: t.lookbackDays?.toString() ?? v.lookbackDays,
    kind: s?.kind === 'interval' || s?.kind === 'dependencies' || s?.kind === 'cron' ? s.kind : v.kind,
    cron: s?.cron ?? v.cron,
    timeZone: s?.timeZone ?? v.timeZone,
    intervalSeconds: s?.intervalSeconds?.toString() ?? v.intervalSeconds,
    maxRetries: t.maxRetries?.toString() ?? v.maxRetries,
    timeoutSeconds: t.timeoutSeconds?.toString() ?? v.timeoutSeconds,
    tags: t.tags?.join(', ') ?? v.tags,
    // Options belong to a source: the template's come with its source, and another source's would be refused.
    options: t.options ? { ...t.options } : t.source && t.source !== v.source ? {} : v.options,
  }
}
