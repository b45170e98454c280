import { useState, type FormEvent } from 'react'
import { Link } from 'react-router'
import { fieldErrors } from '../../api/problem'
import type { ReportDto } from '../../api/schemas'
import { Button, Field, Input, Select, SelectField } from '../../components/Form'
import { ErrorMessage } from '../../components/QueryState'
import { useListChannelsQuery } from '../alerts/alertsApi'
import { PortfolioField } from '../portfolio/PortfolioField'
import { useCreateJobMutation, useListJobsQuery } from '../scheduler/schedulerApi'
import {
  emptyReport, emptySchedule, kindHelp, kindLabel, maxSymbols, reportKinds, toReportInput, toReportJob, validateReport, validateSchedule,
  type ReportFormValues, type ReportSchedule,
} from './reportForm'
import { useRequestReportMutation } from './reportsApi'

/**
 * Asks for a report of one kind, now or on a schedule (a scheduler job of kind report); only the fields that kind
 * reads are shown, and the server's field errors show in place.
 */
export function ReportForm({ onRequested }: { onRequested?: (r: ReportDto) => void }) {
  const [v, setV] = useState<ReportFormValues>(emptyReport)
  const [when, setWhen] = useState<ReportSchedule>(emptySchedule)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [scheduled, setScheduled] = useState<string | null>(null)
  const [request, state] = useRequestReportMutation()
  const [createJob, jobState] = useCreateJobMutation()
  const jobs = useListJobsQuery({ pageSize: 200 }, { skip: v.kind !== 'scheduler' && when.when !== 'after' })
  const channels = useListChannelsQuery()
  const failed = when.when === 'now' ? state.error : jobState.error
  const server = fieldErrors(failed)
  // A report job's report fields come back as report.<field>.
  const err = (k: string) => errors[k] ?? server[k] ?? server[`report.${k}`]
  const set = <K extends keyof ReportFormValues>(k: K, value: ReportFormValues[K]) => setV((x) => ({ ...x, [k]: value }))
  const setSchedule = <K extends keyof ReportSchedule>(k: K, value: ReportSchedule[K]) => setWhen((x) => ({ ...x, [k]: value }))

  async function submit(e: FormEvent) {
    e.preventDefault()
    const found = { ...validateReport(v), ...validateSchedule(when) }
    setErrors(found)
    setScheduled(null)
    if (Object.keys(found).length) return
    try {
      if (when.when === 'now') onRequested?.(await request(toReportInput(v)).unwrap())
      else setScheduled((await createJob(toReportJob(v, when)).unwrap()).name)
    } catch {
      /* shown from the mutation's error */
    }
  }

  const date = (key: 'from' | 'to', label: string) => (
    <Field label={label} error={err(key)}>
      {(p) => <Input {...p} type="date" value={v[key]} onChange={(e) => set(key, e.target.value)} />}
    </Field>
  )

  return (
    <form aria-label="New report" onSubmit={submit} noValidate className="flex flex-col gap-3">
      <SelectField label="Kind" error={err('kind')} value={v.kind} options={reportKinds} onChange={(x) => set('kind', x as ReportFormValues['kind'])}
        show={(x) => kindLabel[x] ?? x} />
      <p className="text-xs text-slate-600 dark:text-slate-400">{kindHelp[v.kind]}</p>
      {v.kind === 'portfolio' && (
        <>
          <PortfolioField value={v.portfolioId} onChange={(x) => set('portfolioId', x)} error={err('portfolioid')} />
          <Field label="Benchmark" error={err('benchmark')} hint="A symbol; the portfolio's own benchmark when blank">
            {(p) => <Input {...p} value={v.benchmark} onChange={(e) => set('benchmark', e.target.value)} autoComplete="off" spellCheck={false} />}
          </Field>
        </>
      )}
      {(v.kind === 'comparison' || v.kind === 'coverage') && (
        <Field label="Symbols" error={err('symbols')} hint={`Separated by commas or spaces; at most ${maxSymbols[v.kind]}${v.kind === 'coverage' ? '; all assets when blank' : ''}`}>
          {(p) => <Input {...p} value={v.symbols} onChange={(e) => set('symbols', e.target.value)} autoComplete="off" spellCheck={false} />}
        </Field>
      )}
      {v.kind === 'scheduler' && (
        <Field label="Job" error={err('jobid')}>
          {(p) => (
            <Select {...p} value={v.jobId} onChange={(e) => set('jobId', e.target.value)}>
              <option value="">All jobs</option>
              {(jobs.data?.items ?? []).map((j) => <option key={j.id} value={j.id}>{j.name}</option>)}
            </Select>
          )}
        </Field>
      )}
      {v.kind !== 'coverage' && (
        <div className="grid grid-cols-2 gap-3">
          {date('from', 'From')}
          {date('to', 'To')}
        </div>
      )}
      <fieldset className="flex gap-4 text-sm">
        <legend className="mb-1 text-sm font-medium">Format</legend>
        {(['pdf', 'xlsx'] as const).map((f) => (
          <label key={f} className="flex items-center gap-1.5">
            <input type="radio" name="report-format" value={f} checked={v.format === f} onChange={() => set('format', f)} />
            {f === 'pdf' ? 'PDF' : 'Excel'}
          </label>
        ))}
      </fieldset>
      <fieldset className="flex flex-wrap gap-4 text-sm">
        <legend className="mb-1 text-sm font-medium">When</legend>
        {([['now', 'Now'], ['cron', 'On a schedule'], ['after', 'After a job']] as const).map(([w, text]) => (
          <label key={w} className="flex items-center gap-1.5">
            <input type="radio" name="report-when" value={w} checked={when.when === w} onChange={() => setSchedule('when', w)} />
            {text}
          </label>
        ))}
      </fieldset>
      {when.when !== 'now' && (
        <>
          <Field label="Schedule name" error={err('name')} hint="Each report it makes lands in your inbox and in the list here">
            {(p) => <Input {...p} value={when.name} onChange={(e) => setSchedule('name', e.target.value)} autoComplete="off" />}
          </Field>
          {when.when === 'cron' ? (
            <div className="grid grid-cols-2 gap-3">
              <Field label="Cron" error={err('schedule.cron')} hint="Quartz: seconds first">
                {(p) => <Input {...p} value={when.cron} onChange={(e) => setSchedule('cron', e.target.value)} autoComplete="off" spellCheck={false} />}
              </Field>
              <Field label="Time zone" error={err('schedule.timezone')}>
                {(p) => <Input {...p} value={when.timeZone} onChange={(e) => setSchedule('timeZone', e.target.value)} autoComplete="off" spellCheck={false} />}
              </Field>
            </div>
          ) : (
            <Field label="After job" error={err('dependson')} hint="The report is made each time this job succeeds">
              {(p) => (
                <Select {...p} value={when.afterJobId} onChange={(e) => setSchedule('afterJobId', e.target.value)}>
                  <option value="">Choose a job</option>
                  {(jobs.data?.items ?? []).map((j) => <option key={j.id} value={j.id}>{j.name}</option>)}
                </Select>
              )}
            </Field>
          )}
        </>
      )}
      <fieldset className="flex flex-col gap-2">
        <legend className="mb-1 text-sm font-medium">Send the finished report to</legend>
        <div className="grid grid-cols-2 gap-3">
          {(['email', 'webhook'] as const).map((kind) => {
            const key = kind === 'email' ? 'emailChannelId' : 'webhookChannelId'
            return (
              <Field key={kind} label={kind === 'email' ? 'Email channel' : 'Webhook channel'} error={err(key.toLowerCase())}
                hint={kind === 'email' ? 'The file attached (up to 10 MB)' : 'A signed notice with where to download it'}>
                {(p) => (
                  <Select {...p} value={v[key]} onChange={(e) => set(key, e.target.value)}>
                    <option value="">Nowhere</option>
                    {(channels.data ?? []).filter((c) => c.kind === kind).map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
                  </Select>
                )}
              </Field>
            )
          })}
        </div>
        {channels.data?.length === 0 && (
          <p className="text-xs text-slate-600 dark:text-slate-400">
            Add an email address or a webhook under <Link to="/alerts?tab=channels" className="underline">Alerts → Channels</Link> to have reports sent there.
          </p>
        )}
      </fieldset>
      {failed && Object.keys(server).length === 0 ? <ErrorMessage error={failed} title={when.when === 'now' ? 'The report was not asked for' : 'The schedule was not saved'} /> : null}
      {scheduled && (
        <p role="status" className="text-sm text-emerald-800 dark:text-emerald-300">
          Scheduled “{scheduled}”. See it under <Link to="/scheduler" className="underline">Scheduler</Link>; each report lands in your inbox.
        </p>
      )}
      <div>
        <Button type="submit" disabled={state.isLoading || jobState.isLoading}>{when.when === 'now' ? 'Generate' : 'Schedule'}</Button>
      </div>
    </form>
  )
}
