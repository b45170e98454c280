import { useState, type FormEvent } from 'react'
import { Button, Field, Input } from '../../components/Form'

type Props = {
  title: string
  intro?: string
  submitLabel: string
  confirmPassword?: boolean
  defaultUser?: string
  onSubmit: (username: string, password: string) => Promise<void>
}

/** The user name and password form shared by sign-in and first-start setup. */
export function SignInForm({ title, intro, submitLabel, confirmPassword, defaultUser = '', onSubmit }: Props) {
  const [username, setUsername] = useState(defaultUser)
  const [password, setPassword] = useState('')
  const [confirm, setConfirm] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  async function submit(e: FormEvent) {
    e.preventDefault()
    if (!username.trim() || !password) return setError('Enter a user name and a password.')
    if (confirmPassword && password !== confirm) return setError('The passwords differ.')
    setBusy(true)
    setError(null)
    try {
      await onSubmit(username.trim(), password)
    } catch (err) {
      setError(String((err as Error).message ?? err))
    } finally {
      setBusy(false)
    }
  }

  return (
    <main id="main" className="mx-auto flex min-h-screen max-w-sm flex-col justify-center px-4">
      <h1 className="mb-1 text-2xl font-bold">{title}</h1>
      {intro && <p className="mb-4 text-sm text-slate-700 dark:text-slate-300">{intro}</p>}
      <form aria-label={title} onSubmit={submit} className="flex flex-col gap-3 rounded-lg border border-slate-300 p-4 dark:border-slate-700">
        <Field label="User name">{(p) => <Input {...p} autoComplete="username" value={username} onChange={(e) => setUsername(e.target.value)} />}</Field>
        <Field label="Password">
          {(p) => <Input {...p} type="password" autoComplete={confirmPassword ? 'new-password' : 'current-password'} value={password} onChange={(e) => setPassword(e.target.value)} />}
        </Field>
        {confirmPassword && (
          <Field label="Repeat password">
            {(p) => <Input {...p} type="password" autoComplete="new-password" value={confirm} onChange={(e) => setConfirm(e.target.value)} />}
          </Field>
        )}
        {error && (
          <p role="alert" className="text-sm font-medium text-rose-700 dark:text-rose-400">
            {error}
          </p>
        )}
        <Button type="submit" disabled={busy}>
          {submitLabel}
        </Button>
      </form>
    </main>
  )
}
