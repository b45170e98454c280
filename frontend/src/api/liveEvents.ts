// The hub's payloads (docs/api/events.md); SignalR is not part of the OpenAPI document.
export type JobStatusEvent = {
  jobId: string
  runId: string
  jobName: string
  status: string
  recordsLoaded: number | null
  errorClass: string | null
  message: string | null
  timestamp: string
}
export type CollectionProgressEvent = {
  requestId: string
  jobId: string | null
  runId: string | null
  symbol: string | null
  status: string
  chunksDone: number | null
  chunksTotal: number | null
  recordsCollected: number
  recordsLoaded: number
  timestamp: string
}
export type ErrorEvent = {
  requestId: string | null
  jobId: string | null
  runId: string | null
  symbol: string | null
  errorClass: string | null
  message: string | null
  timestamp: string
}
export type OrderUpdateEvent = {
  orderId: string
  accountId: string
  status: string
  fillPrice: number | null
  fillQuantity: number | null
  filledQuantity: number | null
  reason: string | null
  timestamp: string
}
/** One of the user's alert rules fired (or was tested); sent to that user's connections only, with their unread count. */
export type NotificationEvent = {
  firingId: string
  ruleId: string
  ruleName: string
  kind: string
  symbol: string | null
  message: string
  value: number
  triggerTime: string
  unread: number
  timestamp: string
}
/** A report the user asked for finished; sent to that user's connections only. */
export type ReportReadyEvent = {
  reportId: string
  kind: string
  status: 'succeeded' | 'failed' | string
  fileName: string | null
  size: number | null
  error: string | null
  timestamp: string
}
/** How far one of the user's paper replays got; sent to that user's connections only. */
export type ReplayProgressEvent = {
  replayId: string
  accountId: string
  status: 'running' | 'succeeded' | 'failed' | string
  done: number
  total: number
  fills: number
  error: string | null
  timestamp: string
}
/** A quality check stored a new finding on a series; sent to every reader. */
export type QualityFindingEvent = {
  findingId: number
  symbol: string
  interval: string
  kind: string
  barTime: string
  severity: string
  quarantined: boolean
  detail: string
  score: number
  timestamp: string
}
export type LiveEventMap = {
  job_status: JobStatusEvent
  collection_progress: CollectionProgressEvent
  error: ErrorEvent
  order_update: OrderUpdateEvent
  notification: NotificationEvent
  report_ready: ReportReadyEvent
  replay_progress: ReplayProgressEvent
  quality_finding: QualityFindingEvent
}

export type LiveEventName = keyof LiveEventMap
type Handler<K extends LiveEventName> = (payload: LiveEventMap[K]) => void

/** The hub's events, fanned out to whoever listens; the SignalR connection feeds it and tests emit into it. */
export function createLiveEvents() {
  const handlers = new Map<LiveEventName, Set<Handler<LiveEventName>>>()
  return {
    on<K extends LiveEventName>(name: K, handler: Handler<K>): () => void {
      const set = handlers.get(name) ?? new Set()
      set.add(handler as Handler<LiveEventName>)
      handlers.set(name, set)
      return () => set.delete(handler as Handler<LiveEventName>)
    },
    emit<K extends LiveEventName>(name: K, payload: LiveEventMap[K]) {
      handlers.get(name)?.forEach((h) => h(payload))
    },
  }
}

export const liveEvents = createLiveEvents()
