import pino, { type Logger } from 'pino';

/** The server's structured logger; credentials and personal data are redacted by path. */
export function createLogger(name: string): Logger {
  return pino({
    name,
    level: process.env.SKR_LOG_LEVEL ?? 'info',
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
        'password',
        'token',
        'pin',
        'pesel',
      ],
      censor: '[redacted]',
    },
  });
}
