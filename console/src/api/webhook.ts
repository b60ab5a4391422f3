import { http } from './http'
import type { Page } from './invite'

/** The event types an endpoint may subscribe to (webhook-api WebhookEventTypes.SUBSCRIBABLE). */
export const EVENT_TYPES = [
  'referral.attributed', 'referral.pending_review', 'referral.rejected',
  'reward.issued', 'reward.released', 'reward.revoked', 'reward.adjusted', 'reward.paid',
  'risk.decided', 'settlement.approved', 'settlement.paid',
] as const

export interface WebhookEndpoint {
  id: number; url: string; description: string | null; eventTypes: string[]
  /** present only in the answer to a registration or a rotation */
  secret: string | null; maskedSecret: string
  enabled: boolean; disabledReason: string | null; disabledAt: string | null; consecutiveFailures: number
  createdBy: string; createdAt: string; updatedAt: string
}
export type DeliveryStatus = 'PENDING' | 'DELIVERED' | 'DEAD'
export interface WebhookDelivery {
  id: number; endpointId: number; eventId: string; eventType: string; status: DeliveryStatus; attempts: number
  nextAttemptAt: string; lastResponseCode: number | null; lastError: string | null; createdAt: string
  deliveredAt: string | null
}
export interface WebhookAttempt {
  number: number; at: string; latencyMs: number; responseCode: number | null; responseBody: string | null
  error: string | null
}
export interface WebhookDeliveryDetail { delivery: WebhookDelivery; body: string; attempts: WebhookAttempt[] }

const base = '/api/v1/admin/webhooks'

export const webhookApi = {
  endpoints: () => http.get<WebhookEndpoint[]>(`${base}/endpoints`),
  endpoint: (id: number) => http.get<WebhookEndpoint>(`${base}/endpoints/${id}`),
  register: (e: { url: string; description: string; eventTypes: string[] }, key: string) =>
    http.post<WebhookEndpoint>(`${base}/endpoints`, e, key),
  enable: (id: number) => http.post<WebhookEndpoint>(`${base}/endpoints/${id}/enable`),
  disable: (id: number) => http.post<WebhookEndpoint>(`${base}/endpoints/${id}/disable`),
  ping: (id: number, key: string) => http.post<WebhookDelivery>(`${base}/endpoints/${id}/ping`, undefined, key),
  deliveries: (id: number, q: { status?: DeliveryStatus; page: number; size: number }) =>
    http.get<Page<WebhookDelivery>>(`${base}/endpoints/${id}/deliveries`, { ...q }),
  delivery: (id: number) => http.get<WebhookDeliveryDetail>(`${base}/deliveries/${id}`),
  redeliver: (id: number, key: string) => http.post<WebhookDelivery>(`${base}/deliveries/${id}/redeliver`, undefined, key),
}
