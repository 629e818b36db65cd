import type { BranchEvent, Counter, Lang } from '@skr/protocol';
import type { AnnounceRequest, Announcer } from '../announcer';
import type { Branch } from './branch';

/**
 * What the announcer is asked for a call: the counter's public number and label are spoken;
 * its internal id only names the audio, as the screens ask for it (`pl-H012-21`).
 */
export function callAnnouncement(
  counter: Counter,
  ticketNumber: string,
  lang: Lang,
): AnnounceRequest {
  return {
    ticketNumber,
    counterNumber: counter.number,
    counterLabel: counter.label,
    counterId: counter.id,
    lang,
  };
}

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
    const counter = branch.view().counters.get(e.ticket.counterId);
    if (!counter) return;
    const langs = new Set(['pl' as const, e.ticket.lang]);
    for (const lang of langs) {
      announcer.announce(callAnnouncement(counter, e.ticket.number, lang)).catch(onError);
    }
  };
  return branch.subscribe(listener);
}
