import { afterEach, describe, expect, it, vi } from 'vitest'
import { fireEvent, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { job } from '../../test/fixtures'
import { mockApi, paged, renderWithProviders } from '../../test/utils'
import { JobForm } from './JobForm'

afterEach(() => vi.unstubAllGlobals())

const base = () => [
  ['GET', /\/api\/collectors$/, () => ({ body: [{ name: 'synthetic', displayName: 'Synthetic', assetTypes: ['stock'], intervals: ['1m', '1d'], historyLimitDays: {}, maxWindowDays: {}, parameters: [], isSynthetic: true }] })],
  ['GET', /\/api\/scheduler\/templates$/, () => ({ body: [] })],
  ['GET', /\/api\/scheduler\/jobs$/, () => ({ body: paged([]) })],
  ['GET', /\/api\/scheduler\/cron\/next$/, (c: { url: URL }) =>
    c.url.searchParams.get('expr') === 'bad'
      ? { status: 400, body: { title: 'Bad request', status: 400, detail: "expr: 'bad' is not a valid cron expression", errors: { expr: ['not valid'] } } }
      : { body: { expression: c.url.searchParams.get('expr'), timeZone: 'UTC', description: 'Every 5 minutes', next: ['2024-01-01T00:05:00Z', '2024-01-01T00:10:00Z'] } }],
] as const

describe('JobForm', () => {
  it('previews the cron expression from the server', async () => {
    mockApi([...base()] as never)
    renderWithProviders(<JobForm />)
    expect(await screen.findByText('Every 5 minutes')).toBeInTheDocument()
    expect(screen.getByText('2024-01-01 00:05 UTC')).toBeInTheDocument()
    const cron = screen.getByLabelText(/Cron \(Quartz/)
    await userEvent.clear(cron)
    await userEvent.type(cron, 'bad')
    expect(await screen.findByText(/is not a valid cron expression/)).toBeInTheDocument()
  })

  it('does not send an invalid job and says which fields need attention', async () => {
    const api = mockApi([...base()] as never)
    renderWithProviders(<JobForm />)
    await userEvent.click(screen.getByRole('button', { name: 'Create job' }))
    expect(await screen.findByText(/2 fields need attention/)).toBeInTheDocument()
    expect(screen.getByLabelText('Name')).toHaveAttribute('aria-invalid', 'true')
    expect(screen.getByText('Enter at least one symbol.')).toBeInTheDocument()
    expect(api.calls.some((c) => c.method === 'POST')).toBe(false)
  })

  it('posts the job and shows the server field errors it answers with', async () => {
    const api = mockApi([
      ...base(),
      ['POST', /\/api\/scheduler\/jobs$/, () => ({ status: 422, body: { title: 'The request cannot be processed', status: 422, detail: 'Interval 1m is not supported by synthetic.', errors: { interval: ['Interval 1m is not supported by synthetic.'] } } })],
    ] as never)
    const onCreated = vi.fn()
    renderWithProviders(<JobForm onCreated={onCreated} />)
    await userEvent.type(screen.getByLabelText('Name'), 'Minute bars')
    await userEvent.type(screen.getByLabelText('Symbols'), 'syn-a')
    await waitFor(() => expect(screen.getByLabelText('Interval').querySelectorAll('option').length).toBe(2))
    await userEvent.selectOptions(screen.getByLabelText('Interval'), '1m')
    await userEvent.click(screen.getByRole('button', { name: 'Create job' }))
    const post = await waitFor(() => {
      const c = api.calls.find((x) => x.method === 'POST')
      expect(c).toBeDefined()
      return c!
    })
    expect(post.body).toMatchObject({ name: 'Minute bars', symbols: ['SYN-A'], interval: '1m', source: 'synthetic', schedule: { kind: 'cron', cron: '0 0/5 * * * ?' } })
    expect(await screen.findByText('The job was not created')).toBeInTheDocument()
    expect(screen.getByLabelText('Interval')).toHaveAttribute('aria-invalid', 'true')
    expect(onCreated).not.toHaveBeenCalled()
  })

  it('calls back with the created job', async () => {
    mockApi([...base(), ['POST', /\/api\/scheduler\/jobs$/, () => ({ status: 201, body: job({ name: 'Nightly' }) })]] as never)
    const onCreated = vi.fn()
    renderWithProviders(<JobForm onCreated={onCreated} />)
    await userEvent.type(screen.getByLabelText('Name'), 'Nightly')
    await userEvent.type(screen.getByLabelText('Symbols'), 'SYN-A')
    await userEvent.click(screen.getByRole('button', { name: 'Create job' }))
    await waitFor(() => expect(onCreated).toHaveBeenCalledWith(expect.objectContaining({ name: 'Nightly' })))
  })

  it('renders the options the source declares and sends them with the job', async () => {
    const seeded = { name: 'synthetic', displayName: 'Synthetic', assetTypes: ['stock'], intervals: ['1d'], historyLimitDays: {}, maxWindowDays: {}, isSynthetic: true,
      parameters: [{ name: 'seed', description: 'Seed of the generator', required: false }] }
    const api = mockApi([
      ['GET', /\/api\/collectors$/, () => ({ body: [seeded] })],
      ...base().slice(1),
      ['POST', /\/api\/scheduler\/jobs$/, () => ({ status: 201, body: job({ name: 'Seeded' }) })],
    ] as never)
    renderWithProviders(<JobForm />)
    await userEvent.type(screen.getByLabelText('Name'), 'Seeded')
    await userEvent.type(screen.getByLabelText('Symbols'), 'SYN-A')
    await userEvent.type(await screen.findByLabelText('seed (optional)'), '7')
    await userEvent.click(screen.getByRole('button', { name: 'Create job' }))
    await waitFor(() => expect(api.calls.find((c) => c.method === 'POST')?.body).toMatchObject({ name: 'Seeded', options: { seed: '7' } }))
  })

  it('makes a CSV job name a kept file, uploading one from the form', async () => {
    const csv = { name: 'csv', displayName: 'CSV file', assetTypes: ['stock'], intervals: ['1d'], historyLimitDays: {}, maxWindowDays: {}, isSynthetic: false,
      parameters: [
        { name: 'upload', description: 'Set by the API from the uploaded CSV file', required: false },
        { name: 'file', description: 'Command line only', required: false },
        { name: 'currency', description: 'Currency of the prices', required: false },
      ] }
    const kept = [{ id: 'a1', fileName: 'old.csv', bytes: 120, createdAt: '2024-01-01T00:00:00Z', upload: 'a1' }]
    const api = mockApi([
      ['GET', /\/api\/collectors$/, () => ({ body: [csv] })],
      ...base().slice(1),
      ['GET', /\/api\/ingestion\/uploads$/, () => ({ body: kept })],
      ['POST', /\/api\/ingestion\/uploads$/, () => {
        kept.unshift({ id: 'b2', fileName: 'mine.csv', bytes: 64, createdAt: '2024-02-01T00:00:00Z', upload: 'b2' })
        return { status: 201, body: kept[0] }
      }],
      ['POST', /\/api\/scheduler\/jobs$/, () => ({ status: 201, body: job({ name: 'Imported' }) })],
    ] as never)
    renderWithProviders(<JobForm initial={{ source: 'csv' }} />)
    await userEvent.type(screen.getByLabelText('Name'), 'Imported')
    await userEvent.type(screen.getByLabelText('Symbols'), 'MYCO')
    await screen.findByRole('option', { name: /old\.csv/ })
    // The server refuses a server file from the API, so the form has no field for it.
    expect(screen.queryByLabelText(/^file/)).toBeNull()

    await userEvent.click(screen.getByRole('button', { name: 'Create job' }))
    expect(await screen.findByText('Choose a kept CSV file, or upload one.')).toBeInTheDocument()
    expect(api.calls.some((c) => c.method === 'POST')).toBe(false)

    fireEvent.change(screen.getByLabelText('Or upload a CSV file'), { target: { files: [new File(['Date,Close\n2024-01-02,1\n'], 'mine.csv', { type: 'text/csv' })] } })
    await userEvent.click(screen.getByRole('button', { name: 'Upload and use' }))
    await waitFor(() => expect(screen.getByLabelText('CSV file')).toHaveValue('b2'))
    expect(api.calls.find((c) => c.method === 'POST' && c.url.pathname.endsWith('/uploads'))?.url.searchParams.get('name')).toBe('mine.csv')

    await userEvent.click(screen.getByRole('button', { name: 'Create job' }))
    await waitFor(() => expect(api.calls.find((c) => c.url.pathname.endsWith('/scheduler/jobs') && c.method === 'POST')?.body).toMatchObject({ source: 'csv', options: { upload: 'b2' } }))
  })
})
