import { Link, useLocation } from 'react-router'

export default function NotFoundPage() {
  const { pathname } = useLocation()
  return (
    <div className="mx-auto max-w-xl py-12 text-center">
      <p className="text-6xl font-bold text-slate-500 dark:text-slate-400" aria-hidden="true">404</p>
      <h1 className="mt-2 text-2xl font-bold">Page not found</h1>
      <p className="mt-2 text-slate-700 dark:text-slate-300">
        Nothing lives at <code className="rounded bg-slate-200 px-1 dark:bg-slate-800">{pathname}</code>.
      </p>
      <p className="mt-6 flex justify-center gap-4">
        <Link to="/" className="text-sky-700 underline dark:text-sky-400">Dashboard</Link>
        <Link to="/assets" className="text-sky-700 underline dark:text-sky-400">Assets</Link>
        <Link to="/scheduler" className="text-sky-700 underline dark:text-sky-400">Scheduler</Link>
      </p>
    </div>
  )
}
