import { afterEach, describe, expect, it, vi } from 'vitest'
import { screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { job } from '../../test/fixtures'
import { mockApi, paged, renderWithProviders, type Call } from '../../test/utils'
import { JobForm } from './JobForm'
import { validateJob, fromJob } from './jobForm'
import type { JobLimits } from './schedulerTypes'

afterEach(() => vi.unstubAllGlobals())

const limits: JobLimits = {
  nameMaxLength: 200, maxSymbols: 500, symbolMaxLength: 64, lookbackDaysMin: 1, lookbackDaysMax: 36500, lookbackDaysDefault: 7,
  maxRetriesMin: 0, maxRetriesMax: 10, timeoutSecondsMin: 0, timeoutSecondsDefault: 3600, minPeriodSeconds: 60,
  maxBarsPerRequest: 5_000_000, maxRowsPerRequest: 20_000_000,
}
const stored = job({ id: 'j1', name: 'Nightly', version: 3, options: { seed: '7' } })
const base = () => [
  ['GET', /\/api\/collectors$/, () => ({ body: [{ name: 'synthetic', displayName: 'Synthetic', assetTypes: ['stock'], intervals: ['1m', '1d'], historyLimitDays: {}, maxWindowDays: {}, parameters: [], isSynthetic: true }] })],
  ['GET', /\/api\/scheduler\/templates$/, () => ({ body: [] })],
  ['GET', /\/api\/scheduler\/jobs$/, () => ({ body: paged([stored]) })],
  ['GET', /\/api\/scheduler\/limits$/, () => ({ body: limits })],
  ['GET', /\/api\/scheduler\/cron\/next$/, (c: Call) => ({
    body: { expression: c.url.searchParams.get('expr'), timeZone: 'UTC', description: `Runs ${c.url.searchParams.get('expr')}`,
      next: c.url.searchParams.get('expr') === '0 30 9 * * ?' ? ['2024-01-01T09:30:00Z'] : ['2024-01-01T00:05:00Z'] },
  })],
] as const

const put = async (calls: Call[]) => waitFor(() => {
  const c = calls.find((x) => x.method === 'PUT')
  expect(c).toBeDefined()
  return c!
})

describe('job limits from the server', () => {
  it('checks the bounds the server serves, not numbers of its own', () => {
    const v = { ...fromJob(stored), maxRetries: '11', lookbackDays: '36501', timeoutSeconds: '0' }
    const e = validateJob(v, limits)
    expect(e.maxretries).toBe('A whole number from 0 to 10.')
    expect(e.lookbackdays).toBe('Whole days from 1 to 36500.')
    expect(e.timeoutseconds).toBeUndefined()
    expect(validateJob({ ...v, maxRetries: '11' }, { ...limits, maxRetriesMax: 12 }).maxretries).toBeUndefined()
  })

  it('shows the server limits as hints and refuses a value beyond them before sending', async () => {
    const api = mockApi([...base()] as never)
    renderWithProviders(<JobForm editing={stored} />)
    expect(await screen.findByText('0 to 10')).toBeInTheDocument()
    const retries = screen.getByLabelText('Max retries')
    await userEvent.clear(retries)
    await userEvent.type(retries, '11')
    await userEvent.click(screen.getByRole('button', { name: 'Save changes' }))
    expect(await screen.findByText('A whole number from 0 to 10.')).toBeInTheDocument()
    expect(retries).toHaveAttribute('aria-invalid', 'true')
    expect(api.calls.some((c) => c.method === 'PUT')).toBe(false)
  })
})

describe('editing a job', () => {
  it('fills the form from the job, previews the new cron and sends the version it read with its options', async () => {
    const api = mockApi([...base(), ['PUT', /\/api\/scheduler\/jobs\/j1$/, (c: Call) => ({ body: { ...stored, ...(c.body as object), version: 4 } })]] as never)
    const onSaved = vi.fn()
    renderWithProviders(<JobForm editing={stored} onSaved={onSaved} />)
    expect(screen.getByRole('form', { name: 'Edit job' })).toBeInTheDocument()
    expect(screen.getByLabelText('Name')).toHaveValue('Nightly')
    expect(await screen.findByText('2024-01-01 00:05 UTC')).toBeInTheDocument()
    const cron = screen.getByLabelText(/Cron \(Quartz/)
    await userEvent.clear(cron)
    await userEvent.type(cron, '0 30 9 * * ?')
    expect(await screen.findByText('2024-01-01 09:30 UTC')).toBeInTheDocument()
    await userEvent.click(screen.getByRole('button', { name: 'Save changes' }))
    expect((await put(api.calls)).body).toMatchObject({ name: 'Nightly', version: 3, options: { seed: '7' }, schedule: { kind: 'cron', cron: '0 30 9 * * ?' } })
    await waitFor(() => expect(onSaved).toHaveBeenCalledWith(expect.objectContaining({ version: 4 })))
  })

  it('shows the server field errors next to their fields', async () => {
    mockApi([...base(), ['PUT', /\/api\/scheduler\/jobs\/j1$/, () => ({
      status: 400, body: { title: 'The request is invalid', status: 400, detail: 'the cron expression fires more often than every 60 s', errors: { 'schedule.cron': ['the cron expression fires more often than every 60 s'] } },
    })]] as never)
    renderWithProviders(<JobForm editing={stored} />)
    await userEvent.click(screen.getByRole('button', { name: 'Save changes' }))
    expect(await screen.findByText('The job was not saved')).toBeInTheDocument()
    const cron = screen.getByLabelText(/Cron \(Quartz/)
    expect(cron).toHaveAttribute('aria-invalid', 'true')
    expect(cron).toHaveAccessibleDescription(expect.stringContaining('fires more often than every 60 s'))
  })

  it('offers a reload for a stale version, and the reload refills the form and its version', async () => {
    const newer = { ...stored, name: 'Nightly (renamed elsewhere)', version: 5 }
    let puts = 0
    const api = mockApi([
      ...base(),
      ['GET', /\/api\/scheduler\/jobs\/j1$/, () => ({ body: newer })],
      ['PUT', /\/api\/scheduler\/jobs\/j1$/, (c: Call) => (++puts === 1
        ? { status: 409, body: { title: 'Changed since it was read', status: 409, detail: "Job 'Nightly' changed since you read it (it is now at version 5); reload it and make your edit again.", errors: { version: ['stale'] } } }
        : { body: { ...newer, ...(c.body as object), version: 6 } })],
    ] as never)
    renderWithProviders(<JobForm editing={stored} />)
    await userEvent.click(screen.getByRole('button', { name: 'Save changes' }))
    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent('This job was changed elsewhere')
    expect(screen.queryByText('The job was not saved')).not.toBeInTheDocument()
    await userEvent.click(screen.getByRole('button', { name: 'Reload job' }))
    await waitFor(() => expect(screen.getByLabelText('Name')).toHaveValue('Nightly (renamed elsewhere)'))
    expect(screen.queryByRole('alert')).not.toBeInTheDocument()
    await userEvent.click(screen.getByRole('button', { name: 'Save changes' }))
    await waitFor(() => expect(api.calls.filter((c) => c.method === 'PUT')).toHaveLength(2))
    expect(api.calls.filter((c) => c.method === 'PUT')[1].body).toMatchObject({ version: 5, name: 'Nightly (renamed elsewhere)' })
  })
})
