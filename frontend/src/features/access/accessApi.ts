import { apiSlice, query } from '../../api/apiSlice'
import type { Paged } from '../../api/schemas'
import type { Role } from '../auth/authApi'

export interface UserDto {
  id: string
  userName: string
  role: Role
  disabled: boolean
  lockedUntil: string | null
  createdAt: string
}

export interface ApiKeyDto {
  id: string
  name: string
  prefix: string
  scope: 'read' | 'write' | 'admin'
  metrics: boolean
  ownerId: string
  ownerName: string
  createdAt: string
  expiresAt: string | null
  lastUsedAt: string | null
  revokedAt: string | null
}

export interface AuditEntryDto {
  id: number
  time: string
  userId: string | null
  userName: string | null
  apiKeyId: string | null
  method: string
  path: string
  changes: string
}

export interface CreatedApiKey {
  key: ApiKeyDto
  secret: string
}

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
