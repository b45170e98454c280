import { useState, type FormEvent } from 'react'
import { fieldErrors } from '../../api/problem'
import type { NotificationChannelDto } from '../../api/schemas'
import { DataTable, type Column } from '../../components/DataTable'
import { Button, Field, Input, SelectField } from '../../components/Form'
import { ErrorMessage, QueryState } from '../../components/QueryState'
import { RoleNote } from '../../components/RoleNote'
import { fmtTime } from '../../utils/format'
import { useCan } from '../auth/authApi'
import { useCreateChannelMutation, useDeleteChannelMutation, useListChannelsQuery, useTestChannelMutation } from './alertsApi'

const small = '!px-2 !py-0.5 text-xs'
const kinds = ['webhook', 'email'] as const
const kindText: Record<string, string> = { webhook: 'Webhook', email: 'Email' }

// How the latest delivery went (docs/api/alerts.md): failing means given up after the retries, or refused.
const healthLook: Record<string, { text: string; className: string }> = {
  ok: { text: 'Delivering', className: 'bg-emerald-100 text-emerald-900 dark:bg-emerald-900 dark:text-emerald-100' },
  retrying: { text: 'Retrying', className: 'bg-amber-100 text-amber-900 dark:bg-amber-900 dark:text-amber-100' },
  failing: { text: 'Failing', className: 'bg-rose-100 text-rose-900 dark:bg-rose-900 dark:text-rose-100' },
  unused: { text: 'Nothing sent yet', className: 'bg-slate-200 text-slate-900 dark:bg-slate-700 dark:text-slate-100' },
}

function Health({ health }: { health: NotificationChannelDto['health'] }) {
  const look = healthLook[health.status] ?? healthLook.unused
  const why = health.error ?? (health.statusCode ? `answered ${health.statusCode}` : null)
  return (
    <>
      <span data-testid="channel-health" className={`inline-block whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-medium ${look.className}`}>{look.text}</span>
      {health.lastAttemptAt && (
        <span className="block text-xs text-slate-600 dark:text-slate-400">
          {fmtTime(health.lastAttemptAt)}{health.status !== 'ok' && why ? ` · ${why}` : ''}
        </span>
      )}
    </>
  )
}

/** The signed-in user's webhook endpoints and email addresses, which rules choose to be told on; each can be sent a test. */
export function ChannelsPanel() {
  const channels = useListChannelsQuery()
  const [remove, removeState] = useDeleteChannelMutation()
  const [test, testState] = useTestChannelMutation()
  const [outcome, setOutcome] = useState<string | null>(null)
  const can = useCan('analyst')
  const gate = { disabled: !can.allowed, title: can.reason }

  async function sendTest(c: NotificationChannelDto) {
    setOutcome(null)
    try {
      const r = await test(c.id).unwrap()
      setOutcome(`Test to ${c.name}: ${r.status}${r.statusCode ? ` (${r.statusCode})` : ''}${r.error ? ` — ${r.error}` : ''}.`)
    } catch {
      /* shown from testState.error */
    }
  }

  const columns: Column<NotificationChannelDto>[] = [
    { header: 'Name', rowHeader: true, cell: (c) => c.name },
    { header: 'Kind', cell: (c) => kindText[c.kind] ?? c.kind },
    { header: 'Target', cellClassName: 'break-all', cell: (c) => (c.kind === 'webhook' ? c.url : c.email) },
    { header: 'Rules', cellClassName: 'num', cell: (c) => c.rules.toLocaleString('en-US') },
    { header: 'Last delivery', cell: (c) => <Health health={c.health} /> },
    {
      header: <span className="sr-only">Actions</span>,
      cellClassName: 'text-right whitespace-nowrap',
      cell: (c) => (
        <span className="inline-flex gap-1">
          <Button {...gate} variant="secondary" className={small} onClick={() => sendTest(c)} aria-label={`Send test to ${c.name}`}>Send test</Button>
          <Button {...gate} variant="secondary" className={small} aria-label={`Delete ${c.name}`}
            onClick={() => { if (confirm(`Delete the channel ${c.name}?`)) remove(c.id) }}>Delete</Button>
        </span>
      ),
    },
  ]

  return (
    <div className="space-y-4">
      <RoleNote needed="analyst" what="Adding, testing and deleting channels is disabled." />
      {removeState.error || testState.error ? <ErrorMessage error={removeState.error ?? testState.error} title="The action failed" /> : null}
      <p role="status" className="text-sm text-emerald-800 dark:text-emerald-300">{outcome}</p>
      <QueryState query={channels} isEmpty={(d) => d.length === 0} loadingLabel="Loading channels…"
        empty={<p className="text-sm">No channels yet. Add a webhook or an email address below; rules then choose them.</p>}>
        {(d) => <DataTable caption="Notification channels" columns={columns} rows={d} rowKey={(c) => c.id} rowProps={(c) => ({ 'data-channel-name': c.name })} />}
      </QueryState>
      {can.allowed && <ChannelForm />}
    </div>
  )
}

function ChannelForm() {
  const [v, setV] = useState({ name: '', kind: 'webhook', url: '', secret: '', email: '' })
  const [create, state] = useCreateChannelMutation()
  const server = fieldErrors(state.error)
  const set = (k: keyof typeof v, value: string) => setV((x) => ({ ...x, [k]: value }))

  async function submit(e: FormEvent) {
    e.preventDefault()
    const webhook = v.kind === 'webhook'
    try {
      await create({ name: v.name, kind: v.kind, url: webhook ? v.url : null, secret: webhook ? v.secret : null, email: webhook ? null : v.email }).unwrap()
      setV({ name: '', kind: v.kind, url: '', secret: '', email: '' })
    } catch {
      /* the field errors show in place */
    }
  }

  return (
    <form aria-label="New channel" onSubmit={submit} className="grid grid-cols-1 gap-3 rounded-md border border-slate-200 p-3 sm:grid-cols-2 dark:border-slate-800">
      <h2 className="text-base font-semibold sm:col-span-2">Add a channel</h2>
      <Field label="Channel name" error={server['name']}>
        {(p) => <Input {...p} value={v.name} onChange={(e) => set('name', e.target.value)} required maxLength={200} />}
      </Field>
      <SelectField label="Channel kind" error={server['kind']} value={v.kind} options={kinds} onChange={(x) => set('kind', x)} show={(k) => kindText[k] ?? k} />
      {v.kind === 'webhook' ? (
        <>
          <Field label="Address" error={server['webhookurl']} hint="Must be among the allowed webhook targets">
            {(p) => <Input {...p} type="url" value={v.url} onChange={(e) => set('url', e.target.value)} required autoComplete="off" spellCheck={false} />}
          </Field>
          <Field label="Signing secret" error={server['webhooksecret']} hint="16 to 200 characters; never shown again">
            {(p) => <Input {...p} type="password" value={v.secret} onChange={(e) => set('secret', e.target.value)} required autoComplete="new-password" />}
          </Field>
        </>
      ) : (
        <Field label="Email address" error={server['email']}>
          {(p) => <Input {...p} type="email" value={v.email} onChange={(e) => set('email', e.target.value)} required autoComplete="email" />}
        </Field>
      )}
      {state.error && Object.keys(server).length === 0 ? <ErrorMessage error={state.error} title="The channel was not added" /> : null}
      <div className="sm:col-span-2">
        <Button type="submit" disabled={state.isLoading}>Add channel</Button>
      </div>
    </form>
  )
}
