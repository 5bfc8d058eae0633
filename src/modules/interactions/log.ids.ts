// The ids the platforms see for the log form; the dispatcher assembles every module's into one registry.

export const LOG_FORMS = {
  log: 'log_form',
} as const;
