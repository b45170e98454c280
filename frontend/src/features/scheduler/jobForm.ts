import type { JobInput } from '../../api/schemas'
import type { TemplateDto } from './schedulerTypes'

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
}

export const emptyJob: JobFormValues = {
  name: '', description: '', source: 'synthetic', symbols: '', assetType: 'stock', interval: '1d', mode: 'incremental',
  lookbackDays: '30', kind: 'cron', cron: '0 0/5 * * * ?', timeZone: 'UTC', intervalSeconds: '300', dependsOn: [],
  enabled: true, maxRetries: '2', timeoutSeconds: '600', tags: '', templateId: '',
}

export const splitList = (s: string) => s.split(/[,\s]+/).map((x) => x.trim()).filter(Boolean)
const isWhole = (s: string) => /^\d+$/.test(s.trim())

/** Checks done before sending, keyed like the server's field errors (lower case). */
export function validateJob(v: JobFormValues): Record<string, string> {
  const e: Record<string, string> = {}
  if (!v.name.trim()) e.name = 'Give the job a name.'
  else if (v.name.length > 200) e.name = 'At most 200 characters.'
  if (!v.source) e.source = 'Choose a source.'
  if (splitList(v.symbols).length === 0) e.symbols = 'Enter at least one symbol.'
  if (!v.interval) e.interval = 'Choose an interval.'
  if (v.lookbackDays && (!isWhole(v.lookbackDays) || Number(v.lookbackDays) < 1)) e.lookbackdays = 'Whole days, at least 1.'
  if (v.kind === 'cron') {
    const parts = v.cron.trim().split(/\s+/)
    if (!v.cron.trim()) e.cron = 'Enter a cron expression.'
    else if (parts.length < 6 || parts.length > 7) e.cron = 'Quartz cron has 6 or 7 fields, seconds first: 0 0/5 * * * ?'
  }
  if (v.kind === 'interval' && (!isWhole(v.intervalSeconds) || Number(v.intervalSeconds) < 1)) e.intervalseconds = 'Whole seconds, at least 1.'
  if (v.kind === 'dependencies' && v.dependsOn.length === 0) e.dependson = 'Pick at least one job this one waits for.'
  if (!isWhole(v.maxRetries) || Number(v.maxRetries) > 20) e.maxretries = 'A whole number from 0 to 20.'
  if (v.timeoutSeconds && (!isWhole(v.timeoutSeconds) || Number(v.timeoutSeconds) < 1)) e.timeoutseconds = 'Whole seconds, at least 1.'
  return e
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
  }
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
  }
}
