// The central portal books visits in Polish civil time for every branch (its API says
// "Europe/Warsaw"); the conversions themselves are @skr/protocol/time-zone's, given this zone.

/** The portal's time zone: booking dates and times are wall-clock times here. */
export const PORTAL_TIME_ZONE = 'Europe/Warsaw';
