import type { RejectedRowDto } from '../../api/schemas'
import { DataTable, type Column } from '../../components/DataTable'
import { fmtTime } from '../../utils/format'

/** A value as the source sent it: no rounding, so it can be found in the file. */
const asReceived = (v: number | null) => (v === null ? '—' : String(v))

const values: Column<RejectedRowDto>[] = (['open', 'high', 'low', 'close', 'volume'] as const).map((field) => ({
  header: field[0].toUpperCase() + field.slice(1),
  numeric: true,
  cell: (r) => asReceived(r[field]),
}))

const columns = (showSymbol: boolean): Column<RejectedRowDto>[] => [
  ...(showSymbol ? [{ header: 'Symbol', cellClassName: 'font-medium', cell: (r: RejectedRowDto) => r.symbol }] : []),
  {
    header: 'Row time',
    cellClassName: 'num whitespace-nowrap',
    cell: (r) => (r.time ? <time dateTime={r.time}>{fmtTime(r.time)}</time> : <span className="italic">unreadable</span>),
  },
  ...values,
  {
    header: 'Reason',
    cellClassName: 'min-w-48',
    cell: (r) => (
      <>
        <span className="text-rose-800 dark:text-rose-300">{r.reason}</span>
        {(r.line !== null || r.raw) && (
          <span className="block text-xs text-slate-600 dark:text-slate-400">
            {r.line !== null && `line ${r.line}`}
            {r.line !== null && r.raw && ': '}
            {r.raw && <code className="break-all">{r.raw}</code>}
          </span>
        )}
      </>
    ),
  },
]

/** Rows a collector refused: their time, their values as received and why. */
export function RejectedRowsTable({ rows, caption, showSymbol = false }: { rows: RejectedRowDto[]; caption: string; showSymbol?: boolean }) {
  return <DataTable caption={caption} columns={columns(showSymbol)} rows={rows} rowKey={(r) => r.id} alignTop
    rowProps={(r) => ({ 'data-rejected-id': String(r.id) })} />
}
