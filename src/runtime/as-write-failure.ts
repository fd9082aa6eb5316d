/** File-system errors a person can act on when writing, and what to call them. */
const REASONS: Readonly<Record<string, string>> = {
  ENOSPC: 'no space left on device',
  EDQUOT: 'disk quota exceeded',
  EFBIG: 'file too large for the file system',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'read-only file system',
};

/** What to do about each, before the command is run again. */
const REMEDIES: Readonly<Record<string, string>> = {
  ENOSPC: 'free space',
  EDQUOT: 'free space or raise the quota',
  EFBIG: 'use another file system',
  EACCES: 'make it writable (or choose another folder)',
  EPERM: 'make it writable (or choose another folder)',
  EROFS: 'choose a writable folder',
};

/** A write that failed for a reason outside the program: says what, where, why and what to do; `cause` keeps the original. */
export class WriteFailure extends Error {
  override readonly name = 'WriteFailure';
  constructor(
    message: string,
    readonly code: string,
    options: { cause: unknown },
  ) {
    super(message, options);
  }
}

/**
 * Turns an error thrown while writing into one a person can act on, for every writer of the program
 * (rendering, the search index, publishing, the caches, `add`): when `error` or an error in its `cause`
 * chain carries a file-system code such as ENOSPC or EACCES, returns a WriteFailure reading
 * `no space left on device while writing the search index into _site; free space and rebuild`.
 * Any other error comes back as it is, so the caller can always `throw asWriteFailure(…)`.
 *
 *     try { await writeBundle(dir) } catch (error) { throw asWriteFailure(error, 'the search index', output) }
 */
export function asWriteFailure(error: unknown, what: string, where: string, then = 'rebuild'): unknown {
  if (error instanceof WriteFailure) return error;
  const code = fileSystemCode(error);
  if (code === undefined) return error;
  return new WriteFailure(`${REASONS[code]} while writing ${what} into ${where}; ${REMEDIES[code]} and ${then}`, code, { cause: error });
}

/**
 * The first known file-system code in the error's cause chain: our writers wrap with `cause`, Eleventy
 * with `originalError`.
 */
function fileSystemCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; current !== null && typeof current === 'object' && depth < 8; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && code in REASONS) return code;
    current = (current as { cause?: unknown }).cause ?? (current as { originalError?: unknown }).originalError;
  }
  return undefined;
}
