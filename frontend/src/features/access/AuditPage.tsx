import { useState } from 'react'
import { Card, PageHeader } from '../../components/Card'
import { DataTable, type Column } from '../../components/DataTable'
import { Field, Input, Select } from '../../components/Form'
import { Pagination } from '../../components/Pagination'
import { QueryState } from '../../components/QueryState'
import { RoleNote } from '../../components/RoleNote'
import { fmtTime } from '../../utils/format'
import { useCan } from '../auth/authApi'
import { type AuditEntryDto, useListAuditQuery } from './accessApi'

const columns: Column<AuditEntryDto>[] = [
  { header: 'When', cellClassName: 'num', cell: (a) => fmtTime(a.time) },
  { header: 'Who', cell: (a) => <>{a.userName ?? '—'}{a.apiKeyId ? <span className="ml-1 text-xs text-slate-600 dark:text-slate-400">(API key)</span> : null}</> },
  { header: 'What', cell: (a) => <code className="break-all">{a.method} {a.path}</code> },
  { header: 'Changed', cellClassName: 'text-xs', cell: (a) => a.changes },
]

/** Every successful change: who made it, with which key, what and when (admins only). */
export default function AuditPage() {
  const can = useCan('admin')
  const [user, setUser] = useState('')
  const [method, setMethod] = useState('')
  const [path, setPath] = useState('')
  const [page, setPage] = useState(1)
  const audit = useListAuditQuery({ user: user || undefined, method: method || undefined, path: path || undefined, page }, { skip: !can.allowed })
  return (
    <>
      <PageHeader title="Audit log" />
      <RoleNote needed="admin" what="The audit log is for admins." />
      {can.allowed && (
        <Card>
          <div className="mb-3 grid gap-3 sm:grid-cols-3">
            <Field label="User">{(p) => <Input {...p} value={user} onChange={(e) => { setUser(e.target.value); setPage(1) }} />}</Field>
            <Field label="Method">
              {(p) => (
                <Select {...p} value={method} onChange={(e) => { setMethod(e.target.value); setPage(1) }}>
                  <option value="">any</option>
                  {['POST', 'PUT', 'PATCH', 'DELETE'].map((m) => <option key={m} value={m}>{m}</option>)}
                </Select>
              )}
            </Field>
            <Field label="Path starts with">{(p) => <Input {...p} value={path} onChange={(e) => { setPath(e.target.value); setPage(1) }} />}</Field>
          </div>
          <QueryState query={audit} isEmpty={(d) => d.items.length === 0} empty={<p className="text-sm">No changes recorded.</p>} loadingLabel="Loading the audit log…">
            {(d) => (
              <>
                <DataTable caption="Audit log" columns={columns} rows={d.items} rowKey={(a) => a.id} />
                {d.totalPages > 1 && <Pagination page={d.page} totalPages={d.totalPages} totalCount={d.totalCount} onPage={setPage} />}
              </>
            )}
          </QueryState>
        </Card>
      )}
    </>
  )
}
