import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react'
import { fieldErrors } from '../../api/problem'
import type { AlertRuleDto, NotificationChannelDto } from '../../api/schemas'
import { Button, Field, Input, Select, SelectField } from '../../components/Form'
import { ErrorMessage } from '../../components/QueryState'
import { useListAssetsQuery } from '../assets/assetsApi'
import { chartIntervals, intervalLabel } from '../marketData/intervals'
import { PortfolioField } from '../portfolio/PortfolioField'
import { useListJobsQuery } from '../scheduler/schedulerApi'
import { alertKinds, channelLabel, channels, emptyAlert, fromRule, kindLabel, seriesKinds, toAlertInput, validateAlert, type AlertFormValues, type Channel } from './alertForm'
import { useCreateAlertMutation, useListChannelsQuery, useUpdateAlertMutation } from './alertsApi'

type Props = {
  /** The rule to edit; without one the form creates a rule. */
  rule?: AlertRuleDto
  /** Values to start a new rule from, e.g. an asset and its last price. */
  initial?: Partial<AlertFormValues>
  onSaved?: (rule: AlertRuleDto) => void
  onCancel?: () => void
}

const kindHelp: Record<string, string> = {
  price: 'Fires once when the price reaches the level, then re-arms after it goes back past the level by the hysteresis.',
  move: 'Fires when the close moves by the percentage against the close N bars earlier.',
  volume: 'Fires when a bar’s volume is more than K times the median volume of the N bars before it.',
  stale: 'Fires when no new bar arrives for N expected periods.',
  job: 'Fires when a run of the job fails, times out, or is skipped because a job it depends on failed.',
  portfolio: 'Checked on a schedule: fires when the portfolio’s drawdown goes beyond the limit, or when a day’s loss exceeds its one-day historical VaR.',
}

