import { initialSchema } from './001-initial';
import { portalSync } from './002-portal-sync';
import { statistics } from './003-statistics';
import { peselHash } from './004-pesel-hash';
import { dropTicketsDay } from './005-drop-tickets-day';
import { notifications } from './006-notifications';
import { calendar } from './007-calendar';
import { expiredOutcome } from './008-expired-outcome';
import { counterIdentity } from './009-counter-identity';
import { issuedByFinalService } from './010-issued-by-final-service';
import { profileConfirmations } from './011-profile-confirmations';
import { documentReceipts } from './012-document-receipts';
import { calendarWants } from './013-calendar-wants';
import { keptAnswers } from './014-kept-answers';

/**
 * Schema changes in order; index + 1 is the schema version stored in `user_version`. A shipped
 * step never changes (databases already past it would not see the change): add a new one.
 */
export const MIGRATIONS: readonly string[] = [
  initialSchema,
  portalSync,
  statistics,
  peselHash,
  dropTicketsDay,
  notifications,
  calendar,
  expiredOutcome,
  counterIdentity,
  issuedByFinalService,
  profileConfirmations,
  documentReceipts,
  calendarWants,
  keptAnswers,
];
