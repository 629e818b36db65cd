import pino, { type Logger } from 'pino';
import { prettyDestination } from './log-pretty';

/** Optional settings of `createLogger` (the process configuration's `log`). */
interface LoggerOptions {
  /** Overrides SKR_LOG_LEVEL. */
  level?: string;
  /** Short human lines on stdout instead of JSON. */
  pretty?: boolean;
}

/** The server's structured logger; credentials and personal data are redacted by path. */
export function createLogger(name: string, opts: LoggerOptions = {}): Logger {
  const level = opts.level ?? process.env.SKR_LOG_LEVEL ?? 'info';
  const options: pino.LoggerOptions = {
    name,
    level,
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers.cookie',
        '*.password',
        '*.token',
        '*.pin',
        '*.pesel',
        // Check-in by ID card sends the holder's PESEL in the ticket request.
        '*.bookingPesel',
        'req.body.bookingPesel',
        'bookingPesel',
        // A client's phone or e-mail for notifications (issue 15).
        'req.body.address',
        '*.address',
        'password',
        'token',
        'pin',
        'pesel',
      ],
      censor: '[redacted]',
    },
  };
  if (!opts.pretty) return pino(options);
  return pino(options, prettyDestination(process.stdout, level === 'debug' || level === 'trace'));
}
