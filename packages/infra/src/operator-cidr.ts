import { Token } from 'aws-cdk-lib';
import { InfraError } from './errors.js';

const IPV4_CIDR = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/;

/**
 * Checks the CIDR the operator's producer connects from (MSK's public IAM port 9198 is opened to it alone).
 * Refuses anything but a well-formed IPv4 network address, and refuses `/0`: the cluster is authenticated
 * with IAM, but opening it to the whole internet is never the safe default. A CloudFormation parameter
 * (an unresolved token) is left to the parameter's own AllowedPattern.
 *
 * @example
 * validateOperatorCidr('203.0.113.7/32'); // '203.0.113.7/32'
 */
const validateOperatorCidr = (cidr: string): string => {
  if (Token.isUnresolved(cidr)) return cidr;
  const match = IPV4_CIDR.exec(cidr);
  if (match === null) {
    throw new InfraError(`operatorCidr must be an IPv4 CIDR such as 203.0.113.7/32, got "${cidr}"`);
  }
  const octets = match.slice(1, 5).map(Number);
  const prefix = Number(match[5]);
  if (octets.some((octet) => octet > 255) || prefix > 32) {
    throw new InfraError(`operatorCidr "${cidr}" is not a valid IPv4 CIDR`);
  }
  if (prefix === 0) {
    throw new InfraError('operatorCidr must not open the cluster to the whole internet (/0)');
  }
  // EC2 refuses a CIDR with host bits set; saying so here is clearer than a failed deployment.
  const address = octets.reduce((value, octet) => value * 256 + octet, 0);
  const hostBits = 2 ** (32 - prefix);
  if (address % hostBits !== 0) {
    const network = address - (address % hostBits);
    const dotted = [24, 16, 8, 0].map((shift) => Math.floor(network / 2 ** shift) % 256).join('.');
    throw new InfraError(`operatorCidr "${cidr}" has host bits set; did you mean ${dotted}/${prefix}?`);
  }
  return cidr;
};

/** The same rule as a CloudFormation AllowedPattern, for when the CIDR is a deploy-time parameter. */
const OPERATOR_CIDR_PATTERN = '^(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})/([1-9]|[12]\\d|3[0-2])$';

export { OPERATOR_CIDR_PATTERN, validateOperatorCidr };
