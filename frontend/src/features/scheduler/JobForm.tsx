import { useState, type FormEvent } from 'react'
import { fieldErrors, isStale } from '../../api/problem'
import { assetTypes } from '../assets/assetTypes'
import type { JobDto } from './schedulerTypes'
import { Button, Field, Input, Select } from '../../components/Form'
import { ErrorMessage } from '../../components/QueryState'
import { StaleNotice } from '../../components/StaleNotice'
import { label } from '../../utils/format'
import { useGetCollectorsQuery } from '../health/healthApi'
import { chartIntervals } from '../marketData/intervals'
import { CronPreview } from './CronPreview'
import { SourceOptionsFields } from './SourceOptionsFields'
import { emptyJob, fromJob, fromTemplate, toJobInput, validateJob, type JobFormValues } from './jobForm'
import { useCreateJobMutation, useGetJobLimitsQuery, useLazyGetJobQuery, useListJobsQuery, useListTemplatesQuery, useUpdateJobMutation } from './schedulerApi'

const fallbackSources = ['synthetic', 'yahoo', 'coinbase', 'fred', 'csv']

/**
 * Creates a job, or with `editing` changes that job: the edit sends back the version it read, and a 409 for a stale
 * version offers a reload instead of field errors.
 */
export function JobForm({ onCreated, initial, editing, onSaved, onCancel }: {
  onCreated?: (job: JobDto) => void; initial?: Partial<JobFormValues>; editing?: JobDto; onSaved?: (job: JobDto) => void; onCancel?: () => void
}) {
  const [v, setV] = useState<JobFormValues>(editing ? fromJob(editing) : { ...emptyJob, ...initial })
  const [read, setRead] = useState(editing)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [create, created] = useCreateJobMutation()
  const [update, updated] = useUpdateJobMutation()
  const [reload, reloaded] = useLazyGetJobQuery()
  const state = editing ? updated : created
  const limits = useGetJobLimitsQuery()
  const collectors = useGetCollectorsQuery()
  const templates = useListTemplatesQuery()
  const jobs = useListJobsQuery({ pageSize: 200 })
  const l = limits.data
  const stale = isStale(state.error)
  const server = stale ? {} : fieldErrors(state.error)
  // Server keys may be nested ("schedule.cron"): match on the last segment too.
  const err = (k: string) => errors[k] ?? server[k] ?? Object.entries(server).find(([sk]) => sk.split('.').pop() === k)?.[1]
  const set = <K extends keyof JobFormValues>(k: K, value: JobFormValues[K]) => setV((x) => ({ ...x, [k]: value }))
  const collector = collectors.data?.find((c) => c.name === v.source)
  const intervals = collector?.intervals?.length ? collector.intervals : [...chartIntervals]

  async function submit(e: FormEvent) {
    e.preventDefault()
    const found = validateJob(v, limits.data, (collector?.parameters ?? []).map((p) => ({ name: p.name, required: p.required })))
    // A job that selects its assets by filter keeps the filter when its symbols are left empty.
    const byFilter = !!read?.assetFilter && !v.symbols.trim()
    if (byFilter) delete found.symbols
    setErrors(found)
    if (Object.keys(found).length) {
      document.getElementById('job-form-errors')?.focus()
      return
    }
    try {
      if (read) {
        const body = { ...toJobInput(v), assetFilter: byFilter ? read.assetFilter : null, version: read.version }
        const job = await update({ id: read.id, body }).unwrap()
        setRead(job)
        onSaved?.(job)
      } else {
        const job = await create(toJobInput(v)).unwrap()
        setV({ ...emptyJob })
        onCreated?.(job)
      }
    } catch {
      /* shown from state.error */
    }
  }

  async function reloadJob() {
    if (!read) return
    try {
      const fresh = await reload(read.id).unwrap()
      setRead(fresh)
      setV(fromJob(fresh))
      setErrors({})
      updated.reset()
    } catch {
      /* shown from reloaded.error */
    }
  }

  const errorCount = Object.keys(errors).length
  return (
    <form onSubmit={submit} noValidate aria-label={read ? 'Edit job' : 'New job'} className="space-y-4">
      {errorCount > 0 && (
        <p id="job-form-errors" tabIndex={-1} role="alert" className="rounded-md bg-rose-50 p-2 text-sm text-rose-900 dark:bg-rose-950 dark:text-rose-100">
          {errorCount} field{errorCount === 1 ? ' needs' : 's need'} attention.
        </p>
      )}
      {!read && templates.data && templates.data.length > 0 && (
        <Field label="Start from a template" hint="Fills the form; you can change anything before saving">
          {(p) => (
            <Select {...p} value={v.templateId} onChange={(e) => {
              const t = templates.data?.find((x) => x.id === e.target.value)
              setV((x) => (t ? fromTemplate(x, t) : { ...x, templateId: '' }))
            }}>
              <option value="">No template</option>
              {(templates.data ?? []).map((t) => (
                <option key={t.id} value={t.id}>{t.name}</option>
              ))}
            </Select>
          )}
        </Field>
      )}
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-3">
        <Field label="Name" error={err('name')}>
          {(p) => <Input {...p} value={v.name} onChange={(e) => set('name', e.target.value)} required />}
        </Field>
        <Field label="Source" error={err('source')} hint={collector?.isSynthetic || v.source === 'synthetic' ? 'Generates synthetic data, labelled as such' : undefined}>
          {(p) => (
            <Select {...p} value={v.source} onChange={(e) => setV((x) => ({ ...x, source: e.target.value, options: {} }))}>
              {(collectors.data?.map((c) => c.name) ?? fallbackSources).map((s) => (
                <option key={s} value={s}>{collectors.data?.find((c) => c.name === s)?.displayName ?? s}</option>
              ))}
            </Select>
          )}
        </Field>
        <Field label="Symbols" error={err('symbols')} hint="Comma separated, e.g. SYN-A, SYN-B">
          {(p) => <Input {...p} value={v.symbols} onChange={(e) => set('symbols', e.target.value)} autoComplete="off" />}
        </Field>
        <Field label="Asset type" error={err('assettype')}>
          {(p) => (
            <Select {...p} value={v.assetType} onChange={(e) => set('assetType', e.target.value)}>
              {assetTypes.map((t) => (
                <option key={t} value={t}>{label(t)}</option>
              ))}
            </Select>
          )}
        </Field>
        <Field label="Interval" error={err('interval')}>
          {(p) => (
            <Select {...p} value={v.interval} onChange={(e) => set('interval', e.target.value)}>
              {intervals.map((i) => (
                <option key={i} value={i}>{i}</option>
              ))}
            </Select>
          )}
        </Field>
        <Field label="Mode" error={err('mode')} hint={v.mode === 'incremental' ? 'Fetches only what is newer than the last stored bar' : 'Fetches the whole look-back window every run'}>
          {(p) => (
            <Select {...p} value={v.mode} onChange={(e) => set('mode', e.target.value as JobFormValues['mode'])}>
              <option value="incremental">incremental</option>
              <option value="batch">batch</option>
            </Select>
          )}
        </Field>
        <Field label="Look back (days)" error={err('lookbackdays')} hint={l ? `${l.lookbackDaysMin} to ${l.lookbackDaysMax}` : undefined}>
          {(p) => <Input {...p} inputMode="numeric" value={v.lookbackDays} onChange={(e) => set('lookbackDays', e.target.value)} />}
        </Field>
        <Field label="Max retries" error={err('maxretries')} hint={l ? `${l.maxRetriesMin} to ${l.maxRetriesMax}` : undefined}>
          {(p) => <Input {...p} inputMode="numeric" value={v.maxRetries} onChange={(e) => set('maxRetries', e.target.value)} />}
        </Field>
        <Field label="Timeout (seconds)" error={err('timeoutseconds')} hint={l ? `${l.timeoutSecondsMin} means no limit` : undefined}>
          {(p) => <Input {...p} inputMode="numeric" value={v.timeoutSeconds} onChange={(e) => set('timeoutSeconds', e.target.value)} />}
        </Field>
      </div>

      <SourceOptionsFields collector={collector} value={v.options} onChange={(o) => set('options', o)} error={err} />

      <fieldset className="rounded-md border border-slate-300 p-3 dark:border-slate-700">
        <legend className="px-1 text-sm font-medium">Schedule</legend>
        <div className="mb-3 flex flex-wrap gap-4 text-sm">
          {(['cron', 'interval', 'dependencies'] as const).map((k) => (
            <label key={k} className="flex items-center gap-1.5">
              <input type="radio" name="schedule-kind" value={k} checked={v.kind === k} onChange={() => set('kind', k)} />
              {k === 'cron' ? 'Cron expression' : k === 'interval' ? 'Every N seconds' : 'After other jobs finish'}
            </label>
          ))}
        </div>
        {v.kind === 'cron' && (
          <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
            <Field label="Cron (Quartz, seconds first)" error={err('cron')} hint="0 0/5 * * * ? = every 5 minutes; 0 0 18 ? * MON-FRI = weekdays at 18:00">
              {(p) => <Input {...p} value={v.cron} onChange={(e) => set('cron', e.target.value)} className="font-mono" autoComplete="off" />}
            </Field>
            <Field label="Time zone" error={err('timezone')} hint="IANA name, e.g. UTC or Europe/London">
              {(p) => <Input {...p} value={v.timeZone} onChange={(e) => set('timeZone', e.target.value)} autoComplete="off" />}
            </Field>
            <div className="sm:col-span-2">
              <CronPreview expr={v.cron} tz={v.timeZone} />
            </div>
          </div>
        )}
        {v.kind === 'interval' && (
          <Field label="Every (seconds)" error={err('intervalseconds')} className="max-w-xs">
            {(p) => <Input {...p} inputMode="numeric" value={v.intervalSeconds} onChange={(e) => set('intervalSeconds', e.target.value)} />}
          </Field>
        )}
        <DependencyPicker jobs={(jobs.data?.items ?? []).filter((j) => j.id !== read?.id)} value={v.dependsOn} onChange={(d) => set('dependsOn', d)} error={err('dependson')} required={v.kind === 'dependencies'} />
      </fieldset>

      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
        <Field label="Description" error={err('description')}>
          {(p) => <Input {...p} value={v.description} onChange={(e) => set('description', e.target.value)} />}
        </Field>
        <Field label="Tags" error={err('tags')} hint="Comma separated">
          {(p) => <Input {...p} value={v.tags} onChange={(e) => set('tags', e.target.value)} />}
        </Field>
      </div>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" checked={v.enabled} onChange={(e) => set('enabled', e.target.checked)} /> Enabled
      </label>
      {stale ? <StaleNotice what="job" onReload={reloadJob} reloading={reloaded.isFetching} /> : null}
      {state.error && !stale ? <ErrorMessage error={state.error} title={read ? 'The job was not saved' : 'The job was not created'} /> : null}
      {reloaded.error ? <ErrorMessage error={reloaded.error} title="The job could not be reloaded" /> : null}
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={state.isLoading}>
          {read ? (state.isLoading ? 'Saving…' : 'Save changes') : state.isLoading ? 'Creating…' : 'Create job'}
        </Button>
        {onCancel && <Button variant="secondary" onClick={onCancel}>Cancel</Button>}
      </div>
    </form>
  )
}

function DependencyPicker({ jobs, value, onChange, error, required }: { jobs: JobDto[]; value: string[]; onChange: (v: string[]) => void; error?: string; required: boolean }) {
  if (jobs.length === 0) return required ? <p className="mt-2 text-sm text-rose-800 dark:text-rose-300">{error ?? 'There are no other jobs to depend on yet.'}</p> : null
  return (
    <fieldset className="mt-3" aria-describedby={error ? 'deps-err' : undefined}>
      <legend className="text-sm font-medium">{required ? 'Runs after' : 'Also wait for (optional)'}</legend>
      <div className="mt-1 flex max-h-40 flex-wrap gap-x-4 gap-y-1 overflow-auto text-sm">
        {jobs.map((j) => (
          <label key={j.id} className="flex items-center gap-1.5">
            <input type="checkbox" checked={value.includes(j.id)} onChange={(e) => onChange(e.target.checked ? [...value, j.id] : value.filter((x) => x !== j.id))} />
            {j.name}
          </label>
        ))}
      </div>
      {error && <p id="deps-err" className="mt-1 text-xs font-medium text-rose-700 dark:text-rose-400">{error}</p>}
    </fieldset>
  )
}
