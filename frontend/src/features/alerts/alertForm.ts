import type { AlertRuleDto, AlertRuleInput } from '../../api/schemas'

// The rule kinds, channels and words the API accepts (docs/api/alerts.md).
export const alertKinds = ['price', 'move', 'volume', 'stale', 'portfolio', 'job'] as const
export type AlertKind = (typeof alertKinds)[number]
export const seriesKinds: readonly string[] = ['price', 'move', 'volume', 'stale']
export const channels = ['inapp', 'webhook', 'email'] as const
export type Channel = (typeof channels)[number]

export const kindLabel: Record<string, string> = { price: 'Price level', move: 'Price move', volume: 'Volume spike', job: 'Job failure', stale: 'Stale data', portfolio: 'Portfolio risk' }
export const channelLabel: Record<string, string> = { inapp: 'In-app', webhook: 'Webhook', email: 'Email' }

export const maxCooldownSeconds = 30 * 24 * 3600
export const maxBars = 1000

export type AlertFormValues = {
  name: string
  kind: AlertKind
  enabled: boolean
  cooldownSeconds: string
  channels: Channel[]
  /** One of the user's webhook channels; blank to write an address (the server uses or adds a channel for it). */
  webhookChannelId: string
  webhookUrl: string
  /** Blank when editing keeps the secret the rule has. */
  webhookSecret: string
  email: string
  /** One of the user's email channels; blank to write an address. */
  emailChannelId: string
  symbol: string
  interval: string
  priceDirection: 'above' | 'below'
  field: 'close' | 'high' | 'low'
  level: string
  hysteresis: string
  moveDirection: 'up' | 'down' | 'either'
  percent: string
  bars: string
  multiplier: string
  jobId: string
  portfolioId: string
  /** What a portfolio rule watches: its drawdown, or the day's loss against its one-day historical VaR. */
  measure: 'drawdown' | 'var'
  /** The VaR's confidence in percent, e.g. 95. */
  confidence: string
}

export const emptyAlert: AlertFormValues = {
  name: '', kind: 'price', enabled: true, cooldownSeconds: '0', channels: ['inapp'], webhookChannelId: '', webhookUrl: '', webhookSecret: '', email: '', emailChannelId: '',
  symbol: '', interval: '1d', priceDirection: 'above', field: 'close', level: '', hysteresis: '0', moveDirection: 'either',
  percent: '', bars: '', multiplier: '', jobId: '', portfolioId: '', measure: 'drawdown', confidence: '95',
}

const isWhole = (s: string) => /^\d+$/.test(s.trim())
/** A finite number written out: blank, "Infinity" and "1e999" are not. */
const finite = (s: string) => s.trim() !== '' && Number.isFinite(Number(s.trim()))
const num = (s: string) => Number(s.trim())

/**
 * Checks done before sending, keyed like the server's field errors (lower case), with the same limits.
 * `hasSecret`: the rule being edited keeps a webhook secret, so a blank one is fine.
 */
