import { DataTable, type Column } from '../../components/DataTable'
import { Button } from '../../components/Form'
import { fmtTime } from '../../utils/format'
import { shortType, type MessageFaultDto } from './faultsApi'

const detail = 'block text-xs text-slate-600 dark:text-slate-400'

export function FaultsTable({ faults, busy, onAct }: { faults: MessageFaultDto[]; busy: boolean; onAct: (f: MessageFaultDto, action: 'redrive' | 'discard') => void }) {
  const columns: Column<MessageFaultDto>[] = [
    { header: 'When', cellClassName: 'num', cell: (f) => fmtTime(f.faultedAt) },
    { header: 'Message', cell: (f) => <><span className="font-medium">{shortType(f.messageType)}</span><span className={detail}>on {f.queue}</span></> },
    { header: 'Class', cell: (f) => f.errorClass },
    { header: 'Reason', cell: (f) => <><span className="break-words">{f.reason}</span><code className={detail}>{f.exceptionType}</code></> },
    {
      header: 'Re-drive',
      cell: (f) => (
        <>
          {f.redriveAt ? `automatic at ${fmtTime(f.redriveAt)}` : 'waits for an admin'}
          {f.redrives > 0 && <span className={detail}>re-driven {f.redrives}×</span>}
        </>
      ),
    },
    {
      header: <span className="sr-only">Actions</span>,
      cellClassName: 'whitespace-nowrap',
      cell: (f) => (
        <>
          <Button variant="secondary" disabled={busy} aria-label={`Re-drive ${shortType(f.messageType)} of ${fmtTime(f.faultedAt)}`} onClick={() => onAct(f, 'redrive')}>Re-drive</Button>{' '}
          <Button variant="danger" disabled={busy} aria-label={`Discard ${shortType(f.messageType)} of ${fmtTime(f.faultedAt)}`} onClick={() => onAct(f, 'discard')}>Discard</Button>
        </>
      ),
    },
  ]
  return <DataTable caption="Faulted messages" columns={columns} rows={faults} rowKey={(f) => f.id} alignTop />
}
