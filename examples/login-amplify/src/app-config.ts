import type { ResourcesConfig } from 'aws-amplify';

/**
 * What the app reads from `config.json` at start, so one bundle serves every pool: AWS or cognito-local.
 * `userPoolEndpoint` only for cognito-local (on AWS, Amplify derives the endpoint from the pool id's region).
 */
interface AppConfig {
  readonly userPoolId: string;
  readonly userPoolClientId: string;
  readonly userPoolEndpoint?: string;
  /**
   * True while legacy users may still be outside the pool: a sign-in this browser has not completed before uses
   * USER_PASSWORD_AUTH, the only flow that reaches the User Migration trigger. False once the migration is over:
   * SRP for everyone.
   */
  readonly migrationPeriod: boolean;
}

const isNonEmptyString = (value: unknown): value is string => typeof value === 'string' && value !== '';

/** Reads and checks `config.json`, so a typo fails with a message rather than as an odd Cognito error later. */
const loadAppConfig = async (url = 'config.json'): Promise<AppConfig> => {
  const raw = (await (await fetch(url)).json()) as Record<string, unknown>;
  const { userPoolId, userPoolClientId, userPoolEndpoint, migrationPeriod } = raw;
  if (!isNonEmptyString(userPoolId) || !isNonEmptyString(userPoolClientId)) {
    throw new Error('config.json needs userPoolId and userPoolClientId');
  }
  if (typeof migrationPeriod !== 'boolean') throw new Error('config.json needs migrationPeriod (true or false)');
  if (userPoolEndpoint !== undefined && !isNonEmptyString(userPoolEndpoint)) {
    throw new Error('config.json: userPoolEndpoint must be a URL when present');
  }
  return {
    userPoolId,
    userPoolClientId,
    migrationPeriod,
    ...(userPoolEndpoint === undefined ? {} : { userPoolEndpoint }),
  };
};

/** Amplify v6's configuration for a user pool with email sign-in. */
const toAmplifyConfig = (config: AppConfig): ResourcesConfig => ({
  Auth: {
    Cognito: {
      userPoolId: config.userPoolId,
      userPoolClientId: config.userPoolClientId,
      ...(config.userPoolEndpoint === undefined ? {} : { userPoolEndpoint: config.userPoolEndpoint }),
      loginWith: { email: true },
    },
  },
});

export type { AppConfig };
export { loadAppConfig, toAmplifyConfig };
