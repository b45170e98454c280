import { signOut } from './session'
import { useMeQuery } from './authApi'

/** Who is signed in, with which role, and the way out. */
export function UserMenu() {
  const { data } = useMeQuery()
  return (
    <div className="flex items-center gap-2 text-sm">
      {data && (
        <span data-testid="current-user" data-role={data.role}>
          <span data-testid="current-user-name" className="font-medium">{data.userName}</span>
          <span className="ml-1 rounded bg-slate-200 px-1.5 py-0.5 text-xs text-slate-800 dark:bg-slate-800 dark:text-slate-200">{data.role}</span>
        </span>
      )}
      <button
        type="button"
        className="rounded-md border border-slate-400 px-2 py-1 hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800"
        onClick={async () => {
          await signOut()
          window.location.assign('/login')
        }}
      >
        Sign out
      </button>
    </div>
  )
}
