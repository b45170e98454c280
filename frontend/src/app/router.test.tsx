import { describe, expect, it } from 'vitest'
import { render, screen } from '@testing-library/react'
import { Provider } from 'react-redux'
import { createMemoryRouter, RouterProvider } from 'react-router'
import { makeStore } from './store'
import { routes } from './router'

describe('routes', () => {
  it('loads the NotFound page lazily for an unknown path, inside the layout', async () => {
    const router = createMemoryRouter(routes, { initialEntries: ['/nowhere'] })
    render(<Provider store={makeStore()}><RouterProvider router={router} /></Provider>)
    expect(await screen.findByRole('heading', { name: 'Page not found' })).toBeInTheDocument()
    expect(screen.getByRole('navigation', { name: 'Main' })).toBeInTheDocument()
    expect(screen.getByText('/nowhere')).toBeInTheDocument()
  })

  it('gives every page its own lazily loaded route', () => {
    const children = routes[0].children ?? []
    expect(children.every((r) => typeof r.lazy === 'function')).toBe(true)
    expect(children.map((r) => r.path ?? '/')).toEqual(['/', 'assets', 'assets/:symbol', 'scheduler', 'portfolio', 'analytics', '*'])
  })
})
