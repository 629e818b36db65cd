export * from './sync-service';
export * from './backoff';
export * from './document-forms';
export { type PortalClient, type PortalConfig } from './portal-client';
export { statusPusher } from './status-push';
