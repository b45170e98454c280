import { useState, type FormEvent } from 'react'
import { fieldErrors } from '../../api/problem'
import type { ReportDto } from '../../api/schemas'
import { Button, Field, Input, Select, SelectField } from '../../components/Form'
import { ErrorMessage } from '../../components/QueryState'
import { PortfolioField } from '../portfolio/PortfolioField'
import { useListJobsQuery } from '../scheduler/schedulerApi'
import { emptyReport, kindHelp, kindLabel, maxSymbols, reportKinds, toReportInput, validateReport, type ReportFormValues } from './reportForm'
import { useRequestReportMutation } from './reportsApi'

/** Asks for a report of one kind; only the fields that kind reads are shown, and the server's field errors show in place. */
export function ReportForm({ onRequested }: { onRequested?: (r: ReportDto) => void }) {
  const [v, setV] = useState<ReportFormValues>(emptyReport)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [request, state] = useRequestReportMutation()
  const jobs = useListJobsQuery({ pageSize: 200 }, { skip: v.kind !== 'scheduler' })
  const server = fieldErrors(state.error)
  const err = (k: string) => errors[k] ?? server[k]
  const set = <K extends keyof ReportFormValues>(k: K, value: ReportFormValues[K]) => setV((x) => ({ ...x, [k]: value }))

  async function submit(e: FormEvent) {
    e.preventDefault()
    const found = validateReport(v)
    setErrors(found)
    if (Object.keys(found).length) return
    try {
      onRequested?.(await request(toReportInput(v)).unwrap())
    } catch {
      /* shown from state.error */
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
      {state.error && Object.keys(server).length === 0 ? <ErrorMessage error={state.error} title="The report was not asked for" /> : null}
      <div>
        <Button type="submit" disabled={state.isLoading}>Generate</Button>
      </div>
    </form>
  )
}
