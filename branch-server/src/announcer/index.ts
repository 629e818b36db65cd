// Spoken announcements of calls: phrases with numbers spelled out (pl, en, uk), speech engines
// behind one interface, segment cache on disk and in memory, chime, optional local playback.
export { buildPhrase, counterSegment, parseTicket, phraseParts, ticketSegment } from './phrase';
export type { ParsedTicket, PhraseInput } from './phrase';
export { MAX_SPOKEN_NUMBER, numberToWords } from './number-words';
export { letterName } from './letters';
export { LANGS } from './types';
export type { AnnouncerLog, Gender, Lang, NumberWordsOptions, SpeechEngine } from './types';
export { espeakEngine } from './engine-espeak';
export type { EspeakOptions } from './engine-espeak';
export { sayEngine } from './engine-say';
export type { SayOptions } from './engine-say';
export { text2wavEngine } from './engine-text2wav';
export type { Text2wavOptions } from './engine-text2wav';
export { ENGINES, pickEngine } from './pick-engine';
export { createAnnouncer } from './announcer';
export { pruneSegmentCache } from './cache-prune';
export type { CacheBounds, PruneResult } from './cache-prune';
export type { Announcement, Announcer, AnnouncerOptions, AnnouncerStats } from './announcer';
export { AnnounceRequestSchema, LangSchema, PrerenderPlanSchema } from './schemas';
export type { AnnounceRequest, PrerenderPlan } from './schemas';
export { createSpeakerPlayer } from './speakers';
export type { SpeakerOptions, SpeakerPlayer } from './speakers';
export { chimePcm } from './chime';
export { decodeWav, encodeWav } from './wav';
export type { Pcm } from './wav';
