import { describe, expect, it } from 'vitest';
import { activeHashBackends } from '../../src/backends/use-hash-backends.js';
import { describeFrameworkVectors } from '../helpers/framework-answer-suite.js';
import { describeKnownAnswerVectors } from '../helpers/known-answer-suite.js';

// Nothing is injected here: core's zero-setup default must give passlib's answers on its own.
describe('Backends when nothing is injected', () => {
  it('are the portable WebAssembly / pure JavaScript ones', () => {
    const { bcrypt, argon2 } = activeHashBackends();
    expect({ bcrypt: bcrypt.name, argon2: argon2.name }).toEqual({ bcrypt: 'hash-wasm', argon2: 'hash-wasm' });
  });
});

describeKnownAnswerVectors('Known-answer vectors from passlib and libpass (portable backends, the default)');
describeFrameworkVectors('Known-answer vectors from Django and Werkzeug (portable backends, the default)');
