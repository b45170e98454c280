import { apiSlice, query } from '../../api/apiSlice'
import { liveEvents, type NotificationEvent } from '../../api/liveEvents'
import type {
  AlertDeliveryDto, AlertFiringDto, AlertRuleDto, AlertRuleInput, AlertTestDto, ChannelTestDto, InboxPage, NotificationChannelDto, NotificationChannelInput, Paged,
  UnreadCount,
} from '../../api/schemas'

const id = (x: string) => encodeURIComponent(x)

// The alerts' tags live with the feature: the shared slice does not need to know them.
const api = apiSlice.enhanceEndpoints({ addTagTypes: ['Alert', 'AlertFiring', 'Notification', 'Unread', 'Channel'] })

type Lifecycle = { cacheDataLoaded: Promise<unknown>; cacheEntryRemoved: Promise<unknown> }

/**
 * A cache entry's lifecycle that hands each notification pushed while the entry lives to `react`, and each finished
 * report to `onReport`: a scheduled report lands in the inbox in the transaction its `report_ready` follows.
 */
function onNotification<L extends Lifecycle>(react: (e: NotificationEvent, lifecycle: L) => void, onReport?: (lifecycle: L) => void) {
  return async (_arg: unknown, lifecycle: L) => {
    try {
      await lifecycle.cacheDataLoaded
    } catch {
      return
    }
    const off = liveEvents.on('notification', (e) => react(e, lifecycle))
    const offReport = onReport ? liveEvents.on('report_ready', () => onReport(lifecycle)) : undefined
    await lifecycle.cacheEntryRemoved
    off()
    offReport?.()
  }
}

export const alertsApi = api.injectEndpoints({
  endpoints: (build) => ({
    listAlerts: build.query<Paged<AlertRuleDto>, { page?: number; pageSize?: number }>({
      query: (a) => `/alerts${query(a)}`,
      providesTags: (r) => [{ type: 'Alert', id: 'LIST' }, ...(r?.items ?? []).map((x) => ({ type: 'Alert' as const, id: x.id }))],
      // A firing changes its rule's last-fired time and, for a price rule, whether it is armed.
      onCacheEntryAdded: onNotification((e, { dispatch, getCacheEntry }) => {
        if (getCacheEntry().data?.items.some((x) => x.id === e.ruleId))
          dispatch(alertsApi.util.invalidateTags([{ type: 'Alert', id: e.ruleId }, { type: 'AlertFiring', id: e.ruleId }]))
      }),
    }),
    createAlert: build.mutation<AlertRuleDto, AlertRuleInput>({
      query: (body) => ({ url: '/alerts', method: 'POST', body }),
      // A rule naming a webhook or email inline may add a channel; channels count their rules.
      invalidatesTags: [{ type: 'Alert', id: 'LIST' }, 'Channel'],
    }),
    updateAlert: build.mutation<AlertRuleDto, { id: string; body: AlertRuleInput }>({
      query: (a) => ({ url: `/alerts/${id(a.id)}`, method: 'PUT', body: a.body }),
      invalidatesTags: (_r, _e, a) => [{ type: 'Alert', id: a.id }, 'Channel'],
    }),
    deleteAlert: build.mutation<void, string>({
      query: (x) => ({ url: `/alerts/${id(x)}`, method: 'DELETE' }),
      invalidatesTags: [{ type: 'Alert', id: 'LIST' }, 'Channel'],
    }),
    testAlert: build.mutation<AlertTestDto, string>({
      query: (x) => ({ url: `/alerts/${id(x)}/test`, method: 'POST' }),
      // Deliveries of the test are logged by the channels as they happen.
      invalidatesTags: (_r, _e, x) => [{ type: 'AlertFiring', id: x }],
    }),
    alertFirings: build.query<Paged<AlertFiringDto>, { id: string; page?: number }>({
      query: (a) => `/alerts/${id(a.id)}/firings${query({ page: a.page, pageSize: 20 })}`,
      providesTags: (_r, _e, a) => [{ type: 'AlertFiring', id: a.id }],
    }),
    alertDeliveries: build.query<AlertDeliveryDto[], string>({
      query: (x) => `/alerts/${id(x)}/deliveries`,
      providesTags: (_r, _e, x) => [{ type: 'AlertFiring', id: x }],
    }),
    inbox: build.query<InboxPage, { unread?: boolean; page?: number }>({
      query: (a) => `/notifications${query({ unread: a.unread || undefined, page: a.page, pageSize: 20 })}`,
      providesTags: [{ type: 'Notification', id: 'LIST' }],
      onCacheEntryAdded: onNotification(
        (_e, { dispatch }) => dispatch(alertsApi.util.invalidateTags([{ type: 'Notification', id: 'LIST' }])),
        ({ dispatch }) => dispatch(alertsApi.util.invalidateTags([{ type: 'Notification', id: 'LIST' }])),
      ),
    }),
    unreadCount: build.query<UnreadCount, void>({
      query: () => '/notifications/unread-count',
      providesTags: ['Unread'],
      // The push carries the owner's unread count as of the firing: no request needed.
      onCacheEntryAdded: onNotification((e, { updateCachedData }) => updateCachedData((d) => {
        d.unread = e.unread
      }), ({ dispatch }) => dispatch(alertsApi.util.invalidateTags(['Unread']))),
    }),
    markRead: build.mutation<UnreadCount, string>({
      query: (x) => ({ url: `/notifications/${id(x)}/read`, method: 'POST' }),
      invalidatesTags: [{ type: 'Notification', id: 'LIST' }, 'Unread'],
    }),
    listChannels: build.query<NotificationChannelDto[], void>({
      query: () => '/notification-channels',
      providesTags: ['Channel'],
    }),
    createChannel: build.mutation<NotificationChannelDto, NotificationChannelInput>({
      query: (body) => ({ url: '/notification-channels', method: 'POST', body }),
      invalidatesTags: ['Channel'],
    }),
    deleteChannel: build.mutation<void, string>({
      query: (x) => ({ url: `/notification-channels/${id(x)}`, method: 'DELETE' }),
      invalidatesTags: ['Channel'],
    }),
    testChannel: build.mutation<ChannelTestDto, string>({
      query: (x) => ({ url: `/notification-channels/${id(x)}/test`, method: 'POST' }),
    }),
    markAllRead: build.mutation<UnreadCount, void>({
      query: () => ({ url: '/notifications/read-all', method: 'POST' }),
      invalidatesTags: [{ type: 'Notification', id: 'LIST' }, 'Unread'],
    }),
  }),
})

export const {
  useListAlertsQuery, useCreateAlertMutation, useUpdateAlertMutation, useDeleteAlertMutation, useTestAlertMutation, useAlertFiringsQuery,
  useAlertDeliveriesQuery, useInboxQuery, useUnreadCountQuery, useMarkReadMutation, useMarkAllReadMutation, useListChannelsQuery,
  useCreateChannelMutation, useDeleteChannelMutation, useTestChannelMutation,
} = alertsApi
