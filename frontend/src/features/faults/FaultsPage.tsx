import { useState } from 'react'
import { problemMessage } from '../../api/problem'
import { Card, PageHeader } from '../../components/Card'
import { Field, Select } from '../../components/Form'
import { Pagination } from '../../components/Pagination'
import { QueryState } from '../../components/QueryState'
import { RoleNote } from '../../components/RoleNote'
import { useCan } from '../auth/authApi'
import { FaultsTable } from './FaultsTable'
import { shortType, type FaultClass, type MessageFaultDto, useDiscardFaultMutation, useListFaultsQuery, useRedriveFaultMutation } from './faultsApi'

/** Messages the platform gave up on (admins only): transient ones come back by themselves, permanent ones wait here. */
export default function FaultsPage() {
  const can = useCan('admin')
  const [errorClass, setErrorClass] = useState<FaultClass | ''>('')
  const [page, setPage] = useState(1)
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null)
  const faults = useListFaultsQuery({ errorClass: errorClass || undefined, page }, { skip: !can.allowed })
  const [redrive, redriving] = useRedriveFaultMutation()
  const [discard, discarding] = useDiscardFaultMutation()
  const busy = redriving.isLoading || discarding.isLoading

  const act = async (f: MessageFaultDto, action: 'redrive' | 'discard') => {
    try {
      await (action === 'redrive' ? redrive(f.id) : discard(f.id)).unwrap()
      setOutcome({ ok: true, text: `${shortType(f.messageType)} ${action === 'redrive' ? `sent back to ${f.queue}` : 'discarded'}.` })
    } catch (e) {
      setOutcome({ ok: false, text: problemMessage(e) })
    }
  }

  return (
    <>
      <PageHeader title="Faulted messages" />
      <RoleNote needed="admin" what="Faulted messages are for admins." />
      {can.allowed && (
        <Card>
          <p className="mb-3 text-sm text-slate-700 dark:text-slate-300">
            Messages that failed on a transient error (database or broker away) are sent back to their queue by themselves; permanent ones wait here until you re-drive or discard them.
          </p>
          <div className="mb-3 grid gap-3 sm:grid-cols-3">
            <Field label="Class">
              {(p) => (
                <Select {...p} value={errorClass} onChange={(e) => { setErrorClass(e.target.value as FaultClass | ''); setPage(1) }}>
                  <option value="">any</option>
                  <option value="transient">transient</option>
                  <option value="permanent">permanent</option>
                </Select>
              )}
            </Field>
          </div>
          <p role="status" className={`mb-2 text-sm ${outcome?.ok === false ? 'text-rose-800 dark:text-rose-300' : 'text-emerald-800 dark:text-emerald-300'}`}>
            {outcome?.text}
          </p>
          <QueryState query={faults} isEmpty={(d) => d.items.length === 0} empty={<p className="text-sm">No faulted messages.</p>} loadingLabel="Loading faulted messages…">
            {(d) => (
              <>
                <FaultsTable faults={d.items} busy={busy} onAct={act} />
                {d.totalPages > 1 && <Pagination page={d.page} totalPages={d.totalPages} totalCount={d.totalCount} onPage={setPage} />}
              </>
            )}
          </QueryState>
        </Card>
      )}
    </>
  )
}
