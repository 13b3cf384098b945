import { useHashBackends } from '../../src/index.js';

// Parity runs the backends the Migration Lambda injects in production; the portable ones are checked
// against the same known answers by tests/unit/known-answer-vectors-fallback.test.ts.
useHashBackends({ bcrypt: await import('@node-rs/bcrypt'), argon2: await import('@node-rs/argon2') });
