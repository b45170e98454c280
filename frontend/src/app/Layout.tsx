import { useEffect } from 'react'
import { Navigate, NavLink, Outlet, useLocation, useNavigation } from 'react-router'
import { loadSession, loginPath } from '../features/auth/session'
import { UserMenu } from '../features/auth/UserMenu'
import { useMeQuery } from '../features/auth/authApi'
import { ensureHub } from '../features/live/hubConnection'
import { ConnectionStatus } from '../features/live/ConnectionStatus'
import { NotificationBell } from '../features/alerts/NotificationBell'
import { ThemeToggle } from '../features/theme/ThemeToggle'
import { useAppDispatch } from './hooks'

const links = [
  { to: '/', label: 'Dashboard', end: true },
  { to: '/assets', label: 'Assets' },
  { to: '/quality', label: 'Data quality' },
  { to: '/scheduler', label: 'Scheduler' },
  { to: '/portfolio', label: 'Portfolio' },
  { to: '/trading', label: 'Trading' },
  { to: '/alerts', label: 'Alerts' },
  { to: '/reports', label: 'Reports' },
  { to: '/analytics', label: 'Analytics' },
  { to: '/keys', label: 'API keys' },
  { to: '/users', label: 'Users', role: 'admin' },
  { to: '/audit', label: 'Audit', role: 'admin' },
  { to: '/errors', label: 'Errors', role: 'admin' },
]

export function Layout() {
  const navigation = useNavigation()
  const location = useLocation()
  const dispatch = useAppDispatch()
  const signedIn = loadSession() !== null
  const me = useMeQuery(undefined, { skip: !signedIn })
  // Live updates need a token, so the hub starts with the first signed-in page.
  useEffect(() => {
    if (signedIn) ensureHub(dispatch)
  }, [signedIn, dispatch])
  if (!signedIn) return <Navigate to={loginPath(`${location.pathname}${location.search}`)} replace />
  return (
    <div className="min-h-screen">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2 focus:text-slate-900">
        Skip to content
      </a>
      <header className="sticky top-0 z-20 border-b border-slate-200 bg-white/95 backdrop-blur dark:border-slate-800 dark:bg-slate-900/95">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-2">
          <NavLink to="/" className="mr-2 flex items-center gap-2 text-lg font-bold tracking-tight">
            <span aria-hidden="true" className="inline-block h-6 w-6 rounded bg-gradient-to-br from-sky-500 to-emerald-500" />
            InvestmentPlatform
          </NavLink>
          <nav aria-label="Main" className="order-3 -mx-1 flex w-full flex-wrap gap-1 md:order-none md:w-auto">
            {links.filter((l) => !l.role || me.data?.role === l.role).map((l) => (
              <NavLink
                key={l.to}
                to={l.to}
                end={l.end}
                className={({ isActive }) =>
                  `whitespace-nowrap rounded-md px-3 py-1.5 text-sm font-medium ${isActive ? 'bg-sky-100 text-sky-900 dark:bg-sky-900 dark:text-sky-50' : 'text-slate-700 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800'}`
                }
              >
                {l.label}
              </NavLink>
            ))}
          </nav>
          <div className="ml-auto flex items-center gap-2">
            <ConnectionStatus />
            <NotificationBell />
            <ThemeToggle />
            <UserMenu />
          </div>
        </div>
        {navigation.state === 'loading' && <div aria-hidden="true" className="h-0.5 w-full animate-pulse bg-sky-500" />}
      </header>
      <main id="main" tabIndex={-1} className="mx-auto max-w-7xl px-4 py-6 focus:outline-none">
        <Outlet />
      </main>
    </div>
  )
}
