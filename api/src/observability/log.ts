// Structured JSON logs (pino): one line per request with its id, interface, operation name,
// status, outcome and duration; a warning for a slow request naming its operation. No personal
// data: no addresses, no query strings of the API, no variables, tokens, cookies, passwords,
// e-mail addresses or report texts (the request line's path only, and only for the OGC API and
// tiles, whose paths name collections and tiles).
import pino, { type Logger } from 'pino';

export type { Logger };

/** LOG_LEVEL (silent, error, warn, info, debug); info by default, silent in tests unless asked. */
export function createLogger(level = process.env.LOG_LEVEL ?? (process.env.VITEST ? 'silent' : 'info'), destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { app: 'versorgungsatlas' },
      timestamp: pino.stdTimeFunctions.isoTime,
      // Belt and braces: should a field of these names reach a log line, it is removed.
      redact: { paths: ['password', 'token', 'authorization', 'cookie', 'email', 'message', 'variables', 'address', '*.password', '*.token', '*.authorization', '*.cookie', '*.email'], remove: true },
    },
    destination,
  );
}

/** A request slower than this is logged as a warning with its operation. */
export const SLOW_REQUEST_MS = 2000;
