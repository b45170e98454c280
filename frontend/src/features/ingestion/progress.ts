import type { CollectionProgressEvent } from '../../api/liveEvents'
import type { IngestionRequestDto } from '../../api/schemas'
import { normStatus } from '../../utils/format'

const finishedStatuses = new Set(['succeeded', 'partially_succeeded', 'failed', 'timed_out'])

/** A request or symbol in one of its end states; statuses arrive in either case style. */
export function isFinished(status: string | null | undefined): boolean {
  return finishedStatuses.has(normStatus(status))
}

/**
 * Folds one `collection_progress` event into a request. Events carry per-symbol figures when `symbol` is set,
 * otherwise the request's totals; counts never go backwards, since events can arrive out of order.
 */
export function applyProgress(req: IngestionRequestDto, event: CollectionProgressEvent): void {
  const e = { ...event, chunksDone: event.chunksDone ?? 0, chunksTotal: event.chunksTotal ?? 0 }
  if (e.symbol && req.perSymbol) {
    const s = req.perSymbol.find((p) => p.symbol === e.symbol)
    if (s) {
      s.status = e.status
      s.chunksDone = Math.max(s.chunksDone, e.chunksDone)
      s.chunksTotal = Math.max(s.chunksTotal, e.chunksTotal)
      s.recordsCollected = Math.max(s.recordsCollected, e.recordsCollected)
      s.recordsLoaded = Math.max(s.recordsLoaded, e.recordsLoaded)
    }
    const all = req.perSymbol
    req.chunksDone = Math.max(req.chunksDone, all.reduce((n, p) => n + p.chunksDone, 0))
    req.chunksTotal = Math.max(req.chunksTotal, all.reduce((n, p) => n + p.chunksTotal, 0))
    req.recordsCollected = Math.max(req.recordsCollected, all.reduce((n, p) => n + p.recordsCollected, 0))
    req.recordsLoaded = Math.max(req.recordsLoaded, all.reduce((n, p) => n + p.recordsLoaded, 0))
    const st = all.map((p) => normStatus(p.status))
    if (st.every((x) => x === 'succeeded')) req.status = 'succeeded'
    else if (st.some((x) => x === 'running' || x === 'pending' || x === '')) req.status = 'running'
    else if (st.every((x) => x === 'failed')) req.status = 'failed'
    else req.status = 'partially_succeeded'
    return
  }
  req.chunksDone = Math.max(req.chunksDone, e.chunksDone)
  req.chunksTotal = Math.max(req.chunksTotal, e.chunksTotal)
  req.recordsCollected = Math.max(req.recordsCollected, e.recordsCollected)
  req.recordsLoaded = Math.max(req.recordsLoaded, e.recordsLoaded)
  if (!e.symbol || !req.perSymbol || req.symbols.length <= 1) req.status = e.status
}
