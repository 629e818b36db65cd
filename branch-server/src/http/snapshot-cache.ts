import type { QueueSnapshot } from '@skr/protocol';
import { publicSnapshot, type Branch } from '../app';

/** A snapshot is made again after this many ms even with no new event (estimates age). */
export const SNAPSHOT_MAX_AGE_MS = 1000;

/**
 * The waiting-room snapshot, made once per event seq for every public caller that asks. Each
 * screen asks ~300 ms after each ticket or counter event, so 100 screens asked together and
 * the line summaries (estimates over everyone waiting) were made 100 times for one state.
 * Nothing a snapshot shows changes without an event except what ages with time, so a copy is
 * kept at most `maxAgeMs` (and not at all across a backward clock step); `at` is always the
 * time of the answer, since screens set their clock from it.
 */
export function publicSnapshotCache(
  branch: Pick<Branch, 'snapshot' | 'lastSeq' | 'now'>,
  maxAgeMs = SNAPSHOT_MAX_AGE_MS,
): () => QueueSnapshot {
  let kept: { seq: number; madeAt: number; snapshot: QueueSnapshot } | undefined;
  return () => {
    const seq = branch.lastSeq();
    const now = branch.now();
    const age = kept ? now.getTime() - kept.madeAt : -1;
    if (kept && kept.seq === seq && age >= 0 && age <= maxAgeMs)
      return { ...kept.snapshot, at: now.toISOString() };
    const snapshot = publicSnapshot(branch.snapshot());
    kept = { seq: snapshot.seq, madeAt: now.getTime(), snapshot };
    return snapshot;
  };
}
