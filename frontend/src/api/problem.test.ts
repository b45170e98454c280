import { describe, expect, it } from 'vitest'
import { fieldErrors, problemMessage } from './problem'

describe('problem', () => {
  it('prefers the ProblemDetails detail, then its title', () => {
    expect(problemMessage({ status: 409, data: { title: 'Conflict', detail: 'Asset AAPL already exists.' } })).toBe('Asset AAPL already exists.')
    expect(problemMessage({ status: 404, data: { title: 'Not found' } })).toBe('Not found')
  })

  it('explains failures that never reached the server', () => {
    expect(problemMessage({ status: 'FETCH_ERROR', error: 'TypeError' })).toMatch(/cannot be reached/)
    expect(problemMessage({ status: 500, data: null })).toBe('The server answered 500.')
  })

  it('keys field errors by lower-case field name', () => {
    expect(fieldErrors({ status: 400, data: { errors: { Symbol: ['Required.'], 'schedule.Cron': ['Bad', 'expression'] } } })).toEqual({ symbol: 'Required.', 'schedule.cron': 'Bad expression' })
  })
})
