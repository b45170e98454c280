import { apiSlice, query } from '../../api/apiSlice'
import { liveEvents } from '../../api/liveEvents'
import type { CronNext, JobAnalytics, JobDto, JobLimits, RunDto, TemplateDto } from './schedulerTypes'
import type { JobGraph, JobInput, Paged } from '../../api/schemas'
import { applyJobStatus, applyRunStatus } from './liveRuns'

export type RunFilter = { jobId?: string; status?: string; from?: string; to?: string; page?: number; pageSize?: number }

const id = (x: string) => encodeURIComponent(x)

export const schedulerApi = apiSlice.injectEndpoints({
  endpoints: (build) => ({
    listJobs: build.query<Paged<JobDto>, { enabled?: boolean; tag?: string; q?: string; page?: number; pageSize?: number }>({
      query: (a) => `/scheduler/jobs${query(a)}`,
      providesTags: (r) => [{ type: 'Job', id: 'LIST' }, ...(r?.items ?? []).map((j) => ({ type: 'Job' as const, id: j.id }))],
      async onCacheEntryAdded(_a, { updateCachedData, cacheDataLoaded, cacheEntryRemoved }) {
        try {
          await cacheDataLoaded
        } catch {
          return
        }
        const off = liveEvents.on('job_status', (e) => updateCachedData((draft) => draft.items.forEach((j) => applyJobStatus(j, e))))
        await cacheEntryRemoved
        off()
      },
    }),
    getJob: build.query<JobDto, string>({ query: (j) => `/scheduler/jobs/${id(j)}`, providesTags: (_r, _e, j) => [{ type: 'Job', id: j }] }),
    createJob: build.mutation<JobDto, JobInput>({
      query: (body) => ({ url: '/scheduler/jobs', method: 'POST', body }),
      invalidatesTags: [{ type: 'Job', id: 'LIST' }, 'Graph'],
    }),
    getJobLimits: build.query<JobLimits, void>({ query: () => '/scheduler/limits' }),
    updateJob: build.mutation<JobDto, { id: string; body: JobInput }>({
      query: (a) => ({ url: `/scheduler/jobs/${id(a.id)}`, method: 'PUT', body: a.body }),
      // A refused edit changed nothing: refetching would only replace the form the user is still looking at.
      invalidatesTags: (_r, e, a) => (e ? [] : [{ type: 'Job', id: a.id }, { type: 'Job', id: 'LIST' }, 'Graph']),
    }),
    deleteJob: build.mutation<void, string>({
      query: (j) => ({ url: `/scheduler/jobs/${id(j)}`, method: 'DELETE' }),
      invalidatesTags: [{ type: 'Job', id: 'LIST' }, 'Graph'],
    }),
    pauseJob: build.mutation<JobDto, string>({
      query: (j) => ({ url: `/scheduler/jobs/${id(j)}/pause`, method: 'POST' }),
      invalidatesTags: (_r, _e, j) => [{ type: 'Job', id: j }, 'Graph'],
    }),
    resumeJob: build.mutation<JobDto, string>({
      query: (j) => ({ url: `/scheduler/jobs/${id(j)}/resume`, method: 'POST' }),
      invalidatesTags: (_r, _e, j) => [{ type: 'Job', id: j }, 'Graph'],
    }),
    triggerJob: build.mutation<{ runId: string }, string>({
      query: (j) => ({ url: `/scheduler/jobs/${id(j)}/trigger`, method: 'POST' }),
      invalidatesTags: [{ type: 'Run', id: 'LIST' }],
    }),
    cancelRun: build.mutation<unknown, string>({
      query: (r) => ({ url: `/scheduler/runs/${id(r)}/cancel`, method: 'POST' }),
      invalidatesTags: [{ type: 'Run', id: 'LIST' }],
    }),
    listRuns: build.query<Paged<RunDto>, RunFilter>({
      query: (a) => `/scheduler/runs${query(a)}`,
      providesTags: [{ type: 'Run', id: 'LIST' }],
      // Known runs change in place; a run this page has not seen yet means a reload, throttled to one a second.
      async onCacheEntryAdded(args, { updateCachedData, cacheDataLoaded, cacheEntryRemoved, dispatch }) {
        try {
          await cacheDataLoaded
        } catch {
          return
        }
        let timer: ReturnType<typeof setTimeout> | null = null
        const off = liveEvents.on('job_status', (e) => {
          if (args.jobId && args.jobId !== e.jobId) return
          let known = false
          updateCachedData((draft) => {
            const run = draft.items.find((r) => r.id === e.runId)
            if (run) {
              known = true
              applyRunStatus(run, e)
            }
          })
          if (!known && !timer && (args.page ?? 1) === 1)
            timer = setTimeout(() => {
              timer = null
              dispatch(schedulerApi.util.invalidateTags([{ type: 'Run', id: 'LIST' }, 'JobAnalytics']))
            }, 1000)
        })
        await cacheEntryRemoved
        off()
        if (timer) clearTimeout(timer)
      },
    }),
    getGraph: build.query<JobGraph, void>({
      query: () => '/scheduler/graph',
      providesTags: ['Graph'],
      async onCacheEntryAdded(_a, { updateCachedData, cacheDataLoaded, cacheEntryRemoved }) {
        try {
          await cacheDataLoaded
        } catch {
          return
        }
        const off = liveEvents.on('job_status', (e) =>
          updateCachedData((draft) => {
            const n = draft.nodes.find((x) => x.id === e.jobId)
            if (n) n.lastStatus = e.status
          }),
        )
        await cacheEntryRemoved
        off()
      },
    }),
    listTemplates: build.query<TemplateDto[], void>({
      query: () => '/scheduler/templates',
      // Accept either a plain array or a paged answer.
      transformResponse: (r: TemplateDto[] | Paged<TemplateDto>) => (Array.isArray(r) ? r : r.items),
      providesTags: ['Template'],
    }),
    createTemplate: build.mutation<TemplateDto, Partial<TemplateDto>>({
      query: (body) => ({ url: '/scheduler/templates', method: 'POST', body }),
      invalidatesTags: ['Template'],
    }),
    updateTemplate: build.mutation<TemplateDto, { id: string; body: Partial<TemplateDto> & { version: number } }>({
      query: (a) => ({ url: `/scheduler/templates/${id(a.id)}`, method: 'PUT', body: a.body }),
      invalidatesTags: (_r, e) => (e ? [] : ['Template']),
    }),
    deleteTemplate: build.mutation<void, string>({
      query: (t) => ({ url: `/scheduler/templates/${id(t)}`, method: 'DELETE' }),
      invalidatesTags: ['Template'],
    }),
    createJobFromTemplate: build.mutation<JobDto, { templateId: string; body: Partial<JobInput> & { name: string } }>({
      query: (a) => ({ url: `/scheduler/templates/${id(a.templateId)}/jobs`, method: 'POST', body: a.body }),
      invalidatesTags: [{ type: 'Job', id: 'LIST' }, 'Graph'],
    }),
    cronNext: build.query<CronNext, { expr: string; tz?: string; count?: number }>({
      query: (a) => `/scheduler/cron/next${query(a)}`,
    }),
    jobAnalytics: build.query<JobAnalytics, { jobId?: string; from?: string; to?: string }>({
      query: (a) => `/scheduler/analytics${query(a)}`,
      providesTags: ['JobAnalytics'],
    }),
  }),
})

export const {
  useListJobsQuery, useGetJobQuery, useLazyGetJobQuery, useGetJobLimitsQuery, useUpdateTemplateMutation, useCreateJobMutation, useUpdateJobMutation, useDeleteJobMutation, usePauseJobMutation,
  useResumeJobMutation, useTriggerJobMutation, useListRunsQuery, useGetGraphQuery, useListTemplatesQuery,
  useCreateTemplateMutation, useDeleteTemplateMutation, useCreateJobFromTemplateMutation, useCronNextQuery, useJobAnalyticsQuery, useCancelRunMutation } = schedulerApi
