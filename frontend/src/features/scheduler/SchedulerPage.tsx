import { useState } from 'react'
import { useSearchParams } from 'react-router'
import { Card, PageHeader } from '../../components/Card'
import { Tabs } from '../../components/Tabs'
import { DependencyGraph } from './DependencyGraph'
import { JobAnalyticsPanel } from './JobAnalyticsPanel'
import { JobForm } from './JobForm'
import { JobList } from './JobList'
import { RunHistory } from './RunHistory'
import { TemplatesPanel } from './TemplatesPanel'
import { fromTemplate, emptyJob } from './jobForm'
import { useListTemplatesQuery } from './schedulerApi'
import { RoleNote } from '../../components/RoleNote'
import { useCan } from '../auth/authApi'

const tabs = [
  { id: 'jobs', label: 'Jobs' },
  { id: 'new', label: 'New job' },
  { id: 'runs', label: 'Run history' },
  { id: 'graph', label: 'Dependencies' },
  { id: 'templates', label: 'Templates' },
  { id: 'analytics', label: 'Analytics' },
]

export default function SchedulerPage() {
  const [params, setParams] = useSearchParams()
  const tab = tabs.some((t) => t.id === params.get('tab')) ? params.get('tab')! : 'jobs'
  const [runsJob, setRunsJob] = useState('')
  const [templateId, setTemplateId] = useState('')
  const templates = useListTemplatesQuery()
  const canChange = useCan('analyst')
  const go = (id: string) => setParams((p) => { p.set('tab', id); return p }, { replace: true })
  const template = templates.data?.find((t) => t.id === templateId)

  return (
    <>
      <PageHeader title="Scheduler" />
      <Card>
        <Tabs tabs={tabs} current={tab} onChange={go} label="Scheduler sections">
          {tab === 'jobs' && <JobList onShowRuns={(id) => { setRunsJob(id); go('runs') }} />}
          {tab === 'new' && !canChange.allowed && <RoleNote needed="analyst" what="Creating jobs is disabled." />}
          {tab === 'new' && canChange.allowed && <JobForm key={templateId} initial={template ? fromTemplate(emptyJob, template) : undefined} onCreated={() => { setTemplateId(''); go('jobs') }} />}
          {tab === 'runs' && <RunHistory jobId={runsJob} onJobChange={setRunsJob} />}
          {tab === 'graph' && <DependencyGraph />}
          {tab === 'templates' && <TemplatesPanel onUse={(id) => { setTemplateId(id); go('new') }} />}
          {tab === 'analytics' && <JobAnalyticsPanel />}
        </Tabs>
      </Card>
    </>
  )
}
