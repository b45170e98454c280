import { useState } from 'react'
import { Link } from 'react-router'
import { DataTable, type Column } from '../../components/DataTable'
import { Pagination } from '../../components/Pagination'
import { QueryState } from '../../components/QueryState'
import { fmtInt, fmtTime } from '../../utils/format'
import { qualityPath } from './qualityPath'
import { useListSeriesQualityQuery, type SeriesQuality } from './qualityApi'
import { QualityScore } from './QualityScore'

type Props = { selected: { symbol: string; interval: string } | null; onPick: () => void }

/** Every checked series, worst score first (the server's order), each a link that opens it below. */
export function SeriesList({ selected, onPick }: Props) {
  const [page, setPage] = useState(1)
  const list = useListSeriesQualityQuery({ page, pageSize: 25 })
  const isSelected = (s: SeriesQuality) => selected?.symbol === s.symbol && selected.interval === s.interval

  const columns: Column<SeriesQuality>[] = [
    { header: 'Score', cell: (s) => <QualityScore score={s.score} /> },
    {
      header: 'Symbol',
      rowHeader: true,
      cell: (s) => (
        <Link to={qualityPath(s)} onClick={onPick} aria-current={isSelected(s) ? 'true' : undefined}
          className="text-sky-800 underline-offset-2 hover:underline aria-[current=true]:underline dark:text-sky-300">
          {s.symbol} <span className="sr-only">{s.interval}</span>
        </Link>
      ),
    },
    { header: 'Interval', cell: (s) => s.interval },
    { header: 'Open findings', numeric: true, cell: (s) => fmtInt(s.openFindings) },
    { header: 'Last checked', className: 'hidden sm:table-cell', cellClassName: 'num whitespace-nowrap', cell: (s) => fmtTime(s.checkedAt) },
  ]

  return (
    <QueryState query={list} loadingLabel="Loading series…" isEmpty={(d) => d.items.length === 0}
      empty={<p className="text-sm">No series checked yet. Each load of market data is checked as it arrives; collect data and its score appears here.</p>}>
      {(d) => (
        <>
          <DataTable caption="Series by quality score, worst first" columns={columns} rows={d.items} rowKey={(s) => `${s.symbol}|${s.interval}`}
            rowProps={(s) => ({ 'data-series': `${s.symbol}|${s.interval}`, className: isSelected(s) ? 'bg-sky-50 dark:bg-sky-950' : undefined })} />
          <Pagination page={d.page} totalPages={d.totalPages} totalCount={d.totalCount} onPage={setPage} />
        </>
      )}
    </QueryState>
  )
}
