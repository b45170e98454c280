import { label } from '../utils/format'
import type { Column } from './DataTable'

/** A failure's class and the provider's or platform's own message, as runs and requests show it. */
export const errorColumn: Column<{ errorClass: string | null; errorMessage: string | null }> = {
  header: 'Error',
  cellClassName: 'max-w-xs text-xs text-rose-800 dark:text-rose-300',
  cell: (r) => (
    <>
      {r.errorClass && <span className="font-semibold">{label(r.errorClass)}: </span>}
      {r.errorMessage}
    </>
  ),
}
