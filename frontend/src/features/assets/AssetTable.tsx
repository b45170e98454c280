import { Link } from 'react-router'
import type { AssetDto } from '../../api/schemas'
import { SyntheticBadge } from '../../components/Badges'
import { DataTable, type Column } from '../../components/DataTable'
import { fmtTime, label } from '../../utils/format'

const columns: Column<AssetDto>[] = [
  {
    header: 'Symbol',
    sortKey: 'symbol',
    cellClassName: 'font-medium',
    cell: (a) => (
      <>
        <Link to={`/assets/${encodeURIComponent(a.symbol)}`} className="text-sky-800 underline-offset-2 hover:underline dark:text-sky-300">
          {a.symbol}
        </Link>{' '}
        <SyntheticBadge show={a.isSynthetic} />
      </>
    ),
  },
  { header: 'Name', sortKey: 'name', cellClassName: 'max-w-[14rem] truncate', cell: (a) => a.name ?? '—' },
  { header: 'Type', sortKey: 'assetType', cell: (a) => label(a.assetType) },
  { header: 'Updated', sortKey: 'updatedAt', className: 'hidden md:table-cell', cellClassName: 'num whitespace-nowrap', cell: (a) => fmtTime(a.updatedAt) },
  { header: 'Source', className: 'hidden sm:table-cell', cell: (a) => a.source },
  { header: 'Currency', className: 'hidden sm:table-cell', cell: (a) => a.currency ?? '—' },
]

export function AssetTable({ assets, sort, onSort }: { assets: AssetDto[]; sort: string; onSort: (s: string) => void }) {
  return <DataTable caption="Assets; column headers sort the table" columns={columns} rows={assets} rowKey={(a) => a.symbol} sort={{ current: sort, onChange: onSort }} />
}
