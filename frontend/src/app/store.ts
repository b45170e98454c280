import { combineSlices, configureStore } from '@reduxjs/toolkit'
import { setupListeners } from '@reduxjs/toolkit/query'
import { apiSlice } from '../api/apiSlice'
import { liveSlice } from '../features/live/liveSlice'
import { themeSlice } from '../features/theme/themeSlice'

const rootReducer = combineSlices(apiSlice, liveSlice, themeSlice)
export type RootState = ReturnType<typeof rootReducer>

export function makeStore(preloadedState?: Partial<RootState>) {
  const store = configureStore({
    reducer: rootReducer,
    middleware: (getDefault) => getDefault().concat(apiSlice.middleware),
    preloadedState,
  })
  setupListeners(store.dispatch)
  return store
}

export type AppStore = ReturnType<typeof makeStore>
export type AppDispatch = AppStore['dispatch']
