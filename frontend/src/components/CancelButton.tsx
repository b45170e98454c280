import { useState } from 'react'
import { problemMessage } from '../api/problem'
import { useCan } from '../features/auth/authApi'

/** Stops a pending or running request or run; disabled, with the reason, for a role that may not change things. */
export function CancelButton({ what, onCancel }: { what: string; onCancel: () => Promise<unknown> }) {
  const can = useCan('analyst')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string>()
  const cancel = async () => {
    setBusy(true)
    setError(undefined)
    try {
      await onCancel()
    } catch (e) {
      setError(problemMessage(e))
    } finally {
      setBusy(false)
    }
  }
  return (
    <span className="ml-2 inline-flex flex-col">
      <button
        type="button"
        onClick={() => void cancel()}
        disabled={!can.allowed || busy}
        title={can.reason}
        aria-label={`Cancel ${what}`}
        className="rounded border border-slate-300 px-1.5 py-0.5 text-xs font-medium hover:bg-slate-100 disabled:cursor-not-allowed disabled:opacity-50 dark:border-slate-700 dark:hover:bg-slate-800"
      >
        {busy ? 'Cancelling…' : 'Cancel'}
      </button>
      {error && <span role="alert" className="text-xs text-rose-700 dark:text-rose-300">{error}</span>}
    </span>
  )
}
