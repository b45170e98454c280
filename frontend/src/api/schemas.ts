// The REST API's wire types, from the types generated out of the server's OpenAPI document (openapi.gen.ts). What the
// dashboard sends is the generated request type itself; what it reads goes through Sent.
import type * as G from './openapi.gen'

/** Swashbuckle marks few properties as required, but the server always sends every one (null when it has no value). */
export type Sent<X> = X extends (infer U)[] ? Sent<U>[] : X extends object ? { [K in keyof X]-?: Sent<Exclude<X[K], undefined>> } : X

/** One page of a list, as every paged endpoint answers (AssetDtoPagedResult, RunDtoPagedResult, …). */
export type Paged<T> = { items: T[]; page: number; pageSize: number; totalCount: number; totalPages: number }

export type AssetDto = Sent<G.AssetDto>
export type Coverage = Sent<G.CoverageDto>
export type CollectionLogDto = Sent<G.CollectionLogDto>
export type RejectedRowDto = Sent<G.RejectedRowDto>
export type BarsResponse = Sent<G.BarsResponse>
export type Bar = Sent<G.BarDto>
export type Latest = Sent<G.LatestBarDto>
export type CorporateAction = Sent<G.CorporateActionDto>
export type WatchlistItem = Sent<G.WatchlistItemDto>
export type CollectorDto = Sent<G.CollectorDto>
export type KeptUploadDto = Sent<G.KeptUploadDto>
export type IngestionRequestDto = Sent<G.IngestionRequestView>
export type JobGraph = Sent<G.JobGraph>
export type Performance = Sent<G.PerformanceReport>
export type Risk = Sent<G.RiskReport>
export type Matrix = Sent<G.MatrixDto>
export type PortfolioDto = Sent<G.PortfolioDto>
export type TransactionDto = Sent<G.TransactionDto>
export type Holdings = Sent<G.HoldingsReport>
export type Holding = Sent<G.HoldingDto>
export type PortfolioAnalytics = Sent<G.PortfolioAnalyticsReport>
export type ImportResult = Sent<G.ImportResult>
export type MessageFaultDto = Sent<G.MessageFaultView>
export type PaperAccountDto = Sent<G.PaperAccountDto>
export type OrderDto = Sent<G.OrderDto>
export type FillDto = Sent<G.FillDto>
export type OrderEventDto = Sent<G.OrderEventDto>
export type AlertRuleDto = Sent<G.AlertRuleDto>
export type AlertFiringDto = Sent<G.AlertFiringDto>
export type AlertDeliveryDto = Sent<G.AlertDeliveryDto>
export type AlertTestDto = Sent<G.AlertTestDto>
export type NotificationDto = Sent<G.NotificationDto>
export type InboxPage = Sent<G.InboxPage>
export type UnreadCount = Sent<G.UnreadCount>
export type NotificationChannelDto = Sent<G.NotificationChannelDto>
export type ChannelTestDto = Sent<G.ChannelTestDto>
export type ReportDto = Sent<G.ReportDto>
export type ReplayDto = Sent<G.ReplayDto>
export type ReplayResult = Sent<G.ReplayResult>

export type { AssetRequest as AssetInput, SubmitIngestionRequest as IngestionInput, JobRequest as JobInput, PortfolioInput, TransactionInput, PaperAccountInput, OrderInput, AlertRuleInput, NotificationChannelInput, ReportInput, ReplayInput, ReplayOrderInput } from './openapi.gen'
