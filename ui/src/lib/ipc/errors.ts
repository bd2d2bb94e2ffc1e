// Error conversion for IPC commands. Pure: no Tauri import, so it is unit-tested
// directly and can be imported by components that only need the type.
import type { ErrorCode, IpcError } from './bindings';

// A record rather than a list, so that a code added on the Rust side fails the
// type check here until it is listed.
const KNOWN_CODES: Record<ErrorCode, true> = {
  invalid_input: true,
  password_rejected: true,
  wrong_credentials: true,
  unit_exists: true,
  no_unit: true,
  locked: true,
  key_file_missing: true,
  key_file_damaged: true,
  database_unreadable: true,
  storage_read_only: true,
  storage_full: true,
  storage_unavailable: true,
  forbidden: true,
  probable_duplicate: true,
  reason_required: true,
  sign_in_delayed: true,
  account_locked_out: true,
  password_change_required: true,
  internal: true,
};

export const ERROR_CODES = Object.keys(KNOWN_CODES) as readonly ErrorCode[];

export const UNEXPECTED_MESSAGE = 'Casebook hit an unexpected problem. Nothing was saved.';

/** The one error type every command throws. */
export class CommandError extends Error implements IpcError {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string) {
    super(message);
    this.name = 'CommandError';
    this.code = code;
  }
}

function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}

/**
 * Turns whatever a rejected `invoke` produced into a CommandError.
 * Only a well-formed `{ code, message }` object keeps its own words; anything
 * else (a bare string, a JS exception, an unknown code) becomes `internal`
 * with a fixed message, so raw internals are never shown to the user.
 */
export function toCommandError(reason: unknown): CommandError {
  if (reason instanceof CommandError) return reason;
  if (typeof reason === 'object' && reason !== null) {
    const { code, message } = reason as { code?: unknown; message?: unknown };
    if (isErrorCode(code) && typeof message === 'string' && message.trim() !== '') {
      return new CommandError(code, message);
    }
  }
  return new CommandError('internal', UNEXPECTED_MESSAGE);
}

/**
 * The error a screen should show for a failed command, or null when the
 * session is gone: then `onlocked` has been called and the screen is about
 * to give way to the lock screen, so there is nothing to show.
 */
export function failureToShow(reason: unknown, onlocked: () => void): CommandError | null {
  const error = toCommandError(reason);
  if (error.code === 'locked') {
    onlocked();
    return null;
  }
  return error;
}
