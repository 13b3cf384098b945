// A CommonJS app in TypeScript: require() of the ES modules (TypeScript 5.8+ with module nodenext, Node 20.19+).
import core = require('@hashbridge/core');
import dynamodb = require('@hashbridge/adapters/dynamodb');

const scheme: core.SchemeName | undefined = core.identifyHash('not a hash');
const store: typeof dynamodb.DynamoDBStagedUserStore = dynamodb.DynamoDBStagedUserStore;

export = { scheme, store };
