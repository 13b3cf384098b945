// A CommonJS app that verifies passwords with @hashbridge/core, loaded through require() and through import().
// Reads [{ password, hash }] on stdin; prints only the answers, never a password or a hash.
const { readFileSync } = require('node:fs');

const answersOf = (core, cases) =>
  Promise.all(cases.map(async ({ password, hash }) => (await core.verifyPassword(password, hash)).ok));

const main = async () => {
  const cases = JSON.parse(readFileSync(0, 'utf8'));
  const required = require('@hashbridge/core');
  const imported = await import('@hashbridge/core');
  const answers = {
    required: await answersOf(required, cases),
    imported: await answersOf(imported, cases),
    // One module, not two copies: hash backends chosen through one are the ones the other uses.
    sameModule: required.verifyPassword === imported.verifyPassword,
  };
  console.log(JSON.stringify(answers));
};

main();
