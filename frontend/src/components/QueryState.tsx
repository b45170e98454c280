import type { ReactNode } from 'react'
import { problemMessage } from '../api/problem'

export function Spinner({ label = 'Loading…' }: { label?: string }) {
  return (
    <div role="status" className="flex items-center gap-2 p-3 text-sm text-slate-600 dark:text-slate-300">
      <span aria-hidden="true" className="inline-block h-4 w-4 animate-spin rounded-full border-2 border-slate-400 border-t-transparent" />
      {label}
    </div>
  )
}

export function ErrorMessage({ error, title = 'Something went wrong', onRetry }: { error: unknown; title?: string; onRetry?: () => void }) {
  if (!error) return null
  return (
    <div role="alert" className="rounded-md border border-rose-300 bg-rose-50 p-3 text-sm text-rose-900 dark:border-rose-800 dark:bg-rose-950 dark:text-rose-100">
      <p className="font-semibold">{title}</p>
      <p>{problemMessage(error)}</p>
      {onRetry && (
        <button type="button" onClick={onRetry} className="mt-2 rounded border border-rose-400 px-2 py-0.5 hover:bg-rose-100 dark:hover:bg-rose-900">
          Try again
        </button>
      )}
    </div>
  )
}

/** Loading, error and empty states for one query, so every request shows all three the same way. */
export function QueryState<T>({
  query,
  children,
  empty,
  isEmpty,
  loadingLabel,
}: {
  query: { data?: T; isLoading: boolean; isFetching?: boolean; error?: unknown; refetch?: () => unknown }
  children: (data: T) => ReactNode
  empty?: ReactNode
  isEmpty?: (data: T) => boolean
  loadingLabel?: string
}) {
  if (query.isLoading) return <Spinner label={loadingLabel} />
  if (query.error) return <ErrorMessage error={query.error} onRetry={query.refetch ? () => void query.refetch?.() : undefined} />
  if (query.data === undefined) return null
  if (isEmpty?.(query.data)) return <>{empty ?? <p className="p-3 text-sm text-slate-600 dark:text-slate-300">Nothing here yet.</p>}</>
  return <>{children(query.data)}</>
}
