import { useEffect, useState } from 'react'
import { Link } from 'react-router'
import { liveEvents } from '../../api/liveEvents'
import { useAppSelector } from '../../app/hooks'
import { selectHub } from '../live/liveSlice'
import { useUnreadCountQuery } from './alertsApi'

/**
 * The header's bell: the unread count, kept live by the hub's `notification` push (alertsApi), and read again after a
 * reconnect since pushes sent while disconnected are lost. Screen readers hear each new alert once.
 */
export function NotificationBell() {
  const count = useUnreadCountQuery()
  const hub = useAppSelector(selectHub)
  const [heard, setHeard] = useState('')
  const { refetch, isUninitialized } = count
  useEffect(() => {
    if (hub === 'connected' && !isUninitialized) void refetch()
  }, [hub, isUninitialized, refetch])
  useEffect(() => liveEvents.on('notification', (e) => setHeard(`New alert: ${e.ruleName}. ${e.message}`)), [])
  const unread = count.data?.unread ?? 0
  const shown = unread > 99 ? '99+' : String(unread)
  return (
    <>
      <Link to="/alerts?tab=inbox" data-testid="notification-bell" data-unread={unread}
        aria-label={`Notifications, ${unread === 0 ? 'none' : unread.toLocaleString('en-US')} unread`}
        className="relative inline-flex h-8 w-8 items-center justify-center rounded-full border border-slate-300 hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800">
        <svg aria-hidden="true" viewBox="0 0 24 24" className="h-4 w-4" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
          <path d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
          <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
        </svg>
        {unread > 0 && (
          <span aria-hidden="true" data-testid="notification-count"
            className="num absolute -right-1.5 -top-1.5 min-w-5 rounded-full bg-rose-700 px-1 text-center text-xs font-semibold leading-5 text-white">
            {shown}
          </span>
        )}
      </Link>
      <span role="status" className="sr-only">{heard}</span>
    </>
  )
}
