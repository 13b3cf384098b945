import { afterAll, describe, expect, it } from 'vitest';
import { bcryptBackend } from '../../src/backends/bcrypt.js';
import { argon2Backend } from '../../src/schemes/memory-hard/argon2-backend.js';
import { describeKnownAnswerVectors } from '../helpers/known-answer-suite.js';

// Each test file runs in a fresh module graph: the backends are chosen on first use, after this line.
process.env.HASHBRIDGE_HASH_BACKEND = 'wasm';
// A worker process may run other test files after this one: give them the default backends back.
afterAll(() => {
  delete process.env.HASHBRIDGE_HASH_BACKEND;
});

describe('Backends with HASHBRIDGE_HASH_BACKEND=wasm', () => {
  it('are the pure JavaScript / WebAssembly ones', async () => {
    expect((await bcryptBackend()).name).toBe('hash-wasm');
    expect((await argon2Backend()).name).not.toMatch(/node-rs/);
  });
});

describeKnownAnswerVectors('Known-answer vectors from passlib and libpass (fallback backends)');
