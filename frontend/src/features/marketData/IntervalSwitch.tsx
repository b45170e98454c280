import { chartIntervals, intervalLabel } from './intervals'

/** A radio group styled as segmented buttons: arrow keys move between intervals. */
export function IntervalSwitch({ value, onChange, name = 'interval' }: { value: string; onChange: (v: string) => void; name?: string }) {
  return (
    <fieldset className="flex flex-wrap gap-1">
      <legend className="sr-only">Chart interval</legend>
      {chartIntervals.map((i) => (
        <label key={i} title={intervalLabel[i]} className="cursor-pointer">
          <input type="radio" name={name} value={i} checked={value === i} onChange={() => onChange(i)} className="peer sr-only" />
          <span className="inline-block rounded-md border border-slate-300 px-2 py-1 text-xs font-medium peer-checked:border-sky-700 peer-checked:bg-sky-700 peer-checked:text-white peer-focus-visible:outline-2 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-sky-600 dark:border-slate-700 dark:peer-checked:border-sky-400 dark:peer-checked:bg-sky-700">
            {i}
          </span>
        </label>
      ))}
    </fieldset>
  )
}