export function validateAlert(v: AlertFormValues, hasSecret = false): Record<string, string> {
  const e: Record<string, string> = {}
  if (!v.name.trim()) e.name = 'Give the rule a name.'
  else if (v.name.trim().length > 200) e.name = 'At most 200 characters.'
  if (!isWhole(v.cooldownSeconds) || num(v.cooldownSeconds) > maxCooldownSeconds) e.cooldownseconds = `Whole seconds from 0 to ${maxCooldownSeconds.toLocaleString('en-US')} (30 days).`
  if (v.channels.length === 0) e.channels = 'Choose at least one channel.'
  if (v.channels.includes('webhook') && !v.webhookChannelId) {
    if (!/^https?:\/\/[^\s/]+/i.test(v.webhookUrl.trim())) e.webhookurl = 'An absolute http or https address, e.g. https://example.com/hook.'
    const secret = v.webhookSecret
    if (secret ? secret.length < 16 || secret.length > 200 : !hasSecret) e.webhooksecret = 'A secret of 16 to 200 characters, to sign each request.'
  }
  if (v.channels.includes('email') && !v.emailChannelId && !/^[^\s@]+@[^\s@]+$/.test(v.email.trim())) e.email = 'One address, such as name@example.com.'
  if (seriesKinds.includes(v.kind)) {
    if (!v.symbol.trim()) e.symbol = 'Enter the symbol of a known asset.'
    if (!v.interval) e.interval = 'Choose an interval.'
  }
  switch (v.kind) {
    case 'price':
      if (!finite(v.level)) e.level = 'Enter the price level, a number.'
      if (!finite(v.hysteresis || '0') || num(v.hysteresis || '0') < 0) e.hysteresis = 'A number of 0 or more.'
      break
    case 'move':
      if (!finite(v.percent) || num(v.percent) <= 0) e.percent = 'A percentage above 0, e.g. 5.'
      if (!isWhole(v.bars) || num(v.bars) > maxBars) e.bars = `Whole bars from 0 (since the previous close) to ${maxBars}.`
      break
    case 'volume':
      if (!finite(v.multiplier) || num(v.multiplier) <= 0) e.multiplier = 'A multiple above 0, e.g. 3.'
      if (!isWhole(v.bars) || num(v.bars) < 1 || num(v.bars) > maxBars) e.bars = `Whole bars from 1 to ${maxBars}.`
      break
    case 'stale':
      if (!isWhole(v.bars) || num(v.bars) < 1 || num(v.bars) > maxBars) e.bars = `Whole periods from 1 to ${maxBars}.`
      break
    case 'portfolio':
      if (!v.portfolioId) e.portfolioid = 'Choose one of your portfolios.'
      if (v.measure === 'drawdown' && (!finite(v.percent) || num(v.percent) <= 0 || num(v.percent) >= 100)) e.percent = 'A drawdown above 0 and below 100, e.g. 10.'
      if (v.measure === 'var' && (!finite(v.confidence) || num(v.confidence) < 50 || num(v.confidence) >= 100)) e.confidence = 'A confidence from 50 to below 100, e.g. 95.'
      break
    case 'job':
      if (!v.jobId) e.jobid = 'Choose one of your scheduler jobs.'
      break
  }
  return e
}

/** The request body: only the fields the kind uses; a blank secret is left out so the server keeps the stored one. */
export function toAlertInput(v: AlertFormValues): AlertRuleInput {
  const series = seriesKinds.includes(v.kind)
  return {
    name: v.name.trim(),
    kind: v.kind,
    enabled: v.enabled,
    cooldownSeconds: num(v.cooldownSeconds),
    channels: v.channels,
    webhookUrl: inline(v, 'webhook') ? v.webhookUrl.trim() : null,
    webhookSecret: inline(v, 'webhook') && v.webhookSecret ? v.webhookSecret : null,
    email: inline(v, 'email') ? v.email.trim() : null,
    webhookChannelId: v.channels.includes('webhook') && v.webhookChannelId ? v.webhookChannelId : null,
    emailChannelId: v.channels.includes('email') && v.emailChannelId ? v.emailChannelId : null,
    symbol: series ? v.symbol.trim() : null,
    interval: series ? v.interval : null,
    direction: v.kind === 'price' ? v.priceDirection : v.kind === 'move' ? v.moveDirection : null,
    field: v.kind === 'price' ? v.field : v.kind === 'portfolio' ? v.measure : null,
    level: v.kind === 'price' ? num(v.level) : null,
    hysteresis: v.kind === 'price' ? num(v.hysteresis || '0') : null,
    percent: v.kind === 'move' || (v.kind === 'portfolio' && v.measure === 'drawdown') ? num(v.percent) : null,
    bars: v.kind === 'move' || v.kind === 'volume' || v.kind === 'stale' ? num(v.bars) : null,
    multiplier: v.kind === 'volume' ? num(v.multiplier) : null,
    jobId: v.kind === 'job' ? v.jobId : null,
    portfolioId: v.kind === 'portfolio' ? v.portfolioId : null,
    // The API takes a fraction; the form speaks percent.
    confidence: v.kind === 'portfolio' && v.measure === 'var' ? num(v.confidence) / 100 : null,
  }
}

