export * from './database';
export * from './migrate';
export * from './ticket-repo';
export * from './event-log';
export * from './catalog-repo';
export * from './booking-repo';
export * from './auth-repo';
export * from './stats-buckets';
