export type { CognitoUserImportJobsOptions } from './cognito-user-import-jobs.js';
export { CognitoUserImportJobs } from './cognito-user-import-jobs.js';
