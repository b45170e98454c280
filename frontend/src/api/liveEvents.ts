import type { LiveEventMap } from './types'

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
