import { createSlice, type PayloadAction } from '@reduxjs/toolkit'

export type HubState = 'connecting' | 'connected' | 'reconnecting' | 'disconnected'

export type LiveState = { hub: HubState; since: string; lastError: string | null; drops: number }

const initialState: LiveState = { hub: 'connecting', since: new Date(0).toISOString(), lastError: null, drops: 0 }

export const liveSlice = createSlice({
  name: 'live',
  initialState,
  reducers: {
    hubStateChanged(state, action: PayloadAction<{ hub: HubState; error?: string | null; at?: string }>) {
      const { hub, error, at } = action.payload
      if (state.hub === 'connected' && hub !== 'connected') state.drops += 1
      state.hub = hub
      state.since = at ?? new Date().toISOString()
      state.lastError = error ?? (hub === 'connected' ? null : state.lastError)
    },
  },
  selectors: {
    selectHub: (s) => s.hub,
    selectLive: (s) => s,
  },
})

export const { hubStateChanged } = liveSlice.actions
export const { selectHub, selectLive } = liveSlice.selectors
