import { label } from '../utils/format'

/** A table cell with a failure's class and the provider's or platform's own message. */
export function ErrorCell({ errorClass, errorMessage }: { errorClass: string | null; errorMessage: string | null }) {
  return (
    <td className="max-w-xs py-1.5 text-xs text-rose-800 dark:text-rose-300">
      {errorClass && <span className="font-semibold">{label(errorClass)}: </span>}
      {errorMessage}
    </td>
  )
}
