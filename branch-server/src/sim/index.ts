export * from './prng';
export * from './stats';
export * from './event-queue';
export * from './scenario';
export * from './novo-sga-policy';
export * from './simulate-day';
export * from './quality';
