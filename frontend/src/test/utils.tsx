import type { ReactElement } from 'react'
import { render, type RenderOptions } from '@testing-library/react'
import { Provider } from 'react-redux'
import { createMemoryRouter, RouterProvider } from 'react-router'
import { vi } from 'vitest'
import { makeStore, type AppStore, type RootState } from '../app/store'

type Extra = Omit<RenderOptions, 'queries'> & { preloadedState?: Partial<RootState>; store?: AppStore; route?: string; path?: string }

/** Renders with a fresh store and a memory router, the way the app composes them. */
export function renderWithProviders(ui: ReactElement, { preloadedState, store = makeStore(preloadedState), route = '/', path = '*', ...options }: Extra = {}) {
  const router = createMemoryRouter([{ path, element: ui }], { initialEntries: [route] })
  return { store, router, ...render(<Provider store={store}><RouterProvider router={router} /></Provider>, options) }
}

export type Call = { method: string; url: URL; body: unknown }
type Reply = { status?: number; body?: unknown; headers?: Record<string, string>; delay?: number; until?: Promise<unknown> }
type Handler = [method: string, path: RegExp, reply: (call: Call) => Reply]

/** Replaces fetch with handlers matched on method and path; unmatched requests answer 404 ProblemDetails. */
export function mockApi(handlers: Handler[]) {
  const calls: Call[] = []
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const req = input instanceof Request ? input : new Request(String(input), init)
    const url = new URL(req.url)
    const text = req.method === 'GET' ? '' : await req.text()
    let body: unknown = text
    try {
      body = text ? JSON.parse(text) : undefined
    } catch {
      /* csv and other text bodies stay text */
    }
    const call = { method: req.method, url, body }
    calls.push(call)
    const h = handlers.find(([m, p]) => m === req.method && p.test(url.pathname))
    const reply = h ? h[2](call) : { status: 404, body: { title: 'Not found', status: 404, detail: `no handler for ${req.method} ${url.pathname}` } }
    if (reply.delay) await new Promise((r) => setTimeout(r, reply.delay))
    if (reply.until) await reply.until
    const status = reply.status ?? 200
    const isProblem = status >= 400
    return new Response(reply.body === undefined ? null : JSON.stringify(reply.body), {
      status,
      headers: { 'Content-Type': isProblem ? 'application/problem+json' : 'application/json', ...reply.headers },
    })
  })
  vi.stubGlobal('fetch', fetchMock)
  return { calls, fetchMock }
}

export const paged = <T,>(items: T[], page = 1, pageSize = 25) => ({ items, page, pageSize, totalCount: items.length, totalPages: Math.max(1, Math.ceil(items.length / pageSize)) })
