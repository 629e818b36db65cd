// The branch calendar for booked visits: pure functions of the plan, the visits and the time.
export * from './matching';
export * from './slots';
export * from './booking-decision';
export * from './availability';
export * from './escrow';
export * from './plan-change';
export * from './branch-visit-change';
export * from './visit-retention';
export * from './public-holidays';
