import pino from 'pino';
import { AsyncLocalStorage } from 'node:async_hooks';

export type Logger = pino.Logger;

/** The id of the HTTP request being handled (set in app.ts), so work done after the ack still logs it. */
export const requestContext = new AsyncLocalStorage<string>();

/** JSON lines to stdout, or to `destination` (tests read them). */
export function createLogger(level = process.env.LOG_LEVEL ?? 'info', destination?: pino.DestinationStream): Logger {
  const options: pino.LoggerOptions = {
    level,
    base: { service: 'chatcrm' },
    // Every line written while handling a request carries its id, including those of dispatch and replies.
    mixin: () => {
      const reqId = requestContext.getStore();
      return reqId ? { reqId } : {};
    },
  };
  return destination ? pino(options, destination) : pino(options);
}
