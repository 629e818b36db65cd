import { runProcess } from './run-process';

/** Plays a WAV on the branch's own loudspeakers. */
export interface SpeakerPlayer {
  /** Queues `wav`; resolves when it has been played. Announcements never overlap. */
  play(wav: Buffer): Promise<void>;
}

/** Options of `createSpeakerPlayer`. */
export interface SpeakerOptions {
  /** Player reading a WAV from stdin: `aplay` (ALSA) by default, or `play` (sox). */
  command?: 'aplay' | 'play' | string;
  /** Arguments; defaults suit aplay and play. */
  args?: string[];
  timeoutMs?: number;
}

const DEFAULT_ARGS: Record<string, string[]> = {
  aplay: ['-q', '-'],
  play: ['-q', '-t', 'wav', '-'],
};

/** A player that spawns `aplay`/`play` per announcement, one at a time. Off unless configured. */
export function createSpeakerPlayer(opts: SpeakerOptions = {}): SpeakerPlayer {
  const command = opts.command ?? 'aplay';
  const args = opts.args ?? DEFAULT_ARGS[command] ?? ['-'];
  let queue: Promise<void> = Promise.resolve();
  return {
    play(wav) {
      const run = queue.then(async () => {
        await runProcess(command, args, { input: wav, timeoutMs: opts.timeoutMs ?? 60_000 });
      });
      // The queue continues after a failure; the caller still sees the error.
      queue = run.catch(() => undefined);
      return run;
    },
  };
}
