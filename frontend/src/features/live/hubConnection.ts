import { HubConnectionBuilder, HubConnectionState, LogLevel, type HubConnection } from '@microsoft/signalr'
import { liveEvents, type LiveEventName } from '../../api/liveEvents'
import { freshAccessToken } from '../auth/session'
import { hubStateChanged, type HubState } from './liveSlice'

type Dispatch = (action: ReturnType<typeof hubStateChanged>) => unknown

// notification needs no subscription: the server sends it to the owner's connections alone.
const eventNames: LiveEventName[] = ['job_status', 'collection_progress', 'error', 'order_update', 'notification', 'report_ready', 'replay_progress', 'quality_finding']
// Retry forever with back-off capped at 10 s: the dashboard must recover whenever the server comes back.
const retryDelay = (attempt: number) => Math.min(10_000, [0, 1000, 2000, 5000][attempt] ?? 10_000)

/** Opens /hubs/events, subscribes to every topic and reports the connection state to the store. */
export function startHub(dispatch: Dispatch, url = '/hubs/events'): { stop: () => Promise<void>; connection: HubConnection } {
  const connection = new HubConnectionBuilder()
    // Browsers cannot put headers on a WebSocket: the client sends the token as access_token in the query.
    .withUrl(url, { accessTokenFactory: async () => (await freshAccessToken()) ?? '' })
    .withAutomaticReconnect({ nextRetryDelayInMilliseconds: (ctx) => retryDelay(ctx.previousRetryCount) })
    .configureLogging(LogLevel.None)
    .build()
  let stopped = false
  const report = (hub: HubState, error?: unknown) =>
    dispatch(hubStateChanged({ hub, error: error ? String((error as Error).message ?? error) : null }))

  for (const name of eventNames) connection.on(name, (payload) => liveEvents.emit(name, payload))

  // Groups do not survive a reconnect, so every (re)connection subscribes again.
  const subscribe = () => connection.invoke('Subscribe', 'all').catch(() => undefined)

  connection.onreconnecting((e) => report('reconnecting', e))
  connection.onreconnected(() => {
    report('connected')
    void subscribe()
  })
  connection.onclose((e) => {
    if (stopped) return
    report('disconnected', e)
    void start(1)
  })

  async function start(attempt: number): Promise<void> {
    while (!stopped && connection.state === HubConnectionState.Disconnected) {
      report(attempt === 0 ? 'connecting' : 'reconnecting')
      try {
        await connection.start()
        report('connected')
        await subscribe()
        return
      } catch (e) {
        report('disconnected', e)
        await new Promise((r) => setTimeout(r, retryDelay(++attempt)))
      }
    }
  }
  void start(0)
  return {
    connection,
    stop: async () => {
      stopped = true
      await connection.stop()
    },
  }
}

let running: ReturnType<typeof startHub> | null = null

/** Starts the hub once per page load (the first signed-in page calls it). */
export function ensureHub(dispatch: Dispatch) {
  running ??= startHub(dispatch)
  return running
}
