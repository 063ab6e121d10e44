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

export class PolyalignError extends Error {
  readonly code: ErrorCode;
  readonly exitCode: 1 | 2;
  /** The file or folder the error is about, when there is one. */
  readonly path: string | undefined;

  constructor(code: ErrorCode, message: string, options: { path?: string; cause?: unknown } = {}) {
    super(options.path ? `${options.path}: ${message}` : message, { cause: options.cause });
    this.name = 'PolyalignError';
    this.code = code;
    this.exitCode = EXIT_CODES[code];
    this.path = options.path;
  }
}
