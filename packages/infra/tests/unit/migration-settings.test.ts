import { CfnParameter, Duration, Stack } from 'aws-cdk-lib';
import { describe, expect, it } from 'vitest';
import {
  InfraError,
  validateHashRetention,
  validateLockoutMaxDuration,
  validateLockoutThreshold,
} from '../../src/index.js';

describe('Function: validateHashRetention', () => {
  it('answers the whole days of a retention from 1 day to 10 years', () => {
    expect(validateHashRetention(Duration.days(30))).toBe(30);
    expect(validateHashRetention(Duration.hours(48))).toBe(2);
    expect(validateHashRetention(Duration.days(1))).toBe(1);
    expect(validateHashRetention(Duration.days(3650))).toBe(3650);
  });

  it.each([
    ['part of a day', Duration.hours(36)],
    ['less than a day', Duration.minutes(30)],
    ['nothing', Duration.days(0)],
    ['more than ten years', Duration.days(3651)],
  ])('throws InfraError, naming the prop, for %s', (_, retention) => {
    expect(() => validateHashRetention(retention)).toThrow(InfraError);
    expect(() => validateHashRetention(retention)).toThrow(/hashRetention/);
  });

  it('throws InfraError for a deploy-time token, which the handlers could not be checked against', () => {
    // Prepare
    const days = new CfnParameter(new Stack(), 'Days', { type: 'Number' }).valueAsNumber;

    // Act / Assess
    expect(() => validateHashRetention(Duration.days(days))).toThrow(/known at synthesis/);
  });
});

describe('Function: validateLockoutThreshold', () => {
  it('answers a whole number of failures from 1 to 100', () => {
    expect([1, 5, 100].map(validateLockoutThreshold)).toEqual([1, 5, 100]);
  });

  it.each([0, -1, 2.5, 101, Number.NaN])('throws InfraError, naming the prop, for %s', (threshold) => {
    expect(() => validateLockoutThreshold(threshold)).toThrow(InfraError);
    expect(() => validateLockoutThreshold(threshold)).toThrow(/lockoutThreshold/);
  });
});

describe('Function: validateLockoutMaxDuration', () => {
  it('answers whole seconds from 1 s to a day', () => {
    expect(validateLockoutMaxDuration(Duration.minutes(15))).toBe(900);
    expect(validateLockoutMaxDuration(Duration.seconds(1))).toBe(1);
    expect(validateLockoutMaxDuration(Duration.days(1))).toBe(86_400);
  });

  it.each([
    ['part of a second', Duration.millis(1500)],
    ['nothing', Duration.seconds(0)],
    ['more than a day', Duration.hours(25)],
  ])('throws InfraError, naming the prop, for %s', (_, maxDuration) => {
    expect(() => validateLockoutMaxDuration(maxDuration)).toThrow(InfraError);
    expect(() => validateLockoutMaxDuration(maxDuration)).toThrow(/lockoutMaxDuration/);
  });
});
