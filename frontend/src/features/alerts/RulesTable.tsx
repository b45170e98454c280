import { useState } from 'react'
import type { AlertRuleDto } from '../../api/schemas'
import { DataTable, type Column } from '../../components/DataTable'
import { Button } from '../../components/Form'
import { Pagination } from '../../components/Pagination'
import { ErrorMessage, QueryState } from '../../components/QueryState'
import { RoleNote } from '../../components/RoleNote'
import { fmtTime } from '../../utils/format'
import { useCan } from '../auth/authApi'
import { useListPortfoliosQuery } from '../portfolio/portfolioApi'
import { useListJobsQuery } from '../scheduler/schedulerApi'
import { channelLabel, describeCondition, kindLabel, withEnabled } from './alertForm'
import { useDeleteAlertMutation, useListAlertsQuery, useTestAlertMutation, useUpdateAlertMutation } from './alertsApi'

type Props = {
  selected: string | null
  onEdit: (rule: AlertRuleDto) => void
  onHistory: (rule: AlertRuleDto) => void
  onDeleted?: (id: string) => void
}

const small = '!px-2 !py-0.5 text-xs'

/** The signed-in user's rules, by name, with what each watches and the actions on it. */
export function RulesTable({ selected, onEdit, onHistory, onDeleted }: Props) {
  const [page, setPage] = useState(1)
  const rules = useListAlertsQuery({ page, pageSize: 25 })
  const hasJobRules = rules.data?.items.some((r) => r.kind === 'job') ?? false
  const jobs = useListJobsQuery({ pageSize: 200 }, { skip: !hasJobRules })
  const portfolios = useListPortfoliosQuery(undefined, { skip: !rules.data?.items.some((r) => r.kind === 'portfolio') })
  const [update, updateState] = useUpdateAlertMutation()
  const [remove, removeState] = useDeleteAlertMutation()
  const [test, testState] = useTestAlertMutation()
  const [tested, setTested] = useState<string | null>(null)
  const can = useCan('analyst')
  const gate = { disabled: !can.allowed, title: can.reason }
  const actionError = updateState.error ?? removeState.error ?? testState.error
  const jobName = (id: string | null) => jobs.data?.items.find((j) => j.id === id)?.name ?? 'a job'
  const portfolioName = (id: string | null | undefined) => portfolios.data?.find((p) => p.id === id)?.name ?? 'a portfolio'

  async function sendTest(r: AlertRuleDto) {
    setTested(null)
    try {
      await test(r.id).unwrap()
      setTested(`Test sent for ${r.name} on ${r.channels.map((c) => channelLabel[c] ?? c).join(', ')}. It is not stored as a firing.`)
    } catch {
      /* shown from testState.error */
    }
  }

  const columns: Column<AlertRuleDto>[] = [
    { header: 'Name', rowHeader: true, cell: (r) => r.name },
    { header: 'Kind', cell: (r) => kindLabel[r.kind] ?? r.kind },
    { header: 'Watches', cell: (r) => (r.kind === 'job' ? jobName(r.jobId) : r.kind === 'portfolio' ? portfolioName(r.portfolioId) : `${r.symbol ?? '—'} · ${r.interval ?? '—'}`) },
    {
      header: 'Condition',
      cell: (r) => (
        <>
          {describeCondition(r)}
          {r.cooldownSeconds > 0 && <span className="block text-xs text-slate-600 dark:text-slate-400">cooldown {r.cooldownSeconds.toLocaleString('en-US')} s</span>}
        </>
      ),
    },
    { header: 'Channels', cell: (r) => r.channels.map((c) => channelLabel[c] ?? c).join(', ') },
    {
      header: 'State',
      cell: (r) => (
        <span data-testid="rule-state" className={`inline-block whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-medium ${r.enabled ? 'bg-emerald-100 text-emerald-900 dark:bg-emerald-900 dark:text-emerald-100' : 'bg-slate-200 text-slate-900 dark:bg-slate-700 dark:text-slate-100'}`}>
          {r.enabled ? (r.kind === 'price' && !r.armed ? 'on · waiting to re-arm' : 'on') : 'paused'}
        </span>
      ),
    },
    { header: 'Last fired', cellClassName: 'num whitespace-nowrap', cell: (r) => (r.lastFiredAt ? fmtTime(r.lastFiredAt) : 'never') },
    {
      header: <span className="sr-only">Actions</span>,
      cellClassName: 'text-right whitespace-nowrap',
      cell: (r) => (
        <span className="inline-flex gap-1">
          <Button {...gate} variant="secondary" className={small} onClick={() => onEdit(r)} aria-label={`Edit ${r.name}`}>Edit</Button>
          <Button {...gate} variant="secondary" className={small} onClick={() => update({ id: r.id, body: withEnabled(r, !r.enabled) })}
            aria-label={`${r.enabled ? 'Pause' : 'Resume'} ${r.name}`}>{r.enabled ? 'Pause' : 'Resume'}</Button>
          <Button {...gate} variant="secondary" className={small} onClick={() => sendTest(r)} aria-label={`Send test: ${r.name}`}>Send test</Button>
          <Button variant="secondary" className={small} aria-pressed={selected === r.id} onClick={() => onHistory(r)} aria-label={`History of ${r.name}`}>History</Button>
          <Button {...gate} variant="secondary" className={small} onClick={() => { if (confirm(`Delete the rule ${r.name}? Its firings go with it.`)) remove(r.id).unwrap().then(() => onDeleted?.(r.id), () => undefined) }}
            aria-label={`Delete ${r.name}`}>Delete</Button>
        </span>
      ),
    },
  ]

  return (
    <div>
      <RoleNote needed="analyst" what="Creating, changing and testing rules is disabled." />
      {actionError ? <ErrorMessage error={actionError} title="The action failed" /> : null}
      <p role="status" className="text-sm text-emerald-800 dark:text-emerald-300">{tested}</p>
      <QueryState query={rules} isEmpty={(d) => d.items.length === 0} loadingLabel="Loading alert rules…"
        empty={<p className="text-sm">No alert rules yet. Create one in the “New rule” tab.</p>}>
        {(d) => (
          <>
            <DataTable caption="Alert rules" columns={columns} rows={d.items} rowKey={(r) => r.id}
              rowProps={(r) => ({ 'data-rule-name': r.name, 'data-kind': r.kind, 'aria-current': selected === r.id ? 'true' : undefined })} />
            {d.totalPages > 1 && <Pagination page={d.page} totalPages={d.totalPages} totalCount={d.totalCount} onPage={setPage} />}
          </>
        )}
      </QueryState>
    </div>
  )
}
