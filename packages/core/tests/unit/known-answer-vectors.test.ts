import { describe, expect, it } from 'vitest';
import { useHashBackends } from '../../src/index.js';
import { describeFrameworkVectors } from '../helpers/framework-answer-suite.js';
import { describeKnownAnswerVectors } from '../helpers/known-answer-suite.js';

// As the Migration Lambda does at cold start. Each test file has its own module graph: the choice ends with it.
const chosen = useHashBackends({ bcrypt: await import('@node-rs/bcrypt'), argon2: await import('@node-rs/argon2') });

describe('Backends injected with useHashBackends', () => {
  it('are the native ones', () => {
    expect(chosen).toEqual({ bcrypt: '@node-rs/bcrypt', argon2: '@node-rs/argon2' });
  });
});

describeKnownAnswerVectors('Known-answer vectors from passlib and libpass (native backends)');
describeFrameworkVectors('Known-answer vectors from Django and Werkzeug (native backends)');
