import { describe, expect, it } from 'vitest'
import { alertRule } from '../../test/fixtures'
import { describeCondition, emptyAlert, fromRule, toAlertInput, validateAlert, withEnabled, type AlertFormValues } from './alertForm'

const price: AlertFormValues = { ...emptyAlert, name: 'Breakout', symbol: 'SYN-A', level: '105', hysteresis: '2' }

describe('validateAlert', () => {
  it('accepts a complete rule of each kind', () => {
    expect(validateAlert(price)).toEqual({})
    expect(validateAlert({ ...price, kind: 'move', percent: '5', bars: '0' })).toEqual({})
    expect(validateAlert({ ...price, kind: 'volume', multiplier: '3', bars: '20' })).toEqual({})
    expect(validateAlert({ ...emptyAlert, name: 'Nightly', kind: 'job', jobId: 'j1' })).toEqual({})
    expect(validateAlert({ ...price, kind: 'stale', bars: '3' })).toEqual({})
    expect(validateAlert({ ...emptyAlert, name: 'Risk', kind: 'portfolio', portfolioId: 'p1', percent: '10' })).toEqual({})
    expect(validateAlert({ ...emptyAlert, name: 'Risk', kind: 'portfolio', portfolioId: 'p1', measure: 'var', confidence: '95' })).toEqual({})
  })

  it('holds portfolio limits to the server’s ranges', () => {
    const risk = { ...emptyAlert, name: 'Risk', kind: 'portfolio' as const }
    expect(Object.keys(validateAlert(risk))).toEqual(['portfolioid', 'percent'])
    expect(validateAlert({ ...risk, portfolioId: 'p1', percent: '100' }).percent).toBeDefined()
    expect(validateAlert({ ...risk, portfolioId: 'p1', measure: 'var', confidence: '100' }).confidence).toBeDefined()
    expect(validateAlert({ ...risk, portfolioId: 'p1', measure: 'var', confidence: '49' }).confidence).toBeDefined()
  })

  it('checks only the fields the kind uses, keyed like the server', () => {
    expect(Object.keys(validateAlert({ ...emptyAlert }))).toEqual(['name', 'symbol', 'level'])
    expect(Object.keys(validateAlert({ ...price, kind: 'move' }))).toEqual(['percent', 'bars'])
    expect(Object.keys(validateAlert({ ...price, kind: 'volume', multiplier: '0', bars: '0' }))).toEqual(['multiplier', 'bars'])
    expect(Object.keys(validateAlert({ ...price, kind: 'job' }))).toEqual(['jobid'])
  })

  it('refuses numbers the server refuses: not finite, negative hysteresis, out-of-range bars and cooldown', () => {
    expect(validateAlert({ ...price, level: 'Infinity' }).level).toBeDefined()
    expect(validateAlert({ ...price, level: '1e999' }).level).toBeDefined()
    expect(validateAlert({ ...price, hysteresis: '-1' }).hysteresis).toBeDefined()
    expect(validateAlert({ ...price, kind: 'move', percent: '5', bars: '1001' }).bars).toBeDefined()
    expect(validateAlert({ ...price, cooldownSeconds: '2592001' }).cooldownseconds).toBeDefined()
    expect(validateAlert({ ...price, cooldownSeconds: '2592000' })).toEqual({})
  })

  it('needs a channel, a webhook address and secret, and an email address', () => {
    expect(validateAlert({ ...price, channels: [] }).channels).toBeDefined()
    const hook = { ...price, channels: ['webhook' as const], webhookUrl: 'example.com', webhookSecret: 'short' }
    expect(Object.keys(validateAlert(hook))).toEqual(['webhookurl', 'webhooksecret'])
    expect(validateAlert({ ...hook, webhookUrl: 'https://example.com/hook', webhookSecret: 'x'.repeat(16) })).toEqual({})
    // Editing a rule that has a secret: blank keeps it.
    expect(validateAlert({ ...hook, webhookUrl: 'https://example.com/hook', webhookSecret: '' }, true)).toEqual({})
    expect(validateAlert({ ...price, channels: ['email'], email: 'not an address' }).email).toBeDefined()
  })
})

describe('toAlertInput and fromRule', () => {
  it('sends only what the kind uses', () => {
    expect(toAlertInput({ ...price, kind: 'volume', multiplier: '3', bars: '20', level: '105' })).toMatchObject({
      kind: 'volume', symbol: 'SYN-A', interval: '1d', multiplier: 3, bars: 20, level: null, direction: null, field: null, jobId: null,
    })
    expect(toAlertInput({ ...emptyAlert, name: ' Nightly ', kind: 'job', jobId: 'j1', symbol: 'SYN-A' })).toMatchObject({
      name: 'Nightly', kind: 'job', jobId: 'j1', symbol: null, interval: null,
    })
  })

  it('round-trips a portfolio rule, the confidence in percent on screen and a fraction on the wire', () => {
    const rule = alertRule({ kind: 'portfolio', symbol: null, interval: null, portfolioId: 'p1', field: 'var', confidence: 0.975, level: null })
    const form = fromRule(rule)
    expect(form).toMatchObject({ kind: 'portfolio', portfolioId: 'p1', measure: 'var', confidence: '97.5' })
    expect(toAlertInput(form)).toMatchObject({ kind: 'portfolio', portfolioId: 'p1', field: 'var', confidence: 0.975, percent: null, symbol: null, level: null })
    expect(describeCondition(rule)).toBe('the day\'s loss exceeds the one-day 97.5 % VaR')
    expect(describeCondition({ ...rule, field: 'drawdown', percent: 12 })).toBe('drawdown beyond 12 %')
  })

  it('round-trips a stored rule, leaving the secret out so the server keeps it', () => {
    const rule = alertRule({ channels: ['inapp', 'webhook'], webhookUrl: 'https://example.com/hook', hasWebhookSecret: true, cooldownSeconds: 60 })
    const input = toAlertInput(fromRule(rule))
    expect(input).toMatchObject({ name: rule.name, kind: 'price', direction: 'above', field: 'close', level: 105, hysteresis: 2, cooldownSeconds: 60,
      channels: ['inapp', 'webhook'], webhookUrl: 'https://example.com/hook', webhookSecret: null })
    expect(withEnabled(rule, false)).toMatchObject({ enabled: false, level: 105 })
  })
})

describe('describeCondition', () => {
  it('says when each kind fires', () => {
    expect(describeCondition(alertRule())).toBe('close ≥ 105; re-arms at or below 103')
    expect(describeCondition(alertRule({ direction: 'below', field: 'low', level: 90, hysteresis: 0 }))).toBe('low ≤ 90')
    expect(describeCondition(alertRule({ kind: 'move', direction: 'either', percent: 5, bars: 3 }))).toBe('±5 % over 3 bars')
    expect(describeCondition(alertRule({ kind: 'move', direction: 'down', percent: 2, bars: 0 }))).toBe('−2 % since the previous close')
    expect(describeCondition(alertRule({ kind: 'volume', multiplier: 3, bars: 20 }))).toBe('volume > 3× the median of 20 bars')
    expect(describeCondition(alertRule({ kind: 'job' }))).toBe('a run fails, times out or is skipped')
  })
})
