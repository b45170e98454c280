/** A row of buttons of which one is chosen (aria-pressed), such as a chart's range presets. */
export function PressedButtons<T extends string>({ label, options, value, onChange }: {
  label: string; options: readonly T[]; value: T; onChange: (value: T) => void
}) {
  return (
    <div role="group" aria-label={label} className="flex flex-wrap gap-1">
      {options.map((o) => (
        <button
          key={o}
          type="button"
          aria-pressed={value === o}
          onClick={() => onChange(o)}
          className="min-w-9 rounded-md border border-slate-400 px-2 py-1 text-xs font-medium hover:bg-slate-100 aria-pressed:border-sky-700 aria-pressed:bg-sky-700 aria-pressed:text-white dark:border-slate-600 dark:hover:bg-slate-800 dark:aria-pressed:border-sky-400 dark:aria-pressed:bg-sky-700"
        >
          {o}
        </button>
      ))}
    </div>
  )
}
