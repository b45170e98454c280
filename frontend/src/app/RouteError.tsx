import { isRouteErrorResponse, Link, useRouteError } from 'react-router'

export function RouteError() {
  const error = useRouteError()
  const message = isRouteErrorResponse(error) ? `${error.status} ${error.statusText}` : error instanceof Error ? error.message : 'Unknown error'
  return (
    <main className="mx-auto max-w-xl p-8">
      <h1 className="text-2xl font-bold">This page failed to load</h1>
      <p role="alert" className="mt-2">{message}</p>
      <p className="mt-4">
        <Link to="/" className="text-sky-700 underline dark:text-sky-400">Back to the dashboard</Link>
      </p>
    </main>
  )
}
