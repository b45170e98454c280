import type { FillDto } from '../../api/schemas'
import { DataTable, type Column } from '../../components/DataTable'
import { QueryState } from '../../components/QueryState'
import { fmtDate, fmtNumber, fmtQuoted } from '../../utils/format'
import { useListFillsQuery } from './tradingApi'

export function FillsTable({ accountId }: { accountId: string }) {
  const q = useListFillsQuery({ accountId })
  const columns: Column<FillDto>[] = [
    { header: 'Bar', cellClassName: 'num whitespace-nowrap', cell: (f) => fmtDate(f.barTime) },
    { header: 'Symbol', rowHeader: true, cell: (f) => f.symbol },
    { header: 'Side', cell: (f) => f.side },
    { header: 'Quantity', numeric: true, cell: (f) => fmtNumber(f.quantity, 4) },
    { header: 'Price', numeric: true, cell: (f) => fmtQuoted(f.price) },
    { header: 'Fee', numeric: true, cell: (f) => fmtNumber(f.fee) },
  ]
  return (
    <QueryState query={q} isEmpty={(d) => d.items.length === 0} empty={<p className="text-sm">No fills yet.</p>} loadingLabel="Loading fills…">
      {(d) => <DataTable caption="Fills" columns={columns} rows={d.items} rowKey={(f) => f.id} />}
    </QueryState>
  )
}
