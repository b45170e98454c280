import { useState } from 'react'
import { BarChart } from '../../components/BarChart'
import { Card } from '../../components/Card'
import { Field, Select } from '../../components/Form'
import { Metric, MetricGrid } from '../../components/Metric'
import { QueryState } from '../../components/QueryState'
import { fmtDuration, fmtInt, fmtPercent, isoDaysAgo, label } from '../../utils/format'
import { useJobAnalyticsQuery, useListJobsQuery } from './schedulerApi'

export function JobAnalyticsPanel() {
  const [jobId, setJobId] = useState('')
  const [days, setDays] = useState('30')
  const jobs = useListJobsQuery({ pageSize: 200 })
  const q = useJobAnalyticsQuery({ jobId: jobId || undefined, from: `${isoDaysAgo(Number(days))}T00:00:00Z` })
  return (
    <div className="space-y-4">
      <div className="grid max-w-xl grid-cols-1 gap-3 sm:grid-cols-2">
        <Field label="Job">
          {(p) => (
            <Select {...p} value={jobId} onChange={(e) => setJobId(e.target.value)}>
              <option value="">All jobs</option>
              {jobs.data?.items.map((j) => (
                <option key={j.id} value={j.id}>{j.name}</option>
              ))}
            </Select>
          )}
        </Field>
        <Field label="Window">
          {(p) => (
            <Select {...p} value={days} onChange={(e) => setDays(e.target.value)}>
              <option value="1">Last day</option>
              <option value="7">Last 7 days</option>
              <option value="30">Last 30 days</option>
              <option value="90">Last 90 days</option>
            </Select>
          )}
        </Field>
      </div>
      <QueryState query={q} loadingLabel="Loading job analytics…">
        {(a) => (
          <>
            <MetricGrid label="Run figures">
              <Metric label="Runs" value={fmtInt(a.runs)} />
              <Metric label="Success rate" value={fmtPercent(a.successRate, 1)} tone={a.successRate !== null && a.successRate < 0.9 ? 'bad' : 'good'} />
              <Metric label="Failed" value={fmtInt(a.failed + a.timedOut)} hint={`${fmtInt(a.timedOut)} timed out, ${fmtInt(a.skipped)} skipped`} />
              <Metric label="Mean duration" value={fmtDuration(a.meanDurationMs)} />
              <Metric label="p95 duration" value={fmtDuration(a.p95DurationMs)} />
              <Metric label="Records loaded" value={fmtInt(a.recordsLoaded)} />
            </MetricGrid>
            <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
              <Card title="Success rate per day">
                <BarChart label="Success rate per day" color="fill-emerald-600 dark:fill-emerald-400" format={(v) => fmtPercent(v, 0)} data={a.daily.map((d) => ({ label: d.date.slice(0, 10), value: d.runs ? d.succeeded / d.runs : 0 }))} />
              </Card>
              <Card title="Mean duration per day">
                <BarChart label="Mean run duration per day" format={(v) => fmtDuration(v)} data={a.daily.map((d) => ({ label: d.date.slice(0, 10), value: d.meanDurationMs ?? 0 }))} />
              </Card>
              <Card title="Records loaded per day">
                <BarChart label="Records loaded per day" color="fill-violet-600 dark:fill-violet-400" data={a.daily.map((d) => ({ label: d.date.slice(0, 10), value: d.recordsLoaded }))} />
              </Card>
              <Card title="Failures by class">
                <BarChart label="Failures by error class" color="fill-rose-600 dark:fill-rose-400" data={Object.entries(a.failuresByClass ?? {}).map(([k, v]) => ({ label: label(k), value: v }))} />
              </Card>
            </div>
          </>
        )}
      </QueryState>
    </div>
  )
}
