import type { HTMLAttributes, ReactNode } from 'react'
import { nextSort, sortDirection } from './tableSort'

export type Column<Row> = {
  header: ReactNode
  cell: (row: Row) => ReactNode
  /** The field the server sorts on; the header becomes a button that toggles it. */
  sortKey?: string
  /** Right-aligned with tabular figures, so digits line up. */
  numeric?: boolean
  /** The cell names its row (`<th scope="row">`), as a symbol does. */
  rowHeader?: boolean
  /** On the header and every cell: responsive hiding such as `hidden md:table-cell`. */
  className?: string
  /** On the body cells only. */
  cellClassName?: string
}

/** Attributes for a row: data-* hooks for tests and live updates, aria-current, a highlight. */
export type RowAttributes = HTMLAttributes<HTMLTableRowElement> & { [data: `data-${string}`]: string | undefined }

type Props<Row> = {
  /** Read by screen readers only; it also names the scroll region. */
  caption: string
  columns: Column<Row>[]
  rows: Row[]
  rowKey: (row: Row) => string | number
  rowProps?: (row: Row) => RowAttributes
  /** The current sort (`field` or `-field`) and what to do when a header asks for another. */
  sort?: { current: string; onChange: (sort: string) => void }
  /** Shown instead of the table when there are no rows. */
  empty?: ReactNode
  /** Summary rows (`<tr>`s) under the body: cash, totals. */
  footer?: ReactNode
  /** Cells of several lines read from the top; rows of controls (selects, buttons) look better centred. */
  alignTop?: boolean
}

const align = (c: { numeric?: boolean }) => (c.numeric ? 'num text-right' : 'text-left')

/**
 * The dashboard's tables. On a narrow screen the table scrolls sideways inside its card, never the page; the scroll
 * region takes focus so keyboard users can scroll it too.
 */
export function DataTable<Row>({ caption, columns, rows, rowKey, rowProps, sort, empty, footer, alignTop }: Props<Row>) {
  if (rows.length === 0 && empty !== undefined) return <>{empty}</>
  // relative: visually hidden labels (position: absolute) stay inside the scroll region instead of widening the page on phones.
  return (
    <div role="region" aria-label={caption} tabIndex={0} className="relative -mx-4 overflow-x-auto px-4">
      <table className="w-full text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="text-xs uppercase text-slate-600 dark:text-slate-400">
          <tr>
            {columns.map((c, i) => (
              <th key={i} scope="col" aria-sort={c.sortKey && sort ? sortDirection(sort.current, c.sortKey) : undefined}
                className={`py-1 pr-3 last:pr-0 ${align(c)} ${c.className ?? ''}`}>
                {c.sortKey && sort ? <SortButton column={c} sortKey={c.sortKey} sort={sort} /> : c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const attributes = rowProps?.(row)
            return (
              <tr key={rowKey(row)} {...attributes} className={`border-t border-slate-200 dark:border-slate-800 ${alignTop ? 'align-top' : ''} ${attributes?.className ?? ''}`}>
                {columns.map((c, i) => {
                  const Cell = c.rowHeader ? 'th' : 'td'
                  return (
                    <Cell key={i} scope={c.rowHeader ? 'row' : undefined}
                      className={`py-1.5 pr-3 last:pr-0 ${c.rowHeader ? 'font-medium' : ''} ${align(c)} ${c.className ?? ''} ${c.cellClassName ?? ''}`}>
                      {c.cell(row)}
                    </Cell>
                  )
                })}
              </tr>
            )
          })}
        </tbody>
        {footer && <tfoot>{footer}</tfoot>}
      </table>
    </div>
  )
}

function SortButton<Row>({ column, sortKey, sort }: { column: Column<Row>; sortKey: string; sort: { current: string; onChange: (s: string) => void } }) {
  const dir = sortDirection(sort.current, sortKey)
  return (
    <button type="button" onClick={() => sort.onChange(nextSort(sort.current, sortKey))} className="inline-flex items-center gap-1 uppercase hover:text-slate-900 dark:hover:text-white">
      {column.header}
      <span aria-hidden="true">{dir === 'ascending' ? '▲' : dir === 'descending' ? '▼' : '↕'}</span>
    </button>
  )
}
