// Stands in for protobufjs and avro-js in the Loader's bundle. @aws-lambda-powertools/kafka imports them only for
// Protobuf and Avro values; the Loader reads JSON, and leaving them out as externals would make the ES module
// fail at init (esbuild hoists external imports to the top of the bundle). Using either fails loudly instead.
const unsupported = () => {
  throw new Error('Protobuf and Avro values are not supported by the hashbridge Loader: it reads JSON only');
};

class BufferReader {
  constructor() {
    unsupported();
  }
}

const avro = { parse: unsupported };

export { BufferReader };
export default avro;
