import { useEffect, useState } from 'react'
import { problemMessage } from '../../api/problem'
import { fmtTime } from '../../utils/format'
import { useCronNextQuery } from './schedulerApi'

/** What the cron expression means in words and when it fires next, both from the server's Quartz parser. */
export function CronPreview({ expr, tz }: { expr: string; tz: string }) {
  const [debounced, setDebounced] = useState({ expr, tz })
  useEffect(() => {
    const t = setTimeout(() => setDebounced({ expr, tz }), 350)
    return () => clearTimeout(t)
  }, [expr, tz])
  const skip = !debounced.expr.trim()
  const q = useCronNextQuery({ expr: debounced.expr.trim(), tz: debounced.tz.trim() || 'UTC', count: 5 }, { skip })
  if (skip) return null
  return (
    <div aria-live="polite" data-testid="cron-preview" className="rounded-md bg-slate-100 p-2 text-xs dark:bg-slate-800">
      {q.isFetching && !q.data && <span>Checking…</span>}
      {q.error ? (
        <span className="text-rose-800 dark:text-rose-300">{problemMessage(q.error)}</span>
      ) : q.data ? (
        <>
          <p className="font-medium">{q.data.description}</p>
          <p className="mt-1">Next runs in {q.data.timeZone}, shown in UTC:</p>
          <ul className="num">
            {q.data.next.map((t) => (
              <li key={t}>{fmtTime(t)}</li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  )
}
