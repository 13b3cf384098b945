import { describe, expect, it } from 'vitest';
import { MigrationDeadlineError } from '../../src/index.js';
import { beforeDeadline } from '../../src/migration/before-deadline.js';

const remaining = (ms: number) => ({ getRemainingTimeInMillis: () => ms });
const after = <T>(ms: number, value: T) => new Promise<T>((resolve) => setTimeout(() => resolve(value), ms));

describe('Function: beforeDeadline', () => {
  it('answers what the work answers when it settles in time', async () => {
    await expect(beforeDeadline(after(5, 'user'), remaining(5_000), 300)).resolves.toBe('user');
  });

  it('passes the work’s own failure on', async () => {
    const failure = new Error('throttled');
    await expect(beforeDeadline(Promise.reject(failure), remaining(5_000), 300)).rejects.toBe(failure);
  });

  it('rejects with MigrationDeadlineError once only the margin is left', async () => {
    await expect(beforeDeadline(after(200, 'late'), remaining(350), 300)).rejects.toBeInstanceOf(
      MigrationDeadlineError,
    );
  });

  it('rejects at once when less than the margin is left already', async () => {
    // Act
    const started = performance.now();
    const outcome = beforeDeadline(after(1_000, 'late'), remaining(100), 300);

    // Assess
    await expect(outcome).rejects.toMatchObject({ code: 'ERR_MIGRATION_DEADLINE' });
    expect(performance.now() - started).toBeLessThan(500);
  });
});
