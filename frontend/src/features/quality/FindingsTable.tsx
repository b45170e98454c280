import { useState } from 'react'
import { problemMessage } from '../../api/problem'
import { StatusBadge } from '../../components/Badges'
import { DataTable, type Column } from '../../components/DataTable'
import { Button, Field, Select } from '../../components/Form'
import { Pagination } from '../../components/Pagination'
import { QueryState } from '../../components/QueryState'
import { RoleNote } from '../../components/RoleNote'
import { fmtInt, fmtTime } from '../../utils/format'
import { useCan } from '../auth/authApi'
import { findingName, fmtBarTime, kindName } from './findingText'
import { findingStatuses, useDecideFindingMutation, useListFindingsQuery, type Finding, type FindingStatus } from './qualityApi'

type Decision = 'accept' | 'reject'
const decided: Record<Decision, string> = { accept: 'Accepted', reject: 'Rejected' }
const small = 'block text-xs text-slate-600 dark:text-slate-400'
const compact = '!px-2 !py-0.5 text-xs'

/** One series' findings, newest bar first, each open one with its decision buttons. */
export function FindingsTable({ symbol, interval }: { symbol: string; interval: string }) {
  const [status, setStatus] = useState<FindingStatus | ''>('')
  const [page, setPage] = useState(1)
  const findings = useListFindingsQuery({ symbol, interval, status: status || undefined, page, pageSize: 20 })
  const [decide, deciding] = useDecideFindingMutation()
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null)
  const can = useCan('analyst')

  async function act(finding: Finding, decision: Decision) {
    setOutcome(null)
    try {
      await decide({ finding, decision }).unwrap()
      setOutcome({ ok: true, text: `${decided[decision]} ${findingName(finding)}.` })
    } catch (e) {
      setOutcome({ ok: false, text: `${findingName(finding)} was not ${decision === 'accept' ? 'accepted' : 'rejected'}: ${problemMessage(e)}` })
    }
  }

  // The accessible name starts with the visible label and says which finding: "Accept outlier on 2024-01-05".
  const button = (f: Finding, decision: Decision, label: string, joiner = ' ') => (
    <Button variant="secondary" className={compact} disabled={!can.allowed || deciding.isLoading} title={can.reason}
      aria-label={`${label}${joiner}${findingName(f)}`} onClick={() => act(f, decision)}>
      {label}
    </Button>
  )

  const columns: Column<Finding>[] = [
    { header: 'Kind', rowHeader: true, cell: (f) => kindName(f.kind) },
    { header: 'Bar time', cellClassName: 'num whitespace-nowrap', cell: (f) => fmtBarTime(f.barTime) },
    { header: 'Severity', cell: (f) => f.severity },
    {
      header: 'Detail',
      cellClassName: 'min-w-[12rem] break-words',
      cell: (f) => (
        <>
          {f.detail}
          {f.bars > 1 && <span className={small}>{fmtInt(f.bars)} bars</span>}
        </>
      ),
    },
    {
      header: 'Status',
      cell: (f) => (
        <>
          <StatusBadge status={f.status} />
          {f.quarantined && <span className={small}>bar quarantined</span>}
          {f.decidedAt && <span className={small}>by {f.decidedBy ?? 'unknown'}, {fmtTime(f.decidedAt)}</span>}
        </>
      ),
    },
    {
      header: <span className="sr-only">Decision</span>,
      cellClassName: 'whitespace-nowrap',
      // A decision can be changed by deciding again.
      cell: (f) =>
        f.status === 'open' ? (
          <span className="inline-flex gap-1">{button(f, 'accept', 'Accept')}{button(f, 'reject', 'Reject')}</span>
        ) : f.status === 'accepted' ? button(f, 'reject', 'Reject instead', ': ') : button(f, 'accept', 'Accept instead', ': '),
    },
  ]

  return (
    <div>
      <RoleNote needed="analyst" what="Accepting and rejecting findings is disabled." />
      <div className="mb-3 grid gap-3 sm:grid-cols-3">
        <Field label="Status">
          {(p) => (
            <Select {...p} value={status} onChange={(e) => { setStatus(e.target.value as FindingStatus | ''); setPage(1) }}>
              <option value="">any</option>
              {findingStatuses.map((s) => <option key={s} value={s}>{s}</option>)}
            </Select>
          )}
        </Field>
      </div>
      <p role="status" className="mb-2 text-sm text-emerald-800 dark:text-emerald-300">{outcome?.ok ? outcome.text : ''}</p>
      {outcome?.ok === false && <p role="alert" className="mb-2 text-sm text-rose-800 dark:text-rose-300">{outcome.text}</p>}
      <QueryState query={findings} loadingLabel="Loading findings…" isEmpty={(d) => d.items.length === 0}
        empty={<p className="text-sm">{status ? `No ${status} findings.` : 'No findings: every check passed.'}</p>}>
        {(d) => (
          <>
            <DataTable caption={`Findings of ${symbol} ${interval}, newest bar first`} columns={columns} rows={d.items} rowKey={(f) => f.id}
              rowProps={(f) => ({ 'data-finding': String(f.id) })} alignTop />
            {d.totalPages > 1 && <Pagination page={d.page} totalPages={d.totalPages} totalCount={d.totalCount} onPage={setPage} />}
          </>
        )}
      </QueryState>
    </div>
  )
}
