import { apiSlice, query } from '../../api/apiSlice'
import type { Holdings, ImportResult, Paged, PortfolioAnalytics, PortfolioDto, PortfolioInput, TransactionDto, TransactionInput } from '../../api/schemas'

const id = (x: string) => encodeURIComponent(x)
const asList = <T,>(r: T[] | Paged<T>) => (Array.isArray(r) ? r : r.items)
// Anything that changes a portfolio's transactions changes its holdings and its analytics too.
const touched = (pid: string) => [
  { type: 'Transaction' as const, id: pid },
  { type: 'Holdings' as const, id: pid },
  { type: 'PortfolioAnalytics' as const, id: pid },
]

export const portfolioApi = apiSlice.injectEndpoints({
  endpoints: (build) => ({
    listPortfolios: build.query<PortfolioDto[], void>({
      query: () => '/portfolios',
      transformResponse: asList<PortfolioDto>,
      providesTags: [{ type: 'Portfolio', id: 'LIST' }],
    }),
    createPortfolio: build.mutation<PortfolioDto, PortfolioInput>({
      query: (body) => ({ url: '/portfolios', method: 'POST', body }),
      invalidatesTags: [{ type: 'Portfolio', id: 'LIST' }],
    }),
    updatePortfolio: build.mutation<PortfolioDto, { id: string; body: PortfolioInput }>({
      query: (a) => ({ url: `/portfolios/${id(a.id)}`, method: 'PUT', body: a.body }),
      // A refused edit changed nothing; a saved one may change the benchmark and the cost basis the analytics use.
      invalidatesTags: (_r, e, a) => (e ? [] : [{ type: 'Portfolio', id: 'LIST' }, ...touched(a.id)]),
    }),
    listTransactions: build.query<Paged<TransactionDto>, { portfolioId: string; page?: number; pageSize?: number }>({
      query: ({ portfolioId, ...rest }) => `/portfolios/${id(portfolioId)}/transactions${query(rest)}`,
      transformResponse: (r: TransactionDto[] | Paged<TransactionDto>) =>
        Array.isArray(r) ? { items: r, page: 1, pageSize: r.length, totalCount: r.length, totalPages: 1 } : r,
      providesTags: (_r, _e, a) => [{ type: 'Transaction', id: a.portfolioId }],
    }),
    addTransaction: build.mutation<TransactionDto, { portfolioId: string; body: TransactionInput }>({
      query: (a) => ({ url: `/portfolios/${id(a.portfolioId)}/transactions`, method: 'POST', body: a.body }),
      invalidatesTags: (_r, _e, a) => touched(a.portfolioId),
    }),
    updateTransaction: build.mutation<TransactionDto, { portfolioId: string; txId: string; body: TransactionInput }>({
      query: (a) => ({ url: `/portfolios/${id(a.portfolioId)}/transactions/${id(a.txId)}`, method: 'PUT', body: a.body }),
      invalidatesTags: (_r, e, a) => (e ? [] : touched(a.portfolioId)),
    }),
    deleteTransaction: build.mutation<void, { portfolioId: string; txId: string }>({
      query: (a) => ({ url: `/portfolios/${id(a.portfolioId)}/transactions/${id(a.txId)}`, method: 'DELETE' }),
      invalidatesTags: (_r, _e, a) => touched(a.portfolioId),
    }),
    importTransactions: build.mutation<ImportResult, { portfolioId: string; csv: string; skipInvalid?: boolean }>({
      query: (a) => ({
        url: `/portfolios/${id(a.portfolioId)}/transactions/import${a.skipInvalid ? '?mode=skip-invalid' : ''}`,
        method: 'POST',
        body: a.csv,
        headers: { 'Content-Type': 'text/csv' },
      }),
      invalidatesTags: (_r, _e, a) => touched(a.portfolioId),
    }),
    getHoldings: build.query<Holdings, { portfolioId: string; at?: string }>({
      query: ({ portfolioId, at }) => `/portfolios/${id(portfolioId)}/holdings${query({ at })}`,
      providesTags: (_r, _e, a) => [{ type: 'Holdings', id: a.portfolioId }],
    }),
    getPortfolioAnalytics: build.query<PortfolioAnalytics, { portfolioId: string; from?: string; to?: string; benchmark?: string; currency?: string }>({
      query: ({ portfolioId, ...rest }) => `/analytics/portfolio/${id(portfolioId)}${query(rest)}`,
      providesTags: (_r, _e, a) => [{ type: 'PortfolioAnalytics', id: a.portfolioId }],
    }),
  }),
})

export const {
  useListPortfoliosQuery, useCreatePortfolioMutation, useUpdatePortfolioMutation, useUpdateTransactionMutation, useListTransactionsQuery, useAddTransactionMutation, useDeleteTransactionMutation,
  useImportTransactionsMutation, useGetHoldingsQuery, useGetPortfolioAnalyticsQuery,
} = portfolioApi
