export * from './errors';
export * from './printer';
export * from './led-board';
export * from './card';
export * from './pue';
