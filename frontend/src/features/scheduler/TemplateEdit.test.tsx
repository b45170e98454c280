import { afterEach, describe, expect, it, vi } from 'vitest'
import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { mockApi, renderWithProviders, type Call } from '../../test/utils'
import { TemplatesPanel } from './TemplatesPanel'
import type { TemplateDto } from './schedulerTypes'

afterEach(() => vi.unstubAllGlobals())

const template: TemplateDto = {
  id: 't1', name: 'Weekday close', description: 'after the close', source: 'synthetic', symbols: ['SYN-A'], assetType: 'stock', interval: '1d',
  mode: 'batch', lookbackDays: 90, schedule: { kind: 'cron', cron: '0 0 18 ? * MON-FRI', timeZone: 'Europe/London', intervalSeconds: null },
  maxRetries: 3, timeoutSeconds: 120, tags: ['eod'], createdAt: '2024-01-01T00:00:00Z', updatedAt: '2024-01-01T00:00:00Z', version: 1,
  options: { seed: '7' },
}

describe('editing a template', () => {
  it('sends the version it read, keeps the fields the form does not show, and shows server errors in place', async () => {
    let puts = 0
    const api = mockApi([
      ['GET', /\/api\/scheduler\/templates$/, () => ({ body: [template] })],
      ['PUT', /\/api\/scheduler\/templates\/t1$/, (c: Call) => (++puts === 1
        ? { status: 400, body: { title: 'The request is invalid', status: 400, detail: 'bad cron', errors: { 'schedule.cron': ['The cron expression is not valid.'] } } }
        : { body: { ...template, ...(c.body as object), version: 2 } })],
    ] as never)
    renderWithProviders(<TemplatesPanel onUse={vi.fn()} />)
    await userEvent.click(await screen.findByRole('button', { name: 'Edit template Weekday close' }))
    const form = screen.getByRole('form', { name: 'Edit template' })
    const cron = within(form).getByLabelText('Cron')
    expect(cron).toHaveValue('0 0 18 ? * MON-FRI')
    await userEvent.clear(cron)
    await userEvent.type(cron, 'nonsense')
    await userEvent.click(within(form).getByRole('button', { name: 'Save template' }))
    expect(await within(form).findByText('The cron expression is not valid.')).toBeInTheDocument()
    expect(cron).toHaveAttribute('aria-invalid', 'true')
    await userEvent.clear(cron)
    await userEvent.type(cron, '0 0 19 ? * MON-FRI')
    await userEvent.click(within(form).getByRole('button', { name: 'Save template' }))
    await waitFor(() => expect(api.calls.filter((c) => c.method === 'PUT')).toHaveLength(2))
    expect(api.calls.filter((c) => c.method === 'PUT')[1].body).toMatchObject({
      version: 1, lookbackDays: 90, maxRetries: 3, timeoutSeconds: 120, tags: ['eod'], description: 'after the close',
      schedule: { kind: 'cron', cron: '0 0 19 ? * MON-FRI', timeZone: 'Europe/London' }, options: { seed: '7' },
    })
  })

  it('offers a reload for a stale version', async () => {
    mockApi([
      ['GET', /\/api\/scheduler\/templates$/, () => ({ body: [template] })],
      ['PUT', /\/api\/scheduler\/templates\/t1$/, () => ({ status: 409, body: { title: 'Changed since it was read', status: 409, detail: 'changed', errors: { version: ['stale'] } } })],
    ] as never)
    renderWithProviders(<TemplatesPanel onUse={vi.fn()} />)
    await userEvent.click(await screen.findByRole('button', { name: 'Edit template Weekday close' }))
    await userEvent.click(screen.getByRole('button', { name: 'Save template' }))
    expect(await screen.findByRole('alert')).toHaveTextContent('This template was changed elsewhere')
    expect(screen.getByRole('button', { name: 'Reload template' })).toBeEnabled()
  })
})
