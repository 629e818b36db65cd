export * from './time';
export * from './numbering';
export * from './domain-error';
export * from './ticket-lifecycle';
export * from './calling-policy';
export * from './estimate';
export * from './opening-hours';
