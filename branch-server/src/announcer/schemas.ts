import { z } from 'zod';
import { LANGS } from './types';

/** One of the announcer's languages, as read from config or a request. */
export const LangSchema = z.enum(LANGS);

/** A call to announce; validated because it may come from a socket or the HTTP API. */
export const AnnounceRequestSchema = z.object({
  ticketNumber: z.string().regex(/^[A-Za-zŁł]{0,3}\d{1,4}$/),
  /** The counter's public number, spoken. */
  counterNumber: z.number().int().min(1).max(999),
  /** The counter's short label ("T9"), spoken instead of the number when set. */
  counterLabel: z
    .string()
    .regex(/^[A-ZŁ0-9]{1,4}$/)
    .nullish(),
  /** Names the audio (`{lang}-{ticket}-{counterId}`) as the screens ask for it; the number by default. */
  counterId: z.number().int().positive().optional(),
  lang: LangSchema,
  /** The short burst form ("Ha dwanaście, stanowisko dziewięć."), named `…-short`. */
  short: z.boolean().optional(),
});
/** A call to announce. */
export type AnnounceRequest = z.infer<typeof AnnounceRequestSchema>;

/** What a day will need: ticket prefixes × numbers 1..maxNumber, and the open counters. */
export const PrerenderPlanSchema = z.object({
  prefixes: z.array(z.string().regex(/^[A-Za-zŁł]{0,3}$/)).max(50),
  maxNumber: z.number().int().min(0).max(9999),
  /** Public counter numbers, or numbers with their labels. */
  counters: z
    .array(
      z.union([
        z.number().int().min(1).max(999),
        z.object({
          number: z.number().int().min(1).max(999),
          label: z
            .string()
            .regex(/^[A-ZŁ0-9]{1,4}$/)
            .nullable(),
        }),
      ]),
    )
    .max(999),
  langs: z.array(LangSchema).optional(),
});
/** A day's pre-render plan (from branch config). */
export type PrerenderPlan = z.infer<typeof PrerenderPlanSchema>;
