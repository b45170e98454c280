import { useId, type ReactNode, type InputHTMLAttributes, type SelectHTMLAttributes } from 'react'

type FieldProps = { label: string; error?: string; hint?: ReactNode; children: (props: { id: string; 'aria-invalid'?: boolean; 'aria-describedby'?: string }) => ReactNode; className?: string }

/** A labelled control with its hint and its error, wired for screen readers. */
export function Field({ label, error, hint, children, className = '' }: FieldProps) {
  const id = useId()
  const hintId = hint ? `${id}-hint` : undefined
  const errId = error ? `${id}-err` : undefined
  return (
    <div className={`flex min-w-0 flex-col gap-1 ${className}`}>
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      {children({ id, 'aria-invalid': error ? true : undefined, 'aria-describedby': [hintId, errId].filter(Boolean).join(' ') || undefined })}
      {hint && (
        <div id={hintId} className="text-xs text-slate-600 dark:text-slate-400">
          {hint}
        </div>
      )}
      {error && (
        <p id={errId} className="text-xs font-medium text-rose-700 dark:text-rose-400">
          {error}
        </p>
      )}
    </div>
  )
}

export const inputCls =
  'w-full min-w-0 rounded-md border border-slate-400 bg-white px-2 py-1.5 text-sm text-slate-900 aria-[invalid=true]:border-rose-600 dark:border-slate-600 dark:bg-slate-950 dark:text-slate-100'

export function Input(props: InputHTMLAttributes<HTMLInputElement>) {
  return <input {...props} className={`${inputCls} ${props.className ?? ''}`} />
}

export function Select(props: SelectHTMLAttributes<HTMLSelectElement>) {
  return <select {...props} className={`${inputCls} ${props.className ?? ''}`} />
}

/** A labelled choice among fixed options, each shown by `show` (its own value by default). */
export function SelectField({ label, error, value, options, onChange, show = (o) => o }: {
  label: string; error?: string; value: string; options: readonly string[]; onChange: (value: string) => void; show?: (option: string) => string
}) {
  return (
    <Field label={label} error={error}>
      {(p) => (
        <Select {...p} value={value} onChange={(e) => onChange(e.target.value)}>
          {options.map((o) => (
            <option key={o} value={o}>{show(o)}</option>
          ))}
        </Select>
      )}
    </Field>
  )
}

export function Button({ variant = 'primary', className = '', ...props }: React.ButtonHTMLAttributes<HTMLButtonElement> & { variant?: 'primary' | 'secondary' | 'danger' }) {
  const look = {
    primary: 'bg-sky-700 text-white hover:bg-sky-800 disabled:bg-slate-400 dark:bg-sky-700 dark:hover:bg-sky-800 dark:disabled:bg-slate-600',
    secondary: 'border border-slate-400 hover:bg-slate-100 disabled:opacity-60 dark:border-slate-600 dark:hover:bg-slate-800',
    danger: 'bg-rose-700 text-white hover:bg-rose-800 disabled:bg-slate-400',
  }[variant]
  return <button type="button" {...props} className={`rounded-md px-3 py-1.5 text-sm font-medium ${look} ${className}`} />
}
