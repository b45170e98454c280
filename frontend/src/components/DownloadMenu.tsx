import { useId, useRef, useState } from 'react'
import { downloadFile } from '../api/download'

/** One file the menu offers: the API path (under /api) and the name to save it as when the server gives none. */
export type DownloadItem = { id: string; label: string; path: string; fileName: string }

/**
 * Downloads signed in as the user: a disclosure button that opens the files on offer. Escape closes it and gives focus
 * back to the button; the saved file's name, or why it failed, is announced beside it.
 */
export function DownloadMenu({ label = 'Export', group, items, disabled }: { label?: string; group: string; items: DownloadItem[]; disabled?: boolean }) {
  const [open, setOpen] = useState(false)
  const [busy, setBusy] = useState(false)
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null)
  const toggle = useRef<HTMLButtonElement>(null)
  const menuId = useId()

  const close = () => {
    setOpen(false)
    toggle.current?.focus()
  }

  const save = async (item: DownloadItem) => {
    setBusy(true)
    setMessage(null)
    try {
      const name = await downloadFile(item.path, item.fileName)
      setMessage({ error: false, text: `Saved ${name}` })
      close()
    } catch (e) {
      setMessage({ error: true, text: e instanceof Error ? e.message : 'The download failed.' })
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
        {label}
      </button>
      {open && (
        <div id={menuId} role="group" aria-label={group} className="absolute left-0 top-full z-20 mt-1 flex flex-col gap-1 rounded-md border border-slate-300 bg-white p-1 shadow-md dark:border-slate-700 dark:bg-slate-900">
          {items.map((item) => (
            <button key={item.id} type="button" disabled={busy} onClick={() => void save(item)}
              className="whitespace-nowrap rounded px-3 py-1 text-left hover:bg-slate-100 disabled:opacity-60 dark:hover:bg-slate-800">
              {item.label}
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
