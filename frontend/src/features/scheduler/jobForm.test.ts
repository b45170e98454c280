import { describe, expect, it } from 'vitest'
import { emptyJob, fromTemplate, toJobInput, validateJob } from './jobForm'

describe('job form', () => {
  it('names every missing field before anything is sent', () => {
    const e = validateJob({ ...emptyJob, name: '', symbols: ' , ', cron: '* * *' })
    expect(Object.keys(e).sort()).toEqual(['cron', 'name', 'symbols'])
  })

  it('asks for upstream jobs when the schedule is dependencies only', () => {
    expect(validateJob({ ...emptyJob, name: 'x', symbols: 'A', kind: 'dependencies' }).dependson).toBeDefined()
    expect(validateJob({ ...emptyJob, name: 'x', symbols: 'A', kind: 'dependencies', dependsOn: ['j1'] })).toEqual({})
  })

  it('builds the API body: symbols split and upper-cased, only the chosen schedule kind filled', () => {
    const body = toJobInput({ ...emptyJob, name: ' Nightly ', symbols: 'syn-a, syn-b', kind: 'interval', intervalSeconds: '60', tags: 'a b' })
    expect(body.name).toBe('Nightly')
    expect(body.symbols).toEqual(['SYN-A', 'SYN-B'])
    expect(body.schedule).toEqual({ kind: 'interval', cron: null, timeZone: null, intervalSeconds: 60 })
    expect(body.tags).toEqual(['a', 'b'])
  })

  it('fills the form from a template and remembers it', () => {
    const v = fromTemplate(emptyJob, {
      id: 't1', name: 'Weekday close', description: null, source: 'yahoo', symbols: ['AAPL'], assetType: 'stock', interval: '1d', mode: 'batch',
      lookbackDays: 5, schedule: { kind: 'cron', cron: '0 0 18 ? * MON-FRI', timeZone: 'America/New_York', intervalSeconds: null },
      maxRetries: 3, timeoutSeconds: 600, tags: ['eod'], createdAt: '2024-01-01T00:00:00Z', updatedAt: '2024-01-01T00:00:00Z', version: 1, options: null,
    })
    expect(v).toMatchObject({ templateId: 't1', source: 'yahoo', symbols: 'AAPL', mode: 'batch', cron: '0 0 18 ? * MON-FRI', timeZone: 'America/New_York', maxRetries: '3', tags: 'eod' })
  })

  it("takes a template's options with its source, and drops options of another source", () => {
    const template = {
      id: 't2', name: 'Seeded', description: null, source: 'synthetic', symbols: ['SYN-A'], assetType: 'stock', interval: '1d', mode: 'batch',
      lookbackDays: 5, schedule: null, maxRetries: 3, timeoutSeconds: 600, tags: [], createdAt: '2024-01-01T00:00:00Z', updatedAt: '2024-01-01T00:00:00Z', version: 1,
    }
    expect(fromTemplate({ ...emptyJob, source: 'csv', options: { upload: 'u1' } }, { ...template, options: { seed: '7' } }).options).toEqual({ seed: '7' })
    expect(fromTemplate({ ...emptyJob, source: 'csv', options: { upload: 'u1' } }, { ...template, options: null }).options).toEqual({})
    expect(toJobInput({ ...emptyJob, name: 'n', symbols: 'A', options: { seed: ' 7 ', upload: '  ' } }).options).toEqual({ seed: '7' })
  })
})
