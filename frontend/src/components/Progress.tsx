export function ProgressBar({ done, total, label }: { done: number; total: number; label: string }) {
  const pct = total > 0 ? Math.min(100, Math.round((done / total) * 100)) : 0
  return (
    <div className="flex min-w-[6rem] items-center gap-2">
      <div role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={total || 1} aria-valuenow={done} className="h-2 flex-1 overflow-hidden rounded bg-slate-200 dark:bg-slate-700">
        <div className="h-full bg-sky-600 transition-all dark:bg-sky-400" style={{ width: `${pct}%` }} />
      </div>
      <span className="num text-xs">
        {done}/{total}
      </span>
    </div>
  )
}
