// The one error class. Stages throw it; only the CLI catches it and exits.

/** Stable codes: scripts may match on them. */
export type ErrorCode =
  | 'input.missing'
  | 'input.empty'
  | 'input.binary'
  | 'input.encoding'
  | 'input.format'
  | 'input.too-large'
  | 'input.too-few-documents'
  | 'input.too-short'
  | 'input.duplicate-id'
  | 'usage.invalid-option'
  | 'language.unknown'
  | 'output.unwritable'
  | 'model.missing'
  | 'model.download'
  | 'model.load'
  | 'review.invalid'
  | 'review.locked'
  | 'eval.invalid'
  | 'train.invalid'
  | 'internal';

/** Exit codes: 2 for bad usage or bad input, 1 for a failure at run time. */
const EXIT_CODES: Record<ErrorCode, 1 | 2> = {
  'input.missing': 2,
  'input.empty': 2,
  'input.binary': 2,
  'input.encoding': 2,
  'input.format': 2,
  'input.too-large': 2,
  'input.too-few-documents': 2,
  'input.too-short': 2,
  'input.duplicate-id': 2,
  'usage.invalid-option': 2,
  'language.unknown': 2,
  'output.unwritable': 2,
  'model.missing': 2,
  'model.download': 1,
  'model.load': 1,
  'review.invalid': 2,
  'review.locked': 1,
  'eval.invalid': 2,
  'train.invalid': 2,
  internal: 1,
};

/**
 * Failures of the machine, not of the input: no space or no permission in the output folder, a lock
 * another process holds. Running the next event would fail the same way, so a batch stops at the
 * first one and leaves its combined outputs as they were.
 */
export function isEnvironmentFailure(code: string): boolean {
  return code === 'output.unwritable' || code === 'review.locked';
}

/** Node's codes for a file system that refuses a write for reasons of its own (full, read-only, out of handles). */
export const ENVIRONMENT_ERRNO = new Set(['ENOSPC', 'EDQUOT', 'EROFS', 'EIO', 'EMFILE', 'ENFILE', 'EACCES', 'EPERM']);

export class PolyalignError extends Error {
  readonly code: ErrorCode;
  readonly exitCode: 1 | 2;
  /** The file or folder the error is about, when there is one. */
  readonly path: string | undefined;

  constructor(code: ErrorCode, message: string, options: { path?: string; cause?: unknown } = {}) {
    super(oneLine(options.path ? `${options.path}: ${message}` : message), { cause: options.cause });
    this.name = 'PolyalignError';
    this.code = code;
    this.exitCode = EXIT_CODES[code];
    this.path = options.path;
  }
}

/**
 * A message as one line: a library's reason quoted inside a message may hold line breaks and tabs
 * (an XML parser's report of where it stopped), and a console line, a log line and batch.json's
 * `error.message` each hold one error per line.
 */
export function oneLine(message: string): string {
  return message.replace(/[\t ]*[\r\n\u2028\u2029]+[\t ]*/g, ' ').replace(/\t/g, ' ').trim();
}
