export * from './branch-ca';
export * from './hsts';
export * from './https-redirect';
export * from './load-tls';
export * from './openssl';
