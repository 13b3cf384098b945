/**
 * Base error of @hashbridge/core. Every error this package throws extends it, so callers can catch them all
 * with one `instanceof` and still reach the original failure through `cause`. Each class has a stable `code`
 * to branch on; messages are for people and may change. No message ever contains a password or a hash: they
 * name the scheme and the rule that failed.
 *
 * @example
 * ```ts
 * try {
 *   await verifyPassword(password, staged.hash);
 * } catch (error) {
 *   if (error instanceof HashbridgeError && error.code === 'ERR_HASH_POLICY') alertOperator(error.scheme);
 * }
 * ```
 */
class HashbridgeError extends Error {
  public readonly code: string = 'ERR_HASHBRIDGE';

  public constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'HashbridgeError';
  }
}

/** No supported scheme recognises the hash (or the one named in `scheme` is not implemented). */
class UnknownHashError extends HashbridgeError {
  public override readonly code = 'ERR_UNKNOWN_HASH';

  public constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'UnknownHashError';
  }
}

/** The hash belongs to a known scheme but is not well formed (bad length, alphabet, parameters). */
class MalformedHashError extends HashbridgeError {
  public override readonly code = 'ERR_MALFORMED_HASH';
  public readonly scheme: string;

  public constructor(scheme: string, reason: string, options?: ErrorOptions) {
    super(`malformed ${scheme} hash: ${reason}`, options);
    this.name = 'MalformedHashError';
    this.scheme = scheme;
  }
}

/** The hash asks for more work or memory than the cost policy allows; refused before any hashing. */
class HashPolicyError extends HashbridgeError {
  public override readonly code = 'ERR_HASH_POLICY';
  public readonly scheme: string;

  public constructor(scheme: string, reason: string, options?: ErrorOptions) {
    super(`${scheme} hash is beyond the cost policy: ${reason}`, options);
    this.name = 'HashPolicyError';
    this.scheme = scheme;
  }
}

/** passlib itself refuses this password for this scheme (over 4096 characters, a NUL byte where forbidden). */
class PasswordValueError extends HashbridgeError {
  public override readonly code = 'ERR_PASSWORD_VALUE';

  public constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'PasswordValueError';
  }
}

/**
 * The scheme mixes the user name (or realm) into the digest and the caller gave none, so the hash cannot
 * be checked at all. passlib raises `TypeError` here: it is a mistake in the calling code, not a corrupt
 * hash (`MalformedHashError`) and not a password passlib refuses (`PasswordValueError`).
 */
class MissingContextError extends HashbridgeError {
  public override readonly code = 'ERR_MISSING_CONTEXT';
  public readonly scheme: string;
  /** The `context` field that is missing. */
  public readonly field: 'user' | 'realm';

  public constructor(scheme: string, field: 'user' | 'realm') {
    super(`${scheme} hashes mix in the ${field}: pass it as context.${field}`);
    this.name = 'MissingContextError';
    this.scheme = scheme;
    this.field = field;
  }
}

/**
 * `useHashBackends` was given something it cannot use: an unknown backend name, or a module without the
 * function the backend calls. Thrown at setup, so a typo fails at cold start rather than at the first sign-in.
 */
class HashBackendError extends HashbridgeError {
  public override readonly code = 'ERR_HASH_BACKEND';

  public constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'HashBackendError';
  }
}

export {
  HashBackendError,
  HashbridgeError,
  HashPolicyError,
  MalformedHashError,
  MissingContextError,
  PasswordValueError,
  UnknownHashError,
};
