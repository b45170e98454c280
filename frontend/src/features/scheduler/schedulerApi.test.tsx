import { afterEach, describe, expect, it, vi } from 'vitest'
import { act, screen, waitFor, within } from '@testing-library/react'
import { makeStore } from '../../app/store'
import { liveEvents } from '../../api/liveEvents'
import { job, run } from '../../test/fixtures'
import { mockApi, paged, renderWithProviders } from '../../test/utils'
import { RecentRuns } from '../dashboard/RecentRuns'
import { schedulerApi } from './schedulerApi'

afterEach(() => vi.unstubAllGlobals())

const event = (status: string, runId = 'r1') => ({ jobId: 'j1', runId, jobName: 'Daily synthetic', status, recordsLoaded: status === 'succeeded' ? 250 : 0, errorClass: null, message: null, timestamp: '2024-01-01T00:00:05Z' })

describe('schedulerApi live updates', () => {
  it('moves a listed run through its states as job_status events arrive', async () => {
    mockApi([['GET', /\/api\/scheduler\/runs$/, () => ({ body: paged([run({ startedAt: '2024-01-01T00:00:00Z' })]) })]])
    const store = makeStore()
    const sub = store.dispatch(schedulerApi.endpoints.listRuns.initiate({ page: 1, pageSize: 8 }))
    await sub
    liveEvents.emit('job_status', event('running'))
    expect(schedulerApi.endpoints.listRuns.select({ page: 1, pageSize: 8 })(store.getState()).data?.items[0].status).toBe('running')
    liveEvents.emit('job_status', event('succeeded'))
    const r = schedulerApi.endpoints.listRuns.select({ page: 1, pageSize: 8 })(store.getState()).data!.items[0]
    expect(r.status).toBe('succeeded')
    expect(r.recordsLoaded).toBe(250)
    expect(r.finishedAt).toBe('2024-01-01T00:00:05Z')
    expect(r.durationMs).toBe(5000)
    sub.unsubscribe()
  })

  it('reloads the list when a run it has not seen starts', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true })
    let runs = [run()]
    const api = mockApi([['GET', /\/api\/scheduler\/runs$/, () => ({ body: paged(runs) })]])
    renderWithProviders(<RecentRuns />)
    await screen.findByText('Daily synthetic')
    runs = [run({ id: 'r2', jobName: 'Second job', status: 'running' }), ...runs]
    act(() => liveEvents.emit('job_status', { ...event('running', 'r2'), jobName: 'Second job' }))
    await act(async () => void (await vi.advanceTimersByTimeAsync(1100)))
    await screen.findByText('Second job')
    expect(api.calls.filter((c) => c.url.pathname.endsWith('/runs')).length).toBe(2)
    vi.useRealTimers()
  })

  it('shows the last run of each job live in the job list', async () => {
    mockApi([['GET', /\/api\/scheduler\/jobs$/, () => ({ body: paged([job()]) })]])
    const store = makeStore()
    const sub = store.dispatch(schedulerApi.endpoints.listJobs.initiate({}))
    await sub
    liveEvents.emit('job_status', event('running', 'r9'))
    const j = schedulerApi.endpoints.listJobs.select({})(store.getState()).data!.items[0]
    expect(j.lastRun).toEqual({ id: 'r9', status: 'running', finishedAt: null })
    sub.unsubscribe()
  })
})

describe('RecentRuns', () => {
  it('shows the ProblemDetails message when the request fails', async () => {
    mockApi([['GET', /\/api\/scheduler\/runs$/, () => ({ status: 400, body: { title: 'Bad request', status: 400, detail: 'pageSize is at most 500.' } })]])
    renderWithProviders(<RecentRuns />)
    const alert = await screen.findByRole('alert')
    expect(within(alert).getByText('pageSize is at most 500.')).toBeInTheDocument()
  })

  it('shows a loading state first', async () => {
    mockApi([['GET', /\/api\/scheduler\/runs$/, () => ({ body: paged([]), delay: 300 })]])
    renderWithProviders(<RecentRuns />)
    expect(await screen.findByText(/Loading recent runs/)).toBeInTheDocument()
    await waitFor(() => expect(screen.getByText(/No collection runs yet/)).toBeInTheDocument())
  })
})
