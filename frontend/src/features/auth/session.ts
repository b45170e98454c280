// The signed-in session: a short-lived access token and a rotating refresh token, kept in localStorage so a reload
// or a second tab stays signed in. Tokens travel in the Authorization header only, never in a cookie.
import type * as G from '../../api/openapi.gen'
import type { Sent } from '../../api/schemas'

export type TokenPair = Sent<G.TokenPair>

export interface Session {
  accessToken: string
  refreshToken: string
  /** Epoch milliseconds after which the access token is refused. */
  expiresAt: number
}

const storageKey = 'ip-session'
// Refresh a little before the token expires, so a request in flight never carries an expired one.
const refreshMargin = 30_000

export function loadSession(): Session | null {
  try {
    const raw = localStorage.getItem(storageKey)
    return raw ? (JSON.parse(raw) as Session) : null
  } catch {
    return null
  }
}

export function saveSession(pair: TokenPair): Session {
  const session = { accessToken: pair.accessToken, refreshToken: pair.refreshToken, expiresAt: Date.now() + pair.expiresIn * 1000 }
  localStorage.setItem(storageKey, JSON.stringify(session))
  return session
}

export function clearSession() {
  localStorage.removeItem(storageKey)
}

async function post(path: string, body: unknown): Promise<Response> {
  return fetch(`${window.location.origin}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) })
}

let refreshing: Promise<Session | null> | null = null

async function refreshOnce(): Promise<Session | null> {
  const current = loadSession()
  if (!current) return null
  // Another tab may have refreshed while this one waited for the lock: its pair is good, and reusing our old
  // refresh token now would look like theft and end every session.
  if (current.expiresAt - refreshMargin > Date.now()) return current
  try {
    const res = await post('/api/auth/refresh', { refreshToken: current.refreshToken })
    if (!res.ok) {
      clearSession()
      return null
    }
    return saveSession((await res.json()) as TokenPair)
  } catch {
    return loadSession()
  }
}

/** Swaps the refresh token for a new pair: one swap at a time in this tab, and across tabs where the browser has locks. */
export function refreshSession(force = false): Promise<Session | null> {
  if (force) {
    const current = loadSession()
    if (current) localStorage.setItem(storageKey, JSON.stringify({ ...current, expiresAt: 0 }))
  }
  refreshing ??= (typeof navigator !== 'undefined' && navigator.locks
    ? navigator.locks.request('ip-session-refresh', refreshOnce)
    : refreshOnce()
  ).finally(() => {
    refreshing = null
  })
  return refreshing
}

/** The access token to send now, refreshed first when it is about to expire; null when signed out. */
export async function freshAccessToken(): Promise<string | null> {
  const session = loadSession()
  if (!session) return null
  if (session.expiresAt - refreshMargin > Date.now()) return session.accessToken
  return (await refreshSession())?.accessToken ?? null
}

export class SignInError extends Error {
  readonly status: number
  constructor(message: string, status: number) {
    super(message)
    this.status = status
  }
}

async function tokensFrom(res: Response): Promise<Session> {
  if (!res.ok) {
    const problem = await res.json().catch(() => null)
    throw new SignInError(problem?.detail ?? problem?.title ?? `Sign-in failed (${res.status})`, res.status)
  }
  return saveSession((await res.json()) as TokenPair)
}

export async function signIn(username: string, password: string): Promise<Session> {
  return tokensFrom(await post('/api/auth/login', { username, password }))
}

export async function completeSetup(token: string, username: string, password: string): Promise<Session> {
  return tokensFrom(await post('/api/auth/setup', { token, username, password }))
}

export async function signOut() {
  const session = loadSession()
  clearSession()
  if (session) await post('/api/auth/logout', { refreshToken: session.refreshToken }).catch(() => undefined)
}

/** Where to sign in so that the user comes back to the page they were on. */
export function loginPath(from = `${window.location.pathname}${window.location.search}`): string {
  return from && from !== '/' && !from.startsWith('/login') ? `/login?next=${encodeURIComponent(from)}` : '/login'
}

/** Only a path on this site is a safe place to return to after sign-in. */
export function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/login') ? next : '/'
}

/** The session ended (refresh refused): back to the sign-in page, remembering where the user was. */
export function sessionExpired() {
  clearSession()
  if (!window.location.pathname.startsWith('/login')) window.location.assign(loginPath())
}
