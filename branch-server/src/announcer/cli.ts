// Renders one announcement to a WAV file, e.g. the committed sample:
//   npx tsx branch-server/src/announcer/cli.ts --ticket A123 --counter 7 --lang pl \
//     --out docs/audio/announcement-pl.wav
// Options: --engine espeak-ng|say|text2wav (default: first available), --chime (prepend it),
// --chime-only, --cache <dir> (default: a temp dir), --play (play on this machine's speakers).
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createAnnouncer } from './announcer';
import { pickEngine } from './pick-engine';
import { buildPhrase } from './phrase';
import { LangSchema } from './schemas';
import { createSpeakerPlayer } from './speakers';

const { values } = parseArgs({
  options: {
    ticket: { type: 'string', default: 'A123' },
    counter: { type: 'string', default: '7' },
    lang: { type: 'string', default: 'pl' },
    engine: { type: 'string' },
    out: { type: 'string' },
    cache: { type: 'string' },
    chime: { type: 'boolean', default: false },
    'chime-only': { type: 'boolean', default: false },
    play: { type: 'boolean', default: false },
  },
});

const lang = LangSchema.parse(values.lang);
const engine = await pickEngine(values.engine ? [values.engine] : undefined);
const cacheDir = values.cache ?? (await mkdtemp(join(tmpdir(), 'skr-announcer-cli-')));
const announcer = createAnnouncer({
  engine,
  cacheDir,
  langs: [lang],
  includeChime: values.chime,
  speakers: values.play ? createSpeakerPlayer({ command: 'play' }) : undefined,
});
const started = performance.now();
if (values['chime-only']) {
  await announcer.announce({ ticketNumber: values.ticket, counterNumber: 1, lang }); // fixes the rate
  if (values.out) await writeFile(values.out, announcer.chime());
} else {
  const req = { ticketNumber: values.ticket, counterNumber: Number(values.counter), lang };
  const a = await announcer.announce(req);
  console.log(`${engine.id}: "${buildPhrase(req)}" → ${Math.round(a.durationMs)} ms of audio`);
  console.log(`rendered in ${Math.round(performance.now() - started)} ms`);
  if (values.out) await writeFile(values.out, a.wav);
}
await announcer.close();
await engine.close?.();
if (!values.cache) await rm(cacheDir, { recursive: true, force: true });
