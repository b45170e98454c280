import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { render, screen } from '@testing-library/react'
import { Provider } from 'react-redux'
import { createMemoryRouter, RouterProvider } from 'react-router'
import { makeStore } from './store'
import { routes } from './router'

vi.mock('../features/live/hubConnection', () => ({ ensureHub: vi.fn() }))

describe('routes', () => {
  beforeEach(() =>
    localStorage.setItem('ip-session', JSON.stringify({ accessToken: 'a', refreshToken: 'r', expiresAt: Date.now() + 600_000 })),
  )
  afterEach(() => localStorage.clear())

  // First: the router warns once per module, so a later test would not see it.
  it('renders a page loaded lazily on the first visit without the router warning of a missing HydrateFallback', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    try {
      const router = createMemoryRouter(routes, { initialEntries: ['/nowhere'] })
      render(<Provider store={makeStore()}><RouterProvider router={router} /></Provider>)
      expect(await screen.findByRole('heading', { name: 'Page not found' })).toBeInTheDocument()
      expect(warn.mock.calls.flat().join(' ')).not.toContain('HydrateFallback')
    } finally {
      warn.mockRestore()
    }
  })

  it('loads the NotFound page lazily for an unknown path, inside the layout', async () => {
    const router = createMemoryRouter(routes, { initialEntries: ['/nowhere'] })
    render(<Provider store={makeStore()}><RouterProvider router={router} /></Provider>)
    expect(await screen.findByRole('heading', { name: 'Page not found' })).toBeInTheDocument()
    expect(screen.getByRole('navigation', { name: 'Main' })).toBeInTheDocument()
    expect(screen.getByText('/nowhere')).toBeInTheDocument()
  })

  it('sends a signed-out visitor to sign in, remembering where they were going', async () => {
    localStorage.clear()
    const router = createMemoryRouter(routes, { initialEntries: ['/scheduler?tab=runs'] })
    render(<Provider store={makeStore()}><RouterProvider router={router} /></Provider>)
    expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeInTheDocument()
    expect(router.state.location.pathname).toBe('/login')
    expect(new URLSearchParams(router.state.location.search).get('next')).toBe('/scheduler?tab=runs')
  })

  it('gives every page its own lazily loaded route', () => {
    const children = routes[0].children ?? []
    expect(children.every((r) => typeof r.lazy === 'function')).toBe(true)
    expect(children.map((r) => r.path ?? '/')).toEqual(['/', 'assets', 'assets/:symbol', 'quality', 'scheduler', 'portfolio', 'trading', 'alerts', 'reports', 'analytics', 'users', 'audit', 'errors', 'keys', '*'])
  })
})
