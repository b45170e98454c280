import type { AlertRuleDto, AssetDto, NotificationDto, WatchlistItem } from '../api/schemas'
import type { JobDto, RunDto } from '../features/scheduler/schedulerTypes'

export const asset = (over: Partial<AssetDto> = {}): AssetDto => ({
  assetId: 1, symbol: 'SYN-A', name: 'Synthetic A', assetType: 'stock', currency: 'USD', exchange: null, source: 'synthetic',
  metadata: {}, isSynthetic: true, createdAt: '2024-01-01T00:00:00Z', updatedAt: '2024-01-02T00:00:00Z', version: 0, ...over,
})

export const job = (over: Partial<JobDto> = {}): JobDto => ({
  id: 'j1', name: 'Daily synthetic', description: null, source: 'synthetic', symbols: ['SYN-A'], assetFilter: null, assetType: 'stock',
  interval: '1d', mode: 'incremental', lookbackDays: 30, schedule: { kind: 'cron', cron: '0 0/5 * * * ?', timeZone: 'UTC', intervalSeconds: null },
  enabled: true, maxRetries: 2, timeoutSeconds: 600, tags: [], templateId: null, dependsOn: [], lastRun: null, nextFireTime: null, ownerId: null, options: null,
  createdAt: '2024-01-01T00:00:00Z', updatedAt: '2024-01-01T00:00:00Z', version: 0, kind: 'collection', report: null, ...over,
})

export const run = (over: Partial<RunDto> = {}): RunDto => ({
  id: 'r1', jobId: 'j1', jobName: 'Daily synthetic', status: 'pending', trigger: 'manual', attempt: 1, chainId: null, requestId: null,
  scheduledAt: '2024-01-01T00:00:00Z', startedAt: null, finishedAt: null, durationMs: null, recordsCollected: 0, recordsLoaded: 0,
  recordsRejected: 0, errorClass: null, errorMessage: null, reportId: null, ...over,
})

export const watch = (over: Partial<WatchlistItem> = {}): WatchlistItem => ({
  symbol: 'SYN-A', name: 'Synthetic A', assetType: 'stock', currency: 'USD', isSynthetic: true, last: 101.5, change: 1.5,
  changePercent: 1.5, time: '2024-01-02T00:00:00Z', sparkline: [100, 100.5, 101, 101.5], ...over,
})

export const alertRule = (over: Partial<AlertRuleDto> = {}): AlertRuleDto => ({
  id: 'a1', name: 'SYN-A breakout', kind: 'price', enabled: true, cooldownSeconds: 0, channels: ['inapp'], symbol: 'SYN-A', interval: '1d',
  direction: 'above', field: 'close', level: 105, hysteresis: 2, percent: null, bars: null, multiplier: null, jobId: null, webhookUrl: null,
  hasWebhookSecret: false, email: null, armed: true, lastFiredAt: null, createdAt: '2024-01-01T00:00:00Z', updatedAt: '2024-01-01T00:00:00Z',
  portfolioId: null, confidence: null, webhookChannelId: null, emailChannelId: null, ...over,
})

export const notification = (over: Partial<NotificationDto> = {}): NotificationDto => ({
  id: 'n1', ruleId: 'a1', firingId: 'f1', title: 'SYN-A breakout', body: 'close 108 crossed above 105', link: '/assets/SYN-A',
  createdAt: '2024-01-08T00:00:05Z', readAt: null, ...over,
})
