export * from './errors';
export * from './domain';
export * from './http';
export * from './socket';
export * from './printer';
export * from './led-board';
export * from './card';
export * from './pue';
