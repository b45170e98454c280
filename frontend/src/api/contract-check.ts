// Compile-time check of the hand-written wire types against the types generated from the server's OpenAPI document
// (openapi/openapi.json → openapi.gen.ts). `tsc -b` fails when the server's shape and ours drift apart.
import type * as G from './openapi.gen'
import type * as T from './types'
import type { MessageFaultDto } from '../features/faults/faultsApi'

// Swashbuckle marks few properties as required; what the server sends always has them, so compare without `?`.
type Sent<X> = X extends (infer U)[] ? Sent<U>[] : X extends object ? { [K in keyof X]-?: Sent<Exclude<X[K], undefined>> } : X
type Fits<A, B> = [A] extends [B] ? true : false
type Assert<X extends true> = X

// Responses: what the server sends fits what the dashboard reads.
export type Responses = [
  Assert<Fits<Sent<G.AssetDto>, T.AssetDto>>,
  Assert<Fits<Sent<G.CoverageDto>, T.Coverage>>,
  Assert<Fits<Sent<G.CollectionLogDto>, T.CollectionLogDto>>,
  Assert<Fits<Sent<G.BarsResponse>, T.BarsResponse>>,
  Assert<Fits<Sent<G.LatestBarDto>, T.Latest>>,
  Assert<Fits<Sent<G.WatchlistItemDto>, T.WatchlistItem>>,
  Assert<Fits<Sent<G.CollectorDto>, T.CollectorDto>>,
  Assert<Fits<Sent<G.IngestionRequestView>, T.IngestionRequestDto>>,
  Assert<Fits<Sent<G.JobGraph>, T.JobGraph>>,
  Assert<Fits<Sent<G.PerformanceReport>, T.Performance>>,
  Assert<Fits<Sent<G.RiskReport>, T.Risk>>,
  Assert<Fits<Sent<G.PortfolioDto>, T.PortfolioDto>>,
  Assert<Fits<Sent<G.TransactionDto>, T.TransactionDto>>,
  Assert<Fits<Sent<G.HoldingsReport>, T.Holdings>>,
  Assert<Fits<Sent<G.PortfolioAnalyticsReport>, T.PortfolioAnalytics>>,
  Assert<Fits<Sent<G.ImportResult>, T.ImportResult>>,
  Assert<Fits<Sent<G.MessageFaultView>, MessageFaultDto>>,
]

// Requests: what the dashboard sends fits what the server accepts.
export type Requests = [
  Assert<Fits<T.AssetInput, G.AssetRequest>>,
  Assert<Fits<T.IngestionInput, G.SubmitIngestionRequest>>,
  Assert<Fits<T.JobInput, G.JobRequest>>,
  Assert<Fits<T.PortfolioInput, G.PortfolioInput>>,
  Assert<Fits<T.TransactionInput, G.TransactionInput>>,
]
