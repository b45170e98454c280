import { useState } from 'react'
import { downloadFile } from '../../api/download'
import { problemMessage } from '../../api/problem'
import type { ReportDto } from '../../api/schemas'
import { Card, PageHeader } from '../../components/Card'
import { DataTable, type Column } from '../../components/DataTable'
import { Button } from '../../components/Form'
import { Pagination } from '../../components/Pagination'
import { QueryState } from '../../components/QueryState'
import { fmtTime } from '../../utils/format'
import { ReportForm } from './ReportForm'
import { kindLabel } from './reportForm'
import { useDeleteReportMutation, useListReportsQuery } from './reportsApi'

const statusLook: Record<string, string> = {
  queued: 'bg-slate-200 text-slate-900 dark:bg-slate-700 dark:text-slate-100',
  running: 'bg-sky-100 text-sky-900 dark:bg-sky-900 dark:text-sky-100',
  succeeded: 'bg-emerald-100 text-emerald-900 dark:bg-emerald-900 dark:text-emerald-100',
  failed: 'bg-rose-100 text-rose-900 dark:bg-rose-900 dark:text-rose-100',
}

const size = (n: number | null) => (n === null ? '' : n < 1024 * 1024 ? `${Math.max(1, Math.round(n / 1024))} KB` : `${(n / 1024 / 1024).toFixed(1)} MB`)

/** What a report was asked about, in a few words. */
function subject(r: ReportDto): string {
  const p = r.parameters
  const period = p.from || p.to ? ` · ${p.from?.slice(0, 10) ?? 'start'} to ${p.to?.slice(0, 10) ?? 'today'}` : ''
  const what = r.kind === 'comparison' || r.kind === 'coverage' ? (p.symbols?.length ? p.symbols.join(', ') : 'all assets') : r.kind === 'scheduler' ? (p.jobId ? 'one job' : 'all jobs') : 'portfolio'
  return what + period
}

/** Reports built on the bus: ask for one, watch it finish live, download it; the user's history of reports. */
export default function ReportsPage() {
  const [page, setPage] = useState(1)
  const reports = useListReportsQuery({ page, pageSize: 20 })
  const [remove, removeState] = useDeleteReportMutation()
  const [downloadError, setDownloadError] = useState<string | null>(null)
  const [announce, setAnnounce] = useState('')

  async function download(r: ReportDto) {
    setDownloadError(null)
    try {
      const name = await downloadFile(`/reports/${encodeURIComponent(r.id)}/file`, r.fileName ?? `report.${r.format}`)
      setAnnounce(`Downloaded ${name}.`)
    } catch (e) {
      setDownloadError(e instanceof Error ? e.message : String(e))
    }
  }

  const columns: Column<ReportDto>[] = [
    { header: 'Asked for', cellClassName: 'num whitespace-nowrap', cell: (r) => fmtTime(r.createdAt) },
    { header: 'Report', rowHeader: true, cell: (r) => <><span className="font-medium">{kindLabel[r.kind] ?? r.kind}</span> <span className="text-xs uppercase">{r.format}</span></> },
    { header: 'Subject', cell: subject },
    {
      header: 'Status',
      cell: (r) => (
        <>
          <span data-testid="report-status" className={`inline-block rounded-full px-2 py-0.5 text-xs font-medium ${statusLook[r.status] ?? statusLook.queued}`}>{r.status}</span>
          {r.error && <span className="block text-xs text-rose-800 dark:text-rose-300">{r.error}</span>}
        </>
      ),
    },
    { header: 'Size', cellClassName: 'num', cell: (r) => size(r.size) },
    {
      header: <span className="sr-only">Actions</span>,
      cellClassName: 'text-right whitespace-nowrap',
      cell: (r) => (
        <span className="inline-flex gap-1">
          {r.status === 'succeeded' && <Button variant="secondary" className="!px-2 !py-0.5 text-xs" onClick={() => download(r)} aria-label={`Download ${r.fileName}`}>Download</Button>}
          {(r.status === 'succeeded' || r.status === 'failed') && (
            <Button variant="secondary" className="!px-2 !py-0.5 text-xs" aria-label={`Delete the ${kindLabel[r.kind] ?? r.kind} of ${fmtTime(r.createdAt)}`}
              onClick={() => { if (confirm('Delete this report and its file?')) remove(r.id) }}>Delete</Button>
          )}
        </span>
      ),
    },
  ]

  return (
    <>
      <PageHeader title="Reports" />
      <p role="status" className="sr-only">{announce}</p>
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-3">
        <Card id="new-report" title="New report">
          <ReportForm onRequested={(r) => setAnnounce(`${kindLabel[r.kind] ?? r.kind} asked for; it appears below when ready.`)} />
        </Card>
        <Card id="reports" title="Your reports" className="lg:col-span-2">
          {removeState.error || downloadError ? <p role="alert" className="mb-2 text-sm text-rose-700 dark:text-rose-400">{downloadError ?? problemMessage(removeState.error)}</p> : null}
          <QueryState query={reports} loadingLabel="Loading reports…">
            {(d) => (
              <>
                <DataTable caption="Your reports, newest first" columns={columns} rows={d.items} rowKey={(r) => r.id} rowProps={(r) => ({ 'data-report': r.id })}
                  empty={<p className="text-sm">No reports yet. Ask for one with the form; it is built in the background and listed here.</p>} />
                <Pagination page={d.page} totalPages={d.totalPages} totalCount={d.totalCount} onPage={setPage} />
              </>
            )}
          </QueryState>
        </Card>
      </div>
    </>
  )
}
