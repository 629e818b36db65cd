import { z } from 'zod';
import { LANGS } from './types';

/** One of the announcer's languages, as read from config or a request. */
export const LangSchema = z.enum(LANGS);

/** A call to announce; validated because it may come from a socket or the HTTP API. */
export const AnnounceRequestSchema = z.object({
  ticketNumber: z.string().regex(/^[A-Za-zŁł]{0,3}\d{1,4}$/),
  counterNumber: z.number().int().min(1).max(999),
  lang: LangSchema,
});
/** A call to announce. */
export type AnnounceRequest = z.infer<typeof AnnounceRequestSchema>;

/** What a day will need: ticket prefixes × numbers 1..maxNumber, and the open counters. */
export const PrerenderPlanSchema = z.object({
  prefixes: z.array(z.string().regex(/^[A-Za-zŁł]{0,3}$/)).max(50),
  maxNumber: z.number().int().min(0).max(9999),
  counters: z.array(z.number().int().min(1).max(999)).max(999),
  langs: z.array(LangSchema).optional(),
});
/** A day's pre-render plan (from branch config). */
export type PrerenderPlan = z.infer<typeof PrerenderPlanSchema>;