/** Whether the rule's webhook or email is written as an address rather than chosen among the saved channels. */
const inline = (v: AlertFormValues, c: 'webhook' | 'email') =>
  v.channels.includes(c) && !(c === 'webhook' ? v.webhookChannelId : v.emailChannelId)

const text = (x: number | null) => (x === null ? '' : String(x))

/** A stored rule in the form, for editing; the secret is never sent back, so it starts blank. */
export function fromRule(r: AlertRuleDto): AlertFormValues {
  return {
    ...emptyAlert,
    name: r.name,
    kind: (r.kind as AlertKind) ?? 'price',
    enabled: r.enabled,
    cooldownSeconds: String(r.cooldownSeconds),
    channels: r.channels.filter((c): c is Channel => (channels as readonly string[]).includes(c)),
    webhookChannelId: r.webhookChannelId ?? '',
    webhookUrl: r.webhookUrl ?? '',
    email: r.email ?? '',
    emailChannelId: r.emailChannelId ?? '',
    symbol: r.symbol ?? '',
    interval: r.interval ?? emptyAlert.interval,
    priceDirection: r.kind === 'price' && r.direction === 'below' ? 'below' : 'above',
    field: r.field === 'high' || r.field === 'low' ? r.field : 'close',
    level: text(r.level),
    hysteresis: text(r.hysteresis) || '0',
    moveDirection: r.kind === 'move' && (r.direction === 'up' || r.direction === 'down') ? r.direction : 'either',
    percent: text(r.percent),
    bars: text(r.bars),
    multiplier: text(r.multiplier),
    jobId: r.jobId ?? '',
    portfolioId: r.portfolioId ?? '',
    measure: r.kind === 'portfolio' && r.field === 'var' ? 'var' : 'drawdown',
    confidence: r.confidence == null ? emptyAlert.confidence : String(Math.round(r.confidence * 10000) / 100),
  }
}

/** The same rule, paused or resumed: a PUT of everything it has, without its secret (the server keeps it). */
export function withEnabled(r: AlertRuleDto, enabled: boolean): AlertRuleInput {
  return toAlertInput({ ...fromRule(r), enabled })
}

const fmt = (x: number | null) => (x === null ? '?' : x.toLocaleString('en-US', { maximumFractionDigits: 8 }))

/** One line saying when the rule fires, as the docs define it. */
export function describeCondition(r: Pick<AlertRuleDto, 'kind' | 'direction' | 'field' | 'level' | 'hysteresis' | 'percent' | 'bars' | 'multiplier'> & { confidence?: number | null }): string {
  switch (r.kind) {
    case 'price': {
      const above = r.direction !== 'below'
      const h = r.hysteresis ?? 0
      const rearm = h > 0 ? `; re-arms ${above ? 'at or below' : 'at or above'} ${fmt((r.level ?? 0) + (above ? -h : h))}` : ''
      return `${r.field ?? 'close'} ${above ? '≥' : '≤'} ${fmt(r.level)}${rearm}`
    }
    case 'move': {
      const sign = r.direction === 'up' ? '+' : r.direction === 'down' ? '−' : '±'
      return `${sign}${fmt(r.percent)} % ${r.bars === 0 ? 'since the previous close' : `over ${r.bars} bar${r.bars === 1 ? '' : 's'}`}`
    }
    case 'volume':
      return `volume > ${fmt(r.multiplier)}× the median of ${r.bars} bars`
    case 'stale':
      return `no new bar for ${r.bars} period${r.bars === 1 ? '' : 's'}`
    case 'portfolio':
      return r.field === 'var'
        ? `the day's loss exceeds the one-day ${fmt((r.confidence ?? 0.95) * 100)} % VaR`
        : `drawdown beyond ${fmt(r.percent)} %`
    case 'job':
      return 'a run fails, times out or is skipped'
    default:
      return r.kind
  }
}
