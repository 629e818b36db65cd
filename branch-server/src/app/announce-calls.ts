import type { BranchEvent } from '@skr/protocol';
import type { Announcer } from '../announcer';
import type { Branch } from './branch';

/**
 * Renders the announcement of every call and recall as soon as it is committed, so that the
 * screens find the audio in the cache: Polish always, and the client's language if another.
 */
export function announceCalls(
  branch: Branch,
  announcer: Announcer,
  onError: (e: unknown) => void,
): () => void {
  const listener = (e: BranchEvent) => {
    if ((e.type !== 'ticket.called' && e.type !== 'ticket.recalled') || !e.ticket?.counterId)
      return;
    const langs = new Set(['pl' as const, e.ticket.lang]);
    for (const lang of langs) {
      announcer
        .announce({ ticketNumber: e.ticket.number, counterNumber: e.ticket.counterId, lang })
        .catch(onError);
    }
  };
  return branch.subscribe(listener);
}
