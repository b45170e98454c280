import { afterEach, describe, expect, it } from 'vitest'
import { mockApi } from '../../test/utils'
import { freshAccessToken, loadSession, loginPath, safeNext, saveSession } from './session'

describe('session', () => {
  afterEach(() => localStorage.clear())

  it('returns only to a path on this site after sign-in', () => {
    expect(safeNext('/scheduler?tab=runs')).toBe('/scheduler?tab=runs')
    expect(safeNext('//evil.example/x')).toBe('/')
    expect(safeNext('https://evil.example/')).toBe('/')
    expect(safeNext('/login?next=/x')).toBe('/')
    expect(safeNext(null)).toBe('/')
    expect(loginPath('/assets/AAPL')).toBe('/login?next=%2Fassets%2FAAPL')
    expect(loginPath('/')).toBe('/login')
  })

  it('refreshes an access token that is about to expire, once, and keeps the new pair', async () => {
    saveSession({ accessToken: 'old', refreshToken: 'r1', expiresIn: 10 })
    const { calls } = mockApi([['POST', /\/api\/auth\/refresh$/, () => ({ body: { accessToken: 'new', refreshToken: 'r2', expiresIn: 900 } })]])
    const [a, b] = await Promise.all([freshAccessToken(), freshAccessToken()])
    expect([a, b]).toEqual(['new', 'new'])
    expect(calls.filter((c) => c.url.pathname === '/api/auth/refresh')).toHaveLength(1)
    expect(calls[0].body).toEqual({ refreshToken: 'r1' })
    expect(loadSession()?.refreshToken).toBe('r2')
  })

  it('ends the session when the refresh token is refused', async () => {
    saveSession({ accessToken: 'old', refreshToken: 'r1', expiresIn: 10 })
    mockApi([['POST', /\/api\/auth\/refresh$/, () => ({ status: 401, body: { title: 'Session ended', status: 401 } })]])
    expect(await freshAccessToken()).toBeNull()
    expect(loadSession()).toBeNull()
  })
})
