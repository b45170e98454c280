// The scheduler's wire types (docs/api/scheduler.md), from the server's OpenAPI document through api/schemas' Sent.
import type * as G from '../../api/openapi.gen'
import type { Sent } from '../../api/schemas'

export type Schedule = Sent<G.ScheduleDto>
export type LastRun = Sent<G.LastRunDto>
// The document cannot say that an object-valued property may be null (OpenAPI 3.0 drops it beside a $ref): these can.
export type JobDto = Omit<Sent<G.JobDto>, 'lastRun' | 'report'> & { lastRun: LastRun | null; report: Sent<G.ReportInput> | null }
export type TemplateDto = Omit<Sent<G.TemplateDto>, 'schedule'> & { schedule: Schedule | null }
export type RunDto = Sent<G.RunDto>
export type JobGraph = Sent<G.JobGraph>
/** The bounds the server checks a job against (GET /api/scheduler/limits). */
export type JobLimits = Sent<G.JobLimits>
export type CronNext = Sent<G.CronPreviewDto>
export type JobAnalytics = Sent<G.RunAnalyticsDto>