/** Create or edit one alert rule: the kind decides which fields show; the server's field errors show in place. */
export function RuleForm({ rule, initial, onSaved, onCancel }: Props) {
  const [v, setV] = useState<AlertFormValues>(() => (rule ? fromRule(rule) : { ...emptyAlert, ...initial }))
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [create, created] = useCreateAlertMutation()
  const [update, updated] = useUpdateAlertMutation()
  const state = rule ? updated : created
  const server = fieldErrors(state.error)
  const err = (k: string) => errors[k] ?? server[k]
  const set = <K extends keyof AlertFormValues>(k: K, value: AlertFormValues[K]) => setV((x) => ({ ...x, [k]: value }))
  const series = seriesKinds.includes(v.kind)
  const assets = useListAssetsQuery({ q: v.symbol.trim() || undefined, pageSize: 20 }, { skip: !series })
  const jobs = useListJobsQuery({ pageSize: 200 }, { skip: v.kind !== 'job' })
  const channelList = useListChannelsQuery(undefined, { skip: !v.channels.some((c) => c !== 'inapp') })
  const saved = {
    webhook: (channelList.data ?? []).filter((c) => c.kind === 'webhook'),
    email: (channelList.data ?? []).filter((c) => c.kind === 'email'),
  }
  const uid = useId()
  const summary = useRef<HTMLParagraphElement>(null)
  const [refusals, setRefusals] = useState(0)
  // After the summary has rendered: keyboard and screen-reader users start from what needs fixing.
  useEffect(() => {
    if (refusals) summary.current?.focus()
  }, [refusals])
  const what = rule ? 'Edit rule' : 'New alert rule'

  async function submit(e: FormEvent) {
    e.preventDefault()
    const found = validateAlert(v, rule?.hasWebhookSecret ?? false)
    setErrors(found)
    if (Object.keys(found).length) {
      setRefusals((n) => n + 1)
      return
    }
    try {
      const body = toAlertInput(v)
      const saved = rule ? await update({ id: rule.id, body }).unwrap() : await create(body).unwrap()
      if (!rule) setV({ ...emptyAlert })
      onSaved?.(saved)
    } catch {
      /* shown from state.error */
    }
  }

  const toggleChannel = (c: Channel, on: boolean) => set('channels', on ? [...v.channels, c] : v.channels.filter((x) => x !== c))
  const errorCount = Object.keys(errors).length
  const numeric = (key: keyof AlertFormValues, label: string, hint?: ReactNode) => (
    <Field label={label} error={err(key.toLowerCase())} hint={hint}>
      {(p) => <Input {...p} inputMode="decimal" value={v[key] as string} onChange={(e) => set(key, e.target.value as never)} autoComplete="off" />}
    </Field>
  )

  return (
    <form onSubmit={submit} noValidate aria-label={rule ? `Edit ${rule.name}` : what} className="space-y-4">
      {errorCount > 0 && (
        <p ref={summary} tabIndex={-1} role="alert" className="rounded-md bg-rose-50 p-2 text-sm text-rose-900 dark:bg-rose-950 dark:text-rose-100">
          {errorCount} field{errorCount === 1 ? ' needs' : 's need'} attention.
        </p>
      )}
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
        <Field label="Name" error={err('name')}>
          {(p) => <Input {...p} value={v.name} onChange={(e) => set('name', e.target.value)} maxLength={200} required autoComplete="off" />}
        </Field>
        <Field label="Cooldown (seconds)" error={err('cooldownseconds')} hint="After a firing, the rule stays quiet this long; 0 for none">
          {(p) => <Input {...p} inputMode="numeric" value={v.cooldownSeconds} onChange={(e) => set('cooldownSeconds', e.target.value)} autoComplete="off" />}
        </Field>
      </div>

      <fieldset className="rounded-md border border-slate-300 p-3 dark:border-slate-700" aria-describedby={`${uid}-kind-help`}>
        <legend className="px-1 text-sm font-medium">Fires on</legend>
        <div className="mb-2 flex flex-wrap gap-4 text-sm">
          {alertKinds.map((k) => (
            <label key={k} className="flex items-center gap-1.5">
              <input type="radio" name={`${uid}-kind`} value={k} checked={v.kind === k} onChange={() => set('kind', k as AlertFormValues['kind'])} />
              {kindLabel[k]}
            </label>
          ))}
        </div>
        <p id={`${uid}-kind-help`} className="mb-3 text-xs text-slate-600 dark:text-slate-400">{kindHelp[v.kind]}</p>
        {err('kind') && <p className="mb-2 text-xs font-medium text-rose-700 dark:text-rose-400">{err('kind')}</p>}

        <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-4">
          {series && (
            <>
              <Field label="Symbol" error={err('symbol')} hint="A known asset, e.g. AAPL">
                {(p) => (
                  <>
                    <Input {...p} value={v.symbol} onChange={(e) => set('symbol', e.target.value)} list={`${uid}-symbols`} autoComplete="off" spellCheck={false} />
                    <datalist id={`${uid}-symbols`}>
                      {(assets.data?.items ?? []).map((a) => <option key={a.symbol} value={a.symbol}>{a.name}</option>)}
                    </datalist>
                  </>
                )}
              </Field>
              <SelectField label="Interval" error={err('interval')} value={v.interval} options={chartIntervals} onChange={(x) => set('interval', x)}
                show={(x) => intervalLabel[x] ?? x} />
            </>
          )}
          {v.kind === 'price' && (
            <>
              <SelectField label="Direction" error={err('direction')} value={v.priceDirection} options={['above', 'below']}
                onChange={(x) => set('priceDirection', x as AlertFormValues['priceDirection'])} show={(x) => (x === 'above' ? 'Crosses above' : 'Crosses below')} />
              <SelectField label="Price field" error={err('field')} value={v.field} options={['close', 'high', 'low']}
                onChange={(x) => set('field', x as AlertFormValues['field'])} show={(x) => `Bar ${x}`} />
              {numeric('level', 'Level')}
              {numeric('hysteresis', 'Hysteresis', 'How far back past the level the price must go to re-arm')}
            </>
          )}
          {v.kind === 'move' && (
            <>
              <SelectField label="Direction" error={err('direction')} value={v.moveDirection} options={['either', 'up', 'down']}
                onChange={(x) => set('moveDirection', x as AlertFormValues['moveDirection'])} show={(x) => (x === 'either' ? 'Up or down' : x === 'up' ? 'Up' : 'Down')} />
              {numeric('percent', 'Move (%)', 'e.g. 5 for ±5 %')}
              {numeric('bars', 'Over bars', '0 compares with the previous day’s close')}
            </>
          )}
          {v.kind === 'volume' && (
            <>
              {numeric('multiplier', 'Multiple of the median (K)', 'e.g. 3 for three times')}
              {numeric('bars', 'Median of bars (N)', '1 to 1,000')}
            </>
          )}
          {v.kind === 'stale' && numeric('bars', 'Missing periods', '1 to 1,000')}
          {v.kind === 'portfolio' && (
            <>
              <PortfolioField value={v.portfolioId} onChange={(x) => set('portfolioId', x)} error={err('portfolioid')} className="sm:col-span-2" />
              <SelectField label="Watch" error={err('field')} value={v.measure} options={['drawdown', 'var']}
                onChange={(x) => set('measure', x as AlertFormValues['measure'])} show={(x) => (x === 'var' ? 'Day’s loss beyond VaR' : 'Drawdown')} />
              {v.measure === 'drawdown'
                ? numeric('percent', 'Drawdown beyond (%)', 'e.g. 10 for a fall of 10 % from the peak')
                : numeric('confidence', 'VaR confidence (%)', '50 to below 100, e.g. 95')}
            </>
          )}
          {v.kind === 'job' && (
            <Field label="Job" error={err('jobid')} className="sm:col-span-2">
              {(p) => (
                <Select {...p} value={v.jobId} onChange={(e) => set('jobId', e.target.value)}>
                  <option value="">{jobs.isLoading ? 'Loading jobs…' : 'Choose a job'}</option>
                  {(jobs.data?.items ?? []).map((j) => <option key={j.id} value={j.id}>{j.name}</option>)}
                </Select>
              )}
            </Field>
          )}
        </div>
      </fieldset>

      <fieldset className="rounded-md border border-slate-300 p-3 dark:border-slate-700" aria-describedby={err('channels') ? `${uid}-channels-err` : undefined}>
        <legend className="px-1 text-sm font-medium">Tell me by</legend>
        <div className="mb-2 flex flex-wrap gap-4 text-sm">
          {channels.map((c) => (
            <label key={c} className="flex items-center gap-1.5">
              <input type="checkbox" checked={v.channels.includes(c)} onChange={(e) => toggleChannel(c, e.target.checked)} />
              {channelLabel[c]}
            </label>
          ))}
        </div>
        {err('channels') && <p id={`${uid}-channels-err`} className="mb-2 text-xs font-medium text-rose-700 dark:text-rose-400">{err('channels')}</p>}
        <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
          {v.channels.includes('webhook') && (saved.webhook.length > 0 || v.webhookChannelId) && (
            <SavedChannel label="Webhook channel" error={err('webhookchannelid')} value={v.webhookChannelId} options={saved.webhook}
              onChange={(x) => set('webhookChannelId', x)} />
          )}
          {v.channels.includes('webhook') && !v.webhookChannelId && (
            <>
              <Field label="Webhook URL" error={err('webhookurl')} hint="Receives a signed JSON POST for each firing">
                {(p) => <Input {...p} type="url" value={v.webhookUrl} onChange={(e) => set('webhookUrl', e.target.value)} autoComplete="off" spellCheck={false} />}
              </Field>
              <Field label="Webhook secret" error={err('webhooksecret')}
                hint={rule?.hasWebhookSecret ? 'Leave blank to keep the current secret' : '16 to 200 characters; signs each request (HMAC-SHA256)'}>
                {(p) => <Input {...p} type="password" value={v.webhookSecret} onChange={(e) => set('webhookSecret', e.target.value)} autoComplete="new-password" />}
              </Field>
            </>
          )}
          {v.channels.includes('email') && (saved.email.length > 0 || v.emailChannelId) && (
            <SavedChannel label="Email channel" error={err('emailchannelid')} value={v.emailChannelId} options={saved.email}
              onChange={(x) => set('emailChannelId', x)} />
          )}
          {v.channels.includes('email') && !v.emailChannelId && (
            <Field label="Email address" error={err('email')}>
              {(p) => <Input {...p} type="email" value={v.email} onChange={(e) => set('email', e.target.value)} autoComplete="email" />}
            </Field>
          )}
        </div>
      </fieldset>

      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" checked={v.enabled} onChange={(e) => set('enabled', e.target.checked)} /> Enabled (a paused rule is not evaluated)
      </label>
      {state.error ? <ErrorMessage error={state.error} title={rule ? 'The rule was not saved' : 'The rule was not created'} /> : null}
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={state.isLoading}>{state.isLoading ? 'Saving…' : rule ? 'Save rule' : 'Create rule'}</Button>
        {onCancel && <Button variant="secondary" onClick={onCancel}>Cancel</Button>}
      </div>
    </form>
  )
}

/** A choice among the user's saved channels of one kind, or a new address written below (blank). */
function SavedChannel({ label, error, value, options, onChange }: {
  label: string; error?: string; value: string; options: NotificationChannelDto[]; onChange: (id: string) => void
}) {
  return (
    <Field label={label} error={error} hint="Saved under the Channels tab">
      {(p) => (
        <Select {...p} value={value} onChange={(e) => onChange(e.target.value)}>
          <option value="">A new address…</option>
          {options.map((c) => <option key={c.id} value={c.id}>{c.name} ({c.kind === 'webhook' ? c.url : c.email})</option>)}
        </Select>
      )}
    </Field>
  )
}
