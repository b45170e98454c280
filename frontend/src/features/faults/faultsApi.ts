import { apiSlice, query } from '../../api/apiSlice'
import type { MessageFaultDto, Paged } from '../../api/schemas'

export type { MessageFaultDto }

export type FaultClass = 'transient' | 'permanent'

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
