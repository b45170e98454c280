import type { FetchBaseQueryError } from '@reduxjs/toolkit/query'
import type { SerializedError } from '@reduxjs/toolkit'

export type ProblemDetails = { type?: string; title?: string; status?: number; detail?: string; errors?: Record<string, string[] | string> }

function isFetchError(e: unknown): e is FetchBaseQueryError {
  return typeof e === 'object' && e !== null && 'status' in e
}

function problemOf(e: unknown): ProblemDetails | null {
  if (!isFetchError(e)) return null
  const data = (e as { data?: unknown }).data
  return typeof data === 'object' && data !== null ? (data as ProblemDetails) : null
}

/** One human sentence for any failed request: the ProblemDetails detail or title, or what went wrong on the way. */
export function problemMessage(error: FetchBaseQueryError | SerializedError | undefined | unknown): string {
  if (!error) return ''
  const p = problemOf(error)
  if (p && (p.detail || p.title)) return p.detail || p.title || ''
  if (isFetchError(error)) {
    switch (error.status) {
      case 'FETCH_ERROR':
        return 'The server cannot be reached. Check that the platform is running.'
      case 'PARSING_ERROR':
        return `The server answered ${error.originalStatus} with a body that is not JSON.`
      case 'TIMEOUT_ERROR':
        return 'The server took too long to answer.'
      default:
        if (typeof error.status === 'number') return `The server answered ${error.status}.`
        return String(error.error ?? 'Request failed')
    }
  }
  const message = (error as SerializedError).message
  return message ?? 'Request failed'
}

/** Field errors from ProblemDetails `errors`, keyed by lower-case field name (servers differ in casing). */
export function fieldErrors(error: unknown): Record<string, string> {
  const p = problemOf(error)
  const out: Record<string, string> = {}
  if (!p?.errors) return out
  for (const [k, v] of Object.entries(p.errors)) {
    const key = k.replace(/^\$\./, '').toLowerCase()
    out[key] = Array.isArray(v) ? v.join(' ') : String(v)
  }
  return out
}

/** The bad lines a refused import lists (ProblemDetails `lines`), in line order; empty for any other error. */
export function problemLines(error: unknown): { line: number; message: string }[] {
  const lines = (problemOf(error) as { lines?: unknown } | null)?.lines
  if (!Array.isArray(lines)) return []
  return lines
    .filter((l): l is { line: number; message: string } => typeof l?.line === 'number' && typeof l?.message === 'string')
    .sort((a, b) => a.line - b.line)
}

/** A 409 whose field error is on `version`: the object changed after the form read it, so a fix will not help, a reload will. */
export function isStale(error: unknown): boolean {
  return isFetchError(error) && error.status === 409 && 'version' in fieldErrors(error)
}
