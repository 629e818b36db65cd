export * from './sync-service';
export * from './backoff';
export * from './document-forms';
export { sniffContentType, documentKey } from './documents';
export { visitKey } from './visit-outcomes';
export { statsKey, dailyStats } from './daily-stats';
export {
  createPortalClient,
  isRetryable,
  type PortalClient,
  type PortalConfig,
} from './portal-client';
export { statusPusher, STATUS_PUSH_MS } from './status-push';
