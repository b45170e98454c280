import { apiSlice } from '../../api/apiSlice'
import type * as G from '../../api/openapi.gen'
import type { Sent } from '../../api/schemas'

export type Role = 'admin' | 'analyst' | 'viewer'

export type CurrentUser = Omit<Sent<G.CurrentUserDto>, 'role'> & { role: Role }

export const authApi = apiSlice.injectEndpoints({
  endpoints: (build) => ({
    me: build.query<CurrentUser, void>({ query: () => '/auth/me', providesTags: ['Me'] }),
  }),
})

export const { useMeQuery } = authApi

const rank: Record<Role, number> = { viewer: 0, analyst: 1, admin: 2 }

/** Whether the signed-in user may take an action that needs `needed`, and if not, why. Until the user is known the
 * control stays enabled: the server decides in the end. */
/** Whether the signed-in user may change something another user owns: its owner and admins may. */
export function useOwns(): (ownerId: string | null) => { allowed: boolean; reason: string | undefined } {
  const { data } = useMeQuery()
  return (ownerId) => {
    const allowed = !data || data.role === 'admin' || (data.role !== 'viewer' && data.id === ownerId)
    return { allowed, reason: allowed ? undefined : data?.role === 'viewer' ? 'Needs the analyst role; you are a viewer.' : 'Only the job’s owner or an admin may change it.' }
  }
}

export function useCan(needed: Role): { allowed: boolean; reason: string | undefined } {
  const { data } = useMeQuery()
  const allowed = !data || rank[data.role] >= rank[needed]
  return { allowed, reason: allowed ? undefined : `Needs the ${needed} role${data ? `; you are ${data.role === 'admin' ? 'an' : 'a'} ${data.role}` : ''}.` }
}
