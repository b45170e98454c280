import { Link } from 'react-router'
import type { AssetDto } from '../../api/types'
import { SyntheticBadge } from '../../components/Badges'
import { fmtTime, label } from '../../utils/format'
import { nextSort, sortDirection, type SortField } from './sortState'

const columns: { field: SortField; title: string }[] = [
  { field: 'symbol', title: 'Symbol' },
  { field: 'name', title: 'Name' },
  { field: 'assetType', title: 'Type' },
  { field: 'updatedAt', title: 'Updated' },
]

export function AssetTable({ assets, sort, onSort }: { assets: AssetDto[]; sort: string; onSort: (s: string) => void }) {
  return (
    <div className="-mx-4 overflow-x-auto px-4">
      <table className="w-full text-sm">
        <caption className="sr-only">Assets; column headers sort the table</caption>
        <thead className="text-left text-xs uppercase text-slate-600 dark:text-slate-400">
          <tr>
            {columns.map((c) => {
              const dir = sortDirection(sort, c.field)
              return (
                <th key={c.field} scope="col" aria-sort={dir} className={`py-1 pr-3 ${c.field === 'updatedAt' ? 'hidden md:table-cell' : ''}`}>
                  <button type="button" onClick={() => onSort(nextSort(sort, c.field))} className="inline-flex items-center gap-1 uppercase hover:text-slate-900 dark:hover:text-white">
                    {c.title}
                    <span aria-hidden="true">{dir === 'ascending' ? '▲' : dir === 'descending' ? '▼' : '↕'}</span>
                  </button>
                </th>
              )
            })}
            <th scope="col" className="hidden py-1 pr-3 sm:table-cell">Source</th>
            <th scope="col" className="hidden py-1 sm:table-cell">Currency</th>
          </tr>
        </thead>
        <tbody>
          {assets.map((a) => (
            <tr key={a.symbol} className="border-t border-slate-200 dark:border-slate-800">
              <td className="py-1.5 pr-3 font-medium">
                <Link to={`/assets/${encodeURIComponent(a.symbol)}`} className="text-sky-800 underline-offset-2 hover:underline dark:text-sky-300">
                  {a.symbol}
                </Link>{' '}
                <SyntheticBadge show={a.isSynthetic} />
              </td>
              <td className="max-w-[14rem] truncate py-1.5 pr-3">{a.name ?? '—'}</td>
              <td className="py-1.5 pr-3">{label(a.assetType)}</td>
              <td className="num hidden whitespace-nowrap py-1.5 pr-3 md:table-cell">{fmtTime(a.updatedAt)}</td>
              <td className="hidden py-1.5 pr-3 sm:table-cell">{a.source}</td>
              <td className="hidden py-1.5 sm:table-cell">{a.currency ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
