import { useState, type FormEvent } from 'react'
import { fieldErrors, isStale } from '../../api/problem'
import { StaleNotice } from '../../components/StaleNotice'
import type { TemplateDto } from './schedulerTypes'
import { Button, Field, Input, Select } from '../../components/Form'
import { ErrorMessage, QueryState } from '../../components/QueryState'
import { chartIntervals } from '../marketData/intervals'
import { useGetCollectorsQuery } from '../health/healthApi'
import { sentOptions, splitList } from './jobForm'
import { SourceOptionsFields } from './SourceOptionsFields'
import { useCreateTemplateMutation, useDeleteTemplateMutation, useListTemplatesQuery, useUpdateTemplateMutation } from './schedulerApi'

export function TemplatesPanel({ onUse }: { onUse: (templateId: string) => void }) {
  const list = useListTemplatesQuery()
  const [remove, removeState] = useDeleteTemplateMutation()
  const [editingId, setEditingId] = useState<string | null>(null)
  const editing = list.data?.find((t) => t.id === editingId)
  return (
    <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
      <div>
        <h3 className="mb-2 font-semibold">Templates</h3>
        {removeState.error ? <ErrorMessage error={removeState.error} title="The template was not deleted" /> : null}
        <QueryState query={list} isEmpty={(d) => d.length === 0} empty={<p className="text-sm">No templates yet.</p>} loadingLabel="Loading templates…">
          {(ts) => (
            <ul className="divide-y divide-slate-200 dark:divide-slate-800">
              {ts.map((t) => (
                <li key={t.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                  <div className="min-w-0">
                    <p className="font-medium">{t.name}</p>
                    <p className="text-xs text-slate-700 dark:text-slate-300">
                      {[t.source, t.interval, t.mode, t.schedule?.cron ?? (t.schedule?.intervalSeconds ? `every ${t.schedule.intervalSeconds} s` : null), t.symbols?.join(', ')].filter(Boolean).join(' · ')}
                    </p>
                  </div>
                  <div className="flex gap-2">
                    <Button onClick={() => onUse(t.id)} aria-label={`Use ${t.name}`}>Use</Button>
                    <Button variant="secondary" onClick={() => setEditingId(t.id)} aria-label={`Edit template ${t.name}`}>Edit</Button>
                    <Button variant="secondary" onClick={() => remove(t.id)} aria-label={`Delete template ${t.name}`}>Delete</Button>
                  </div>
                </li>
              ))}
            </ul>
          )}
        </QueryState>
      </div>
      <div>
        {editing ? (
          <>
            <h3 className="mb-2 font-semibold">Edit template {editing.name}</h3>
            {/* Keyed by version: a reload that brings a newer version starts the form afresh from it. */}
            <TemplateForm key={`${editing.id}:${editing.version}`} editing={editing} onDone={() => setEditingId(null)} onReload={() => list.refetch()} />
          </>
        ) : (
          <>
            <h3 className="mb-2 font-semibold">New template</h3>
            <TemplateForm />
          </>
        )}
      </div>
    </div>
  )
}

/** Creates a template, or with `editing` changes that one, keeping the fields this form does not show. */
function TemplateForm({ editing, onDone, onReload }: { editing?: TemplateDto; onDone?: () => void; onReload?: () => void }) {
  const [name, setName] = useState(editing?.name ?? '')
  const [source, setSource] = useState(editing?.source ?? 'synthetic')
  const [interval, setInterval] = useState(editing?.interval ?? '1d')
  const [mode, setMode] = useState(editing?.mode ?? 'incremental')
  const [cron, setCron] = useState(editing ? editing.schedule?.cron ?? '' : '0 0 18 ? * MON-FRI')
  const [symbols, setSymbols] = useState(editing?.symbols?.join(', ') ?? '')
  const [options, setOptions] = useState<Record<string, string>>(editing?.options ?? {})
  const collectors = useGetCollectorsQuery()
  const [error, setError] = useState<string | undefined>()
  const [create, created] = useCreateTemplateMutation()
  const [update, updated] = useUpdateTemplateMutation()
  const state = editing ? updated : created
  const stale = isStale(state.error)
  const server = stale ? {} : fieldErrors(state.error)

  async function submit(e: FormEvent) {
    e.preventDefault()
    if (!name.trim()) {
      setError('Give the template a name.')
      return
    }
    setError(undefined)
    const schedule = cron.trim()
      ? { kind: 'cron', cron: cron.trim(), timeZone: editing?.schedule?.timeZone ?? 'UTC', intervalSeconds: null }
      : editing?.schedule ?? null
    const body = {
      name: name.trim(), source, interval, mode, symbols: splitList(symbols), schedule,
      description: editing?.description ?? null, assetType: editing?.assetType ?? null,
      lookbackDays: editing?.lookbackDays ?? 30, maxRetries: editing?.maxRetries ?? 2, timeoutSeconds: editing?.timeoutSeconds ?? 600, tags: editing?.tags ?? [],
      options: sentOptions(options),
    }
    try {
      if (editing) {
        await update({ id: editing.id, body: { ...body, version: editing.version ?? 0 } }).unwrap()
        onDone?.()
      } else {
        await create(body).unwrap()
        setName('')
      }
    } catch {
      /* shown from state.error */
    }
  }
  return (
    <form onSubmit={submit} noValidate aria-label={editing ? 'Edit template' : 'New template'} className="grid grid-cols-1 gap-3 sm:grid-cols-2">
      <Field label="Template name" error={error ?? server.name}>
        {(p) => <Input {...p} value={name} onChange={(e) => setName(e.target.value)} />}
      </Field>
      <Field label="Source" error={server.source}>
        {(p) => (
          <Select {...p} value={source} onChange={(e) => { setSource(e.target.value); setOptions({}) }}>
            {(collectors.data?.map((c) => c.name) ?? ['synthetic', 'yahoo', 'coinbase', 'fred', 'csv']).map((s) => (
              <option key={s}>{s}</option>
            ))}
          </Select>
        )}
      </Field>
      <Field label="Interval" error={server.interval}>
        {(p) => (
          <Select {...p} value={interval} onChange={(e) => setInterval(e.target.value)}>
            {chartIntervals.map((i) => (
              <option key={i}>{i}</option>
            ))}
          </Select>
        )}
      </Field>
      <Field label="Mode">
        {(p) => (
          <Select {...p} value={mode} onChange={(e) => setMode(e.target.value)}>
            <option>incremental</option>
            <option>batch</option>
          </Select>
        )}
      </Field>
      <Field label="Cron" error={server.cron ?? server['schedule.cron']}>
        {(p) => <Input {...p} value={cron} onChange={(e) => setCron(e.target.value)} className="font-mono" />}
      </Field>
      <Field label="Symbols (optional)">
        {(p) => <Input {...p} value={symbols} onChange={(e) => setSymbols(e.target.value)} />}
      </Field>
      <div className="sm:col-span-2">
        <SourceOptionsFields collector={collectors.data?.find((c) => c.name === source)} value={options} onChange={setOptions} error={(k) => server[`options.${k}`] ?? server[k]} />
      </div>
      <div className="sm:col-span-2">
        {stale && onReload ? <StaleNotice what="template" onReload={onReload} /> : null}
        {state.error && !stale ? <ErrorMessage error={state.error} title="The template was not saved" /> : null}
        <div className="flex flex-wrap gap-2">
          <Button type="submit" disabled={state.isLoading}>Save template</Button>
          {editing && onDone && <Button variant="secondary" onClick={onDone}>Cancel</Button>}
        </div>
      </div>
    </form>
  )
}
