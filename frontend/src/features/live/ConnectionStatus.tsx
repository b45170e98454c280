import { useAppSelector } from '../../app/hooks'
import { selectLive } from './liveSlice'

const look = {
  connected: { dot: 'bg-emerald-500', text: 'Live', help: 'Live updates are connected.' },
  connecting: { dot: 'bg-amber-500 animate-pulse', text: 'Connecting…', help: 'Connecting to live updates.' },
  reconnecting: { dot: 'bg-amber-500 animate-pulse', text: 'Reconnecting…', help: 'Connection to live updates lost; retrying.' },
  disconnected: { dot: 'bg-rose-600', text: 'Offline', help: 'Live updates are disconnected; retrying in the background.' },
} as const

/** The hub's state, always visible: it turns amber or red when the connection drops and green when it is back. */
export function ConnectionStatus() {
  const live = useAppSelector(selectLive)
  const l = look[live.hub]
  return (
    <div role="status" aria-live="polite" data-testid="hub-status" data-state={live.hub} title={live.lastError ?? l.help} className="flex items-center gap-2 rounded-full border border-slate-300 px-3 py-1 text-sm dark:border-slate-700">
      <span aria-hidden="true" className={`inline-block h-2.5 w-2.5 rounded-full ${l.dot}`} />
      <span>{l.text}</span>
      <span className="sr-only">{l.help}</span>
    </div>
  )
}
