export * from './call-options';
export * from './create-client';
export { failureOf, noAnswer } from './http-failure';
export * from './device-credential';
