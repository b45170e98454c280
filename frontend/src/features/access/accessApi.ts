import { apiSlice, query } from '../../api/apiSlice'
import type * as G from '../../api/openapi.gen'
import type { Paged, Sent } from '../../api/schemas'
import type { Role } from '../auth/authApi'

// The document says only "string" for the role and the scope; the server's vocabulary is these (docs/api/README.md).
export type UserDto = Omit<Sent<G.UserDto>, 'role'> & { role: Role }
export type ApiKeyDto = Omit<Sent<G.ApiKeyDto>, 'scope'> & { scope: 'read' | 'write' | 'admin' }
export type AuditEntryDto = Sent<G.AuditEntryDto>
export type CreatedApiKey = { key: ApiKeyDto; secret: string }

export const accessApi = apiSlice.injectEndpoints({
  endpoints: (build) => ({
    listUsers: build.query<UserDto[], void>({ query: () => '/users', providesTags: ['User'] }),
    createUser: build.mutation<UserDto, { userName: string; password: string; role: Role }>({
      query: (body) => ({ url: '/users', method: 'POST', body }),
      invalidatesTags: ['User'],
    }),
    updateUser: build.mutation<UserDto, { id: string; role?: Role; disabled?: boolean }>({
      query: ({ id, ...body }) => ({ url: `/users/${encodeURIComponent(id)}`, method: 'PUT', body }),
      invalidatesTags: ['User', 'ApiKey'],
    }),
    listKeys: build.query<ApiKeyDto[], void>({ query: () => '/keys', providesTags: ['ApiKey'] }),
    createKey: build.mutation<CreatedApiKey, { name: string; scope: string; metrics: boolean; expiresAt: string | null }>({
      query: (body) => ({ url: '/keys', method: 'POST', body }),
      invalidatesTags: ['ApiKey'],
    }),
    listAudit: build.query<Paged<AuditEntryDto>, { user?: string; method?: string; path?: string; page: number }>({
      query: (p) => `/audit${query({ ...p, pageSize: 50 })}`,
      providesTags: ['Audit'],
    }),
    revokeKey: build.mutation<void, string>({ query: (id) => ({ url: `/keys/${id}`, method: 'DELETE' }), invalidatesTags: ['ApiKey'] }),
  }),
})

export const { useListAuditQuery, useListUsersQuery, useCreateUserMutation, useUpdateUserMutation, useListKeysQuery, useCreateKeyMutation, useRevokeKeyMutation } = accessApi
