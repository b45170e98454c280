import { useId, useRef, useState } from 'react'
import { query } from '../../api/apiSlice'
import { downloadFile } from '../../api/download'

const formats = [
  { id: 'csv', label: 'CSV' },
  { id: 'parquet', label: 'Parquet' },
] as const

type Props = { symbol: string; interval: string; from?: string; to?: string; disabled?: boolean }

/**
 * Export of the shown symbol, interval and range through GET /api/market-data/export, signed in as the user: a
 * disclosure button that opens the two formats. Escape closes it and gives focus back to the button.
 */
export function ExportMenu({ symbol, interval, from, to, disabled }: Props) {
  const [open, setOpen] = useState(false)
  const [busy, setBusy] = useState(false)
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null)
  const toggle = useRef<HTMLButtonElement>(null)
  const menuId = useId()

  const close = () => {
    setOpen(false)
    toggle.current?.focus()
  }

  const exportAs = async (format: (typeof formats)[number]['id']) => {
    setBusy(true)
    setMessage(null)
    try {
      const name = await downloadFile(`/market-data/export${query({ symbols: symbol, interval, from, to, format })}`, `${symbol}-${interval}.${format}`)
      setMessage({ error: false, text: `Saved ${name}` })
      close()
    } catch (e) {
      setMessage({ error: true, text: e instanceof Error ? e.message : 'The export failed.' })
    } finally {
      setBusy(false)
    }
  }

  return (
    <div className="relative flex flex-wrap items-center gap-2" onKeyDown={(e) => e.key === 'Escape' && open && close()}>
      <button
        ref={toggle}
        type="button"
        disabled={disabled}
        aria-expanded={open}
        aria-controls={menuId}
        onClick={() => setOpen((o) => !o)}
        className="rounded-md border border-slate-400 px-2 py-1 font-medium hover:bg-slate-100 disabled:opacity-60 dark:border-slate-600 dark:hover:bg-slate-800"
      >
        Export
      </button>
      {open && (
        <div id={menuId} role="group" aria-label={`Export ${symbol} ${interval}`} className="absolute left-0 top-full z-20 mt-1 flex flex-col gap-1 rounded-md border border-slate-300 bg-white p-1 shadow-md dark:border-slate-700 dark:bg-slate-900">
          {formats.map((f) => (
            <button key={f.id} type="button" disabled={busy} onClick={() => void exportAs(f.id)}
              className="whitespace-nowrap rounded px-3 py-1 text-left hover:bg-slate-100 disabled:opacity-60 dark:hover:bg-slate-800">
              Export {f.label}
            </button>
          ))}
        </div>
      )}
      {message && (
        <span role={message.error ? 'alert' : 'status'} className={`${message.error ? 'text-rose-700 dark:text-rose-400' : 'text-slate-600 dark:text-slate-400'}`}>
          {message.text}
        </span>
      )}
    </div>
  )
}
