// A CommonJS app that loads each module named on its command line with require() and with import(). Prints,
// per module, the names of its exports and whether require() gave the same values, or the code require() threw.
const loadBothWays = async (specifier) => {
  let required;
  try {
    required = require(specifier);
  } catch (error) {
    return { requireError: error.code ?? error.message };
  }
  const imported = await import(specifier);
  const names = Object.keys(imported);
  return { names, sameValues: names.every((name) => required[name] === imported[name]) };
};

const main = async () => {
  const report = {};
  for (const specifier of process.argv.slice(2)) report[specifier] = await loadBothWays(specifier);
  console.log(JSON.stringify(report));
};

main();
