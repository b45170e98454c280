import { useState } from 'react'
import { Link } from 'react-router'
import { Button } from '../../components/Form'
import { Pagination } from '../../components/Pagination'
import { ErrorMessage, QueryState } from '../../components/QueryState'
import { fmtTime } from '../../utils/format'
import { useInboxQuery, useMarkAllReadMutation, useMarkReadMutation } from './alertsApi'

/** The signed-in user's notifications, newest first; new ones arrive live (alertsApi reloads the list on each push). */
export function Inbox() {
  const [unreadOnly, setUnreadOnly] = useState(false)
  const [page, setPage] = useState(1)
  const inbox = useInboxQuery({ unread: unreadOnly, page })
  const [markRead, markState] = useMarkReadMutation()
  const [markAll, allState] = useMarkAllReadMutation()
  const unread = inbox.data?.unread ?? 0

  return (
    <div>
      <div className="mb-3 flex flex-wrap items-center justify-between gap-3">
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" checked={unreadOnly} onChange={(e) => { setUnreadOnly(e.target.checked); setPage(1) }} />
          Unread only
        </label>
        <span className="flex items-center gap-3 text-sm">
          <span data-testid="inbox-unread">{unread.toLocaleString('en-US')} unread</span>
          <Button variant="secondary" disabled={unread === 0 || allState.isLoading} onClick={() => markAll()}>Mark all read</Button>
        </span>
      </div>
      {markState.error || allState.error ? <ErrorMessage error={markState.error ?? allState.error} title="Not marked read" /> : null}
      <QueryState query={inbox} isEmpty={(d) => d.page.items.length === 0} loadingLabel="Loading notifications…"
        empty={<p className="text-sm">{unreadOnly ? 'Nothing unread.' : 'No notifications yet. They appear here when one of your rules fires.'}</p>}>
        {(d) => (
          <>
            <ul aria-label="Notifications" className="divide-y divide-slate-200 dark:divide-slate-800">
              {d.page.items.map((n) => {
                const isUnread = n.readAt === null
                return (
                  <li key={n.id} data-notification-id={n.id} data-unread={isUnread} className="flex flex-wrap items-start justify-between gap-3 py-3">
                    <div className="min-w-0">
                      <p className="flex flex-wrap items-center gap-2">
                        {isUnread && <span aria-hidden="true" className="inline-block h-2 w-2 rounded-full bg-sky-600 dark:bg-sky-400" />}
                        <span className={isUnread ? 'font-semibold' : 'font-medium'}>{n.title}</span>
                        {isUnread && <span className="rounded bg-sky-100 px-1.5 text-xs text-sky-900 dark:bg-sky-900 dark:text-sky-100">unread</span>}
                      </p>
                      <p className="text-sm text-slate-700 dark:text-slate-300">{n.body}</p>
                      <p className="num text-xs text-slate-600 dark:text-slate-400">{fmtTime(n.createdAt)}{n.readAt ? ` · read ${fmtTime(n.readAt)}` : ''}</p>
                    </div>
                    <span className="flex flex-wrap gap-2">
                      {n.link && (
                        <Link to={n.link} onClick={() => { if (isUnread) markRead(n.id) }}
                          className="rounded-md border border-slate-400 px-3 py-1.5 text-sm font-medium text-sky-800 hover:bg-slate-100 dark:border-slate-600 dark:text-sky-300 dark:hover:bg-slate-800">
                          Open<span className="sr-only">: {n.title}</span>
                        </Link>
                      )}
                      {isUnread && (
                        <Button variant="secondary" onClick={() => markRead(n.id)} aria-label={`Mark read: ${n.title}, ${fmtTime(n.createdAt)}`}>Mark read</Button>
                      )}
                    </span>
                  </li>
                )
              })}
            </ul>
            {d.page.totalPages > 1 && <Pagination page={d.page.page} totalPages={d.page.totalPages} totalCount={d.page.totalCount} onPage={setPage} />}
          </>
        )}
      </QueryState>
    </div>
  )
}
