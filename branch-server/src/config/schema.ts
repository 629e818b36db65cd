import { z } from 'zod';
import { LANGS } from '../announcer/types';

// One configuration for the branch server process: a JSON file (SKR_CONFIG, default
// /etc/skr/branch.json) with env overrides on top. Every field has a default that suits a
// single-PC demo, so an empty file (or none) is valid; production sets dataDir, host, portal.

const port = z.number().int('must be a whole number').min(0).max(65535);
const absentOrPath = z.string().min(1, 'must not be empty');

/** Speech engines by config name; `auto` takes the first available, `off` disables voice. */
const ANNOUNCER_ENGINES = ['auto', 'espeak', 'say', 'text2wav', 'off'] as const;

/** The configuration file's schema (also validates the env overrides merged into it). */
export const BranchConfigSchema = z
  .object({
    /** Database, audio cache and backups live here. */
    dataDir: absentOrPath.default('./data'),
    http: z
      .object({
        host: z.string().min(1).default('127.0.0.1'),
        port: port.default(8080),
        /** Address printed on tickets' QR codes and shown to devices (e.g. https://skr.oddzial.lan). */
        publicUrl: z.url().optional(),
      })
      .strict()
      .default({ host: '127.0.0.1', port: 8080 }),
    /**
     * HTTPS with these PEM files (SKR_TLS_CERT, SKR_TLS_KEY); `redirectPort` (e.g. 80) also
     * listens on plain HTTP answering only redirects to HTTPS.
     */
    tls: z
      .object({ cert: absentOrPath, key: absentOrPath, redirectPort: port.optional() })
      .strict()
      .optional(),
    /** The central portal (PUE); without it, bookings are not pulled and documents queue up. */
    portal: z
      .object({
        url: z.url(),
        branchId: z.string().min(1, 'is required with portal.url'),
        branchKey: z.string().min(1, 'is required with portal.url'),
      })
      .strict()
      .optional(),
    announcer: z
      .object({
        engine: z.enum(ANNOUNCER_ENGINES).default('auto'),
        langs: z.array(z.enum(LANGS)).min(1).default(['pl', 'en', 'uk']),
        /** Render a day's numbers in the background at start (uses a core for a minute). */
        prerender: z.boolean().default(false),
        /** Highest ticket number pre-rendered. */
        maxNumber: z.number().int().min(1).max(999).default(150),
      })
      .strict()
      .default({ engine: 'auto', langs: ['pl', 'en', 'uk'], prerender: false, maxNumber: 150 }),
    /** RS-485 LED boards: one serial adapter, the hall board, counter boards by counter id. */
    led: z
      .object({
        serial: absentOrPath,
        baudRate: z.number().int().positive().default(9600),
        hallAddress: z.number().int().min(1).max(247).default(200),
        /** Counter id → board address; only listed counters have a board. Without the list, each counter's board sits at its public number. */
        counterBoards: z
          .record(
            z.string().regex(/^\d+$/, 'keys are counter ids'),
            z.number().int().min(1).max(247),
          )
          .optional(),
      })
      .strict()
      .optional(),
    log: z
      .object({
        level: z
          .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
          .default('info'),
        /** Human-readable lines instead of JSON (default: when stdout is a terminal). */
        pretty: z.boolean().optional(),
      })
      .strict()
      .default({ level: 'info' }),
    /** Client notifications (issue 15): e-mail over SMTP, SMS through an sms.do gateway. */
    notify: z
      .object({
        /** smtp://user:pass@host:587 or smtps://… (SKR_SMTP_URL). */
        smtpUrl: z
          .url()
          .refine((u) => /^smtps?:/.test(u), 'must be smtp:// or smtps://')
          .optional(),
        /** The From address (SKR_MAIL_FROM); required with smtpUrl. */
        mailFrom: z.string().min(3).optional(),
        /** The gateway's API base (SKR_SMS_URL). */
        smsUrl: z.url().optional(),
        /** The gateway's bearer token (SKR_SMS_TOKEN); required with smsUrl. */
        smsToken: z.string().min(1).optional(),
        smsFrom: z.string().max(11).optional(),
        /** Send SMS in GSM-7 (transliterated): 160 characters a segment instead of 70. */
        transliterate: z.boolean().default(false),
        reminderAt: z
          .string()
          .regex(/^\d{2}:\d{2}$/, 'HH:MM')
          .default('18:00'),
        quietHours: z
          .object({
            from: z.string().regex(/^\d{2}:\d{2}$/),
            to: z.string().regex(/^\d{2}:\d{2}$/),
          })
          .strict()
          .default({ from: '21:00', to: '08:00' }),
        /** "Near": at most `ahead` people ahead or under `minutes`; per service in `byService`. */
        near: z
          .object({
            ahead: z.number().int().min(0).default(3),
            minutes: z.number().int().min(0).default(10),
            byService: z
              .record(
                z.string(),
                z.object({ ahead: z.number().int().min(0), minutes: z.number().int().min(0) }),
              )
              .optional(),
          })
          .strict()
          .default({ ahead: 3, minutes: 10 }),
        /** Branch name and address in messages and calendar entries. */
        place: z.string().min(1).optional(),
        perAddressPerHour: z.number().int().positive().default(10),
        perSecond: z.number().int().positive().default(20),
      })
      .strict()
      .refine((n) => !n.smtpUrl || n.mailFrom, {
        message: 'mailFrom is required with smtpUrl',
        path: ['mailFrom'],
      })
      .refine((n) => !n.smsUrl || n.smsToken, {
        message: 'smsToken is required with smsUrl',
        path: ['smsToken'],
      })
      .optional(),
    /** `demo` seeds an empty database with the demo branch (never in production). */
    seed: z.literal('demo').optional(),
    demoPassword: z.string().min(12, 'needs at least 12 characters').optional(),
  })
  .strict();

/** A validated branch server configuration (paths as written; see loadConfig for resolving). */
export type BranchConfig = z.infer<typeof BranchConfigSchema>;
/** The configuration as written in a file, before defaults. */
export type BranchConfigInput = z.input<typeof BranchConfigSchema>;
