/**
 * A password-strength rule in the shape of a Cognito user pool's password policy (the names of CDK's
 * `PasswordPolicy`), so the migration can hold legacy passwords to the rule the pool applies to new ones.
 */
interface PasswordStrengthRule {
  /** Fewest characters (code points) a password may have. Cognito pools allow 6 to 99. */
  readonly minLength: number;
  /** At least one Basic Latin lowercase letter, a–z. */
  readonly requireLowercase: boolean;
  /** At least one Basic Latin uppercase letter, A–Z. */
  readonly requireUppercase: boolean;
  /** At least one digit, 0–9. */
  readonly requireDigits: boolean;
  /** At least one of Cognito's special characters (`COGNITO_PASSWORD_SYMBOLS`), or a space inside the password. */
  readonly requireSymbols: boolean;
}

/** One part of a rule a password does not meet. */
type PasswordRequirement = keyof PasswordStrengthRule;

export type { PasswordRequirement, PasswordStrengthRule };
