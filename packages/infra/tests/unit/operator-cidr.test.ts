import { App, CfnParameter, Stack } from 'aws-cdk-lib';
import { describe, expect, it } from 'vitest';
import { InfraError, OPERATOR_CIDR_PATTERN, validateOperatorCidr } from '../../src/index.js';

describe('Function: validateOperatorCidr', () => {
  it.each(['203.0.113.7/32', '198.51.100.0/24', '10.0.0.0/8'])('accepts the IPv4 network %s', (cidr) => {
    // Prepare & Act
    const result = validateOperatorCidr(cidr);

    // Assess
    expect(result).toBe(cidr);
  });

  it.each([
    ['the whole internet', '0.0.0.0/0'],
    ['no prefix', '203.0.113.7'],
    ['an octet over 255', '203.0.113.256/32'],
    ['a prefix over 32', '203.0.113.7/33'],
    ['IPv6', '2001:db8::/32'],
    ['text around it', ' 203.0.113.7/32'],
  ])('throws InfraError for %s', (_, cidr) => {
    // Prepare & Act & Assess
    expect(() => validateOperatorCidr(cidr)).toThrow(InfraError);
  });

  it('names the network address when host bits are set', () => {
    // Prepare & Act & Assess
    expect(() => validateOperatorCidr('203.0.113.7/24')).toThrow('did you mean 203.0.113.0/24?');
  });

  it('leaves a deploy-time parameter to its AllowedPattern', () => {
    // Prepare
    const parameter = new CfnParameter(new Stack(new App(), 'Test'), 'OperatorCidr', { type: 'String' });

    // Act
    const result = validateOperatorCidr(parameter.valueAsString);

    // Assess
    expect(result).toBe(parameter.valueAsString);
  });

  it('has an AllowedPattern that refuses /0 and accepts /32', () => {
    // Prepare
    const pattern = new RegExp(OPERATOR_CIDR_PATTERN);

    // Act & Assess
    expect(pattern.test('203.0.113.7/32')).toBe(true);
    expect(pattern.test('0.0.0.0/0')).toBe(false);
  });
});
