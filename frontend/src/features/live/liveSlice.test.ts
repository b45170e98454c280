import { describe, expect, it } from 'vitest'
import { hubStateChanged, liveSlice } from './liveSlice'

const reduce = (actions: ReturnType<typeof hubStateChanged>[]) => actions.reduce(liveSlice.reducer, liveSlice.getInitialState())

describe('liveSlice', () => {
  it('starts connecting and becomes connected', () => {
    const s = reduce([hubStateChanged({ hub: 'connected', at: '2024-01-01T00:00:00Z' })])
    expect(s.hub).toBe('connected')
    expect(s.since).toBe('2024-01-01T00:00:00Z')
    expect(s.drops).toBe(0)
  })

  it('counts a drop when a live connection is lost and keeps the error until it recovers', () => {
    const s = reduce([
      hubStateChanged({ hub: 'connected' }),
      hubStateChanged({ hub: 'reconnecting', error: 'socket closed' }),
      hubStateChanged({ hub: 'disconnected' }),
    ])
    expect(s.hub).toBe('disconnected')
    expect(s.drops).toBe(1)
    expect(s.lastError).toBe('socket closed')
    const back = liveSlice.reducer(s, hubStateChanged({ hub: 'connected' }))
    expect(back.lastError).toBeNull()
    expect(back.drops).toBe(1)
  })
})
