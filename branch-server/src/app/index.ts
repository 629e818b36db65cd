export * from './branch';
export * from './branch-state';
export * from './queue-view';
export * from './announce-calls';
export * from './device-health';
export * from './led-boards';
export * from './group-commit';
export * from './ticket-actions';
