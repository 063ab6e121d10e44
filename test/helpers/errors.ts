import { PolyalignError } from '../../src/errors.ts';

/** The PolyalignError `fn` throws; fails the test when it throws nothing or something else. */
export function caughtError(fn: () => unknown): PolyalignError {
  try {
    fn();
  } catch (error) {
    if (error instanceof PolyalignError) return error;
    throw error;
  }
  throw new Error('expected a PolyalignError');
}
