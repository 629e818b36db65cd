export * from './branch';
export * from './branch-state';
export * from './queue-view';
