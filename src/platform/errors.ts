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
  /** Field-level messages, by the name of the use case's input that failed (a form maps it to its field). */
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

/** A bad value of one named input: forms show the message under that field, everything else shows it whole. */
export function fieldError(field: string, key: MessageKey, params?: MessageParams, code: ErrorCode = 'invalid_input'): AppError {
  return new AppError(code, key, { userMessage: { key, params }, fields: { [field]: { key, params } } });
}
