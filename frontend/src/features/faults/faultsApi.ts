import { apiSlice, query } from '../../api/apiSlice'
import type { Paged } from '../../api/types'

export type FaultClass = 'transient' | 'permanent'

/** A message a consumer gave up on, as GET /api/ingestion/errors lists it. */
export interface MessageFaultDto {
  id: string
  messageId: string | null
  messageType: string
  queue: string
  /** transient or permanent (FaultClass); the server sends it as a plain string. */
  errorClass: string
  exceptionType: string
  reason: string
  faultedAt: string
  redrives: number
  /** When the platform sends it back by itself; null when it waits for an admin. */
  redriveAt: string | null
}

/** urn:message:InvestmentPlatform.Contracts.Ingestion:CollectionRequested → CollectionRequested */
export const shortType = (urn: string) => urn.slice(urn.lastIndexOf(':') + 1)

export const faultsApi = apiSlice.injectEndpoints({
  endpoints: (build) => ({
    listFaults: build.query<Paged<MessageFaultDto>, { errorClass?: FaultClass; page: number }>({
      query: (p) => `/ingestion/errors${query({ ...p, pageSize: 50 })}`,
      providesTags: ['Fault'],
    }),
    redriveFault: build.mutation<void, string>({
      query: (id) => ({ url: `/ingestion/errors/${encodeURIComponent(id)}/redrive`, method: 'POST' }),
      invalidatesTags: ['Fault'],
    }),
    discardFault: build.mutation<void, string>({
      query: (id) => ({ url: `/ingestion/errors/${encodeURIComponent(id)}`, method: 'DELETE' }),
      invalidatesTags: ['Fault'],
    }),
  }),
})

export const { useListFaultsQuery, useRedriveFaultMutation, useDiscardFaultMutation } = faultsApi
