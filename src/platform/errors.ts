import type { MessageKey, MessageParams } from './i18n';

export { isDbUnavailableError } from './db/db-errors';

export type ErrorCode =
  | 'invalid_input'
  | 'not_found'
  | 'forbidden'
  | 'conflict'
  | 'db_unavailable'
  | 'internal';

/** The one error type: a code for logs and tests, and a catalogue message for the user. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly userMessage: { key: MessageKey; params?: MessageParams };
  /** Field-level messages, for forms (block_id -> message key). */
  readonly fields?: Record<string, { key: MessageKey; params?: MessageParams }>;

  constructor(
    code: ErrorCode,
    message: string,
    opts: { userMessage: { key: MessageKey; params?: MessageParams }; fields?: AppError['fields'] },
  ) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.userMessage = opts.userMessage;
    this.fields = opts.fields;
  }
}

export function userError(code: ErrorCode, key: MessageKey, params?: MessageParams): AppError {
  return new AppError(code, key, { userMessage: { key, params } });
}
