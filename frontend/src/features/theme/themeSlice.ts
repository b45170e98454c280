import { createSlice } from '@reduxjs/toolkit'

export type Theme = 'light' | 'dark'

function initialTheme(): Theme {
  if (typeof document !== 'undefined' && document.documentElement.classList.contains('dark')) return 'dark'
  return 'light'
}

export const themeSlice = createSlice({
  name: 'theme',
  initialState: () => ({ theme: initialTheme() as Theme }),
  reducers: {
    themeToggled(state) {
      state.theme = state.theme === 'dark' ? 'light' : 'dark'
    },
    themeSet(state, action: { payload: Theme }) {
      state.theme = action.payload
    },
  },
  selectors: { selectTheme: (s) => s.theme },
})

export const { themeToggled, themeSet } = themeSlice.actions
export const { selectTheme } = themeSlice.selectors
