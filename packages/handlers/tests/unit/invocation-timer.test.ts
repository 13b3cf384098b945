import { describe, expect, it } from 'vitest';
import { InvocationTimer } from '../../src/migration/invocation-timer.js';

/** A clock the test moves by hand, so durations are exact and nothing depends on the machine's speed. */
const handClock = (start = 1_000) => {
  let now = start;
  return { read: () => now, advance: (milliseconds: number) => (now += milliseconds) };
};

describe('Class: InvocationTimer', () => {
  it('adds the time spent inside each phase to that phase, and counts the total from its creation', async () => {
    // Prepare
    const clock = handClock();
    const timer = new InvocationTimer(clock.read);
    clock.advance(0.25);

    // Act
    const user = await timer.time('lookup', async () => {
      clock.advance(2.5);
      return 'ada';
    });
    await timer.time('verify', async () => clock.advance(180.125));
    clock.advance(0.5);
    await timer.time('mark', async () => clock.advance(3));
    clock.advance(0.125);

    // Assess
    expect(user).toBe('ada');
    expect(timer.durations()).toEqual({ lookup: 2.5, verify: 180.125, mark: 3, total: 186.5 });
  });

  it('reports 0 for a phase that did not run', () => {
    // Prepare
    const clock = handClock();
    const timer = new InvocationTimer(clock.read);

    // Act
    clock.advance(0.75);

    // Assess
    expect(timer.durations()).toEqual({ lookup: 0, verify: 0, mark: 0, total: 0.75 });
  });

  it('counts a phase whose work rejects, and passes the rejection on', async () => {
    // Prepare
    const clock = handClock();
    const timer = new InvocationTimer(clock.read);

    // Act
    const attempt = timer.time('mark', async () => {
      clock.advance(4);
      throw new Error('ProvisionedThroughputExceededException');
    });

    // Assess
    await expect(attempt).rejects.toThrow('ProvisionedThroughputExceededException');
    expect(timer.durations().mark).toBe(4);
  });

  it('adds up a phase that runs more than once', async () => {
    // Prepare
    const clock = handClock();
    const timer = new InvocationTimer(clock.read);

    // Act
    await timer.time('lookup', async () => clock.advance(1.5));
    await timer.time('lookup', async () => clock.advance(2));

    // Assess
    expect(timer.durations()).toMatchObject({ lookup: 3.5, total: 3.5 });
  });

  it('rounds every duration to the microsecond', async () => {
    // Prepare
    const clock = handClock(0.1);
    const timer = new InvocationTimer(clock.read);

    // Act
    await timer.time('verify', async () => clock.advance(0.2 + 1e-7));

    // Assess: the tenth of a nanosecond, and the binary floating-point noise of the clock readings, are dropped.
    expect(timer.durations()).toEqual({ lookup: 0, verify: 0.2, mark: 0, total: 0.2 });
  });
});
