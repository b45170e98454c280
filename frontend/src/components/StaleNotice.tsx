import { Button } from './Form'

/** The refusal of a stale edit, with the one action that resolves it. */
export function StaleNotice({ what, onReload, reloading }: { what: string; onReload: () => void; reloading?: boolean }) {
  return (
    <div role="alert" className="flex flex-wrap items-center gap-3 rounded-md border border-amber-600 bg-amber-50 p-3 text-sm text-amber-950 dark:bg-amber-950 dark:text-amber-50">
      <p className="min-w-0 flex-1">
        <strong>This {what} was changed elsewhere</strong> after you opened it, so your edit was not saved. Reload to see
        the latest version, then make your change again.
      </p>
      <Button variant="secondary" onClick={onReload} disabled={reloading}>{reloading ? 'Reloading…' : `Reload ${what}`}</Button>
    </div>
  )
}
