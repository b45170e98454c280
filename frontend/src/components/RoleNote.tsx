import { useCan, type Role } from '../features/auth/authApi'

/** Says why the controls around it are disabled, when the signed-in user's role is below `needed`. */
export function RoleNote({ needed, what }: { needed: Role; what: string }) {
  const can = useCan(needed)
  if (can.allowed) return null
  return (
    <p role="note" data-testid="role-note" className="mb-3 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100">
      {what} {can.reason}
    </p>
  )
}
