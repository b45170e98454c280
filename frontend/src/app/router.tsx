import { createBrowserRouter, type RouteObject } from 'react-router'
import { Layout } from './Layout'
import { RouteError } from './RouteError'

// Shown while the first page's chunk loads: the router renders no page before it has one.
const loadingPage = <p role="status" className="p-6 text-sm">Loading…</p>

// Every page is its own chunk: the first load carries only the shell, the store and the API client.
export const routes: RouteObject[] = [
  {
    path: '/',
    element: <Layout />,
    errorElement: <RouteError />,
    hydrateFallbackElement: loadingPage,
    children: [
      { index: true, lazy: () => import('../features/dashboard/DashboardPage').then((m) => ({ Component: m.default })) },
      { path: 'assets', lazy: () => import('../features/assets/AssetsPage').then((m) => ({ Component: m.default })) },
      { path: 'assets/:symbol', lazy: () => import('../features/assets/AssetDetailPage').then((m) => ({ Component: m.default })) },
      { path: 'quality', lazy: () => import('../features/quality/QualityPage').then((m) => ({ Component: m.default })) },
      { path: 'scheduler', lazy: () => import('../features/scheduler/SchedulerPage').then((m) => ({ Component: m.default })) },
      { path: 'portfolio', lazy: () => import('../features/portfolio/PortfolioPage').then((m) => ({ Component: m.default })) },
      { path: 'trading', lazy: () => import('../features/trading/TradingPage').then((m) => ({ Component: m.default })) },
      { path: 'alerts', lazy: () => import('../features/alerts/AlertsPage').then((m) => ({ Component: m.default })) },
      { path: 'reports', lazy: () => import('../features/reports/ReportsPage').then((m) => ({ Component: m.default })) },
      { path: 'analytics', lazy: () => import('../features/analytics/AnalyticsPage').then((m) => ({ Component: m.default })) },
      { path: 'users', lazy: () => import('../features/access/UsersPage').then((m) => ({ Component: m.default })) },
      { path: 'audit', lazy: () => import('../features/access/AuditPage').then((m) => ({ Component: m.default })) },
      { path: 'errors', lazy: () => import('../features/faults/FaultsPage').then((m) => ({ Component: m.default })) },
      { path: 'keys', lazy: () => import('../features/access/ApiKeysPage').then((m) => ({ Component: m.default })) },
      { path: '*', lazy: () => import('../features/notFound/NotFoundPage').then((m) => ({ Component: m.default })) },
    ],
  },
  // Outside the layout: they are reached without a session.
  { path: '/login', hydrateFallbackElement: loadingPage, lazy: () => import('../features/auth/LoginPage').then((m) => ({ Component: m.default })) },
  { path: '/setup', hydrateFallbackElement: loadingPage, lazy: () => import('../features/auth/SetupPage').then((m) => ({ Component: m.default })) },
]

export const makeRouter = () => createBrowserRouter(routes)
