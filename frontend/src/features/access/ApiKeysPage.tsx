import { useState, type FormEvent } from 'react'
import { fieldErrors, problemMessage } from '../../api/problem'
import { Card, PageHeader } from '../../components/Card'
import { DataTable, type Column } from '../../components/DataTable'
import { Button, Field, Input, Select } from '../../components/Form'
import { QueryState } from '../../components/QueryState'
import { fmtTime } from '../../utils/format'
import { useMeQuery, type Role } from '../auth/authApi'
import { useCreateKeyMutation, useListKeysQuery, useRevokeKeyMutation, type ApiKeyDto, type CreatedApiKey } from './accessApi'

const scopes = [
  { scope: 'read', needs: 'viewer' as Role, label: 'read (viewer)' },
  { scope: 'write', needs: 'analyst' as Role, label: 'write (analyst)' },
  { scope: 'admin', needs: 'admin' as Role, label: 'admin' },
]
const rank: Record<Role, number> = { viewer: 0, analyst: 1, admin: 2 }

/** Each user's API keys (an admin sees everyone's): create one, see it once, revoke it. */
export default function ApiKeysPage() {
  const me = useMeQuery()
  const keys = useListKeysQuery()
  const [revoke, revokeState] = useRevokeKeyMutation()
  const [created, setCreated] = useState<CreatedApiKey | null>(null)
  const columns: Column<ApiKeyDto>[] = [
    { header: 'Name', cell: (k) => <><span className="font-medium">{k.name}</span> <code className="text-xs">{k.prefix}…</code></> },
    { header: 'Owner', cell: (k) => k.ownerName },
    { header: 'Scope', cell: (k) => `${k.scope}${k.metrics ? ' + metrics' : ''}` },
    { header: 'Last used', cellClassName: 'num', cell: (k) => fmtTime(k.lastUsedAt) },
    { header: 'Status', cell: (k) => (k.revokedAt ? 'revoked' : k.expiresAt && new Date(k.expiresAt) < new Date() ? 'expired' : 'active') },
    {
      header: <span className="sr-only">Actions</span>,
      cellClassName: 'text-right',
      cell: (k) => !k.revokedAt && <Button variant="danger" onClick={() => { if (confirm(`Revoke the key ${k.name}?`)) revoke(k.id) }} aria-label={`Revoke ${k.name}`}>Revoke</Button>,
    },
  ]
  return (
    <>
      <PageHeader title="API keys" />
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-3">
        <Card id="new-key" title="New key">
          <NewKeyForm role={me.data?.role ?? 'viewer'} onCreated={setCreated} />
          {created && (
            <div role="status" className="mt-3 rounded-md border border-emerald-300 bg-emerald-50 p-3 text-sm text-emerald-950 dark:border-emerald-800 dark:bg-emerald-950 dark:text-emerald-50">
              <p className="font-semibold">Copy the key now: it is not shown again.</p>
              <code data-testid="new-key-secret" className="mt-1 block break-all rounded bg-white px-1 py-0.5 text-slate-900 dark:bg-slate-900 dark:text-slate-100">{created.secret}</code>
            </div>
          )}
        </Card>
        <Card id="keys" title={me.data?.role === 'admin' ? 'Every key' : 'Your keys'} className="lg:col-span-2">
          {revokeState.error ? <p role="alert" className="mb-2 text-sm text-rose-700 dark:text-rose-400">{problemMessage(revokeState.error)}</p> : null}
          <QueryState query={keys} loadingLabel="Loading keys…">
            {(list) => (
              <DataTable caption="API keys" columns={columns} rows={list} rowKey={(k) => k.id} rowProps={(k) => ({ 'data-key': k.name })}
                empty={<p className="text-sm">No keys yet.</p>} />
            )}
          </QueryState>
        </Card>
      </div>
    </>
  )
}

function NewKeyForm({ role, onCreated }: { role: Role; onCreated: (k: CreatedApiKey) => void }) {
  const [create, state] = useCreateKeyMutation()
  const [name, setName] = useState('')
  const [scope, setScope] = useState('read')
  const [metrics, setMetrics] = useState(false)
  const [expires, setExpires] = useState('')
  const errors = fieldErrors(state.error)
  async function submit(e: FormEvent) {
    e.preventDefault()
    const r = await create({ name, scope, metrics, expiresAt: expires ? new Date(`${expires}T00:00:00Z`).toISOString() : null })
    if ('data' in r && r.data) {
      onCreated(r.data)
      setName('')
    }
  }
  return (
    <form aria-label="New key" onSubmit={submit} className="flex flex-col gap-3">
      <Field label="Name" error={errors.name}>{(p) => <Input {...p} value={name} onChange={(e) => setName(e.target.value)} autoComplete="off" />}</Field>
      <Field label="Scope" error={errors.scope} hint="A key never does more than your role allows.">
        {(p) => (
          <Select {...p} value={scope} onChange={(e) => setScope(e.target.value)}>
            {scopes.map((s) => (
              <option key={s.scope} value={s.scope} disabled={rank[s.needs] > rank[role]}>
                {s.label}{rank[s.needs] > rank[role] ? ` — needs the ${s.needs} role` : ''}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" checked={metrics} disabled={role !== 'admin'} onChange={(e) => setMetrics(e.target.checked)} />
        May scrape /metrics{role !== 'admin' ? ' (admins only)' : ''}
      </label>
      <Field label="Expires (optional)" error={errors.expiresAt}>{(p) => <Input {...p} type="date" value={expires} onChange={(e) => setExpires(e.target.value)} />}</Field>
      {state.error && !Object.keys(errors).length ? <p role="alert" className="text-sm text-rose-700 dark:text-rose-400">{problemMessage(state.error)}</p> : null}
      <Button type="submit" disabled={state.isLoading}>Create key</Button>
    </form>
  )
}
