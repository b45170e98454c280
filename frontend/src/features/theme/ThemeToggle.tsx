import { useEffect } from 'react'
import { useAppDispatch, useAppSelector } from '../../app/hooks'
import { selectTheme, themeToggled } from './themeSlice'

export function ThemeToggle() {
  const theme = useAppSelector(selectTheme)
  const dispatch = useAppDispatch()
  useEffect(() => {
    document.documentElement.classList.toggle('dark', theme === 'dark')
    try {
      localStorage.setItem('ip-theme', theme)
    } catch {
      /* private mode: the theme just isn't remembered */
    }
  }, [theme])
  const next = theme === 'dark' ? 'light' : 'dark'
  return (
    <button type="button" onClick={() => dispatch(themeToggled())} aria-label={`Switch to ${next} theme`} className="rounded-md border border-slate-300 px-3 py-1 text-sm hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800">
      <span aria-hidden="true">{theme === 'dark' ? '☀' : '☾'}</span> {theme === 'dark' ? 'Light' : 'Dark'}
    </button>
  )
}
