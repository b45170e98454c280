import { useEffect, useRef, useState } from 'react'
import { useSearchParams } from 'react-router'
import type { AlertRuleDto } from '../../api/schemas'
import { Card, PageHeader } from '../../components/Card'
import { RoleNote } from '../../components/RoleNote'
import { Tabs } from '../../components/Tabs'
import { useCan } from '../auth/authApi'
import type { AlertFormValues } from './alertForm'
import { ChannelsPanel } from './ChannelsPanel'
import { Inbox } from './Inbox'
import { RuleForm } from './RuleForm'
import { RuleHistory } from './RuleHistory'
import { RulesTable } from './RulesTable'

const tabs = [
  { id: 'rules', label: 'Rules' },
  { id: 'new', label: 'New rule' },
  { id: 'inbox', label: 'Notifications' },
  { id: 'channels', label: 'Channels' },
]

/** A new price rule can start from a link such as /alerts?tab=new&symbol=AAPL&interval=1d&level=190 (an asset's "Alert me"). */
function prefill(params: URLSearchParams): Partial<AlertFormValues> | undefined {
  const symbol = params.get('symbol')
  if (!symbol) return undefined
  const level = params.get('level') ?? ''
  return { symbol, interval: params.get('interval') ?? '1d', level, name: level ? `${symbol} crosses ${level}` : `${symbol} alert` }
}

export default function AlertsPage() {
  const [params, setParams] = useSearchParams()
  const tab = tabs.some((t) => t.id === params.get('tab')) ? params.get('tab')! : 'rules'
  const [open, setOpen] = useState<{ rule: AlertRuleDto; mode: 'edit' | 'history' } | null>(null)
  const canChange = useCan('analyst')
  const panelTitle = useRef<HTMLHeadingElement>(null)
  const go = (id: string) => setParams((p) => { p.set('tab', id); return p }, { replace: true })
  // Keyboard users land on what they opened, below the table.
  useEffect(() => panelTitle.current?.focus(), [open])

  return (
    <>
      <PageHeader title="Alerts" />
      <Card>
        <Tabs tabs={tabs} current={tab} onChange={go} label="Alerts sections">
          {tab === 'rules' && (
            <div className="space-y-4">
              <RulesTable selected={open?.rule.id ?? null} onEdit={(rule) => setOpen({ rule, mode: 'edit' })} onHistory={(rule) => setOpen({ rule, mode: 'history' })}
                onDeleted={(id) => setOpen((o) => (o?.rule.id === id ? null : o))} />
              {open && (
                <section aria-labelledby="rule-panel-title" className="rounded-md border border-slate-200 p-3 dark:border-slate-800">
                  <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
                    <h2 id="rule-panel-title" ref={panelTitle} tabIndex={-1} className="text-base font-semibold focus:outline-none">
                      {open.mode === 'edit' ? `Edit ${open.rule.name}` : `History of ${open.rule.name}`}
                    </h2>
                    <button type="button" onClick={() => setOpen(null)} className="rounded-md border border-slate-400 px-2 py-0.5 text-sm hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800">
                      Close<span className="sr-only"> {open.mode === 'edit' ? 'the editor' : 'the history'}</span>
                    </button>
                  </div>
                  {open.mode === 'edit'
                    ? <RuleForm key={open.rule.id} rule={open.rule} onSaved={() => setOpen(null)} onCancel={() => setOpen(null)} />
                    : <RuleHistory key={open.rule.id} rule={open.rule} />}
                </section>
              )}
            </div>
          )}
          {tab === 'new' && !canChange.allowed && <RoleNote needed="analyst" what="Creating rules is disabled." />}
          {tab === 'new' && canChange.allowed && <RuleForm initial={prefill(params)} onSaved={() => go('rules')} />}
          {tab === 'inbox' && <Inbox />}
          {tab === 'channels' && <ChannelsPanel />}
        </Tabs>
      </Card>
    </>
  )
}
