import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

/** The npm packages a subpath of the built package pulls in, as a bundler (or Node) would load them. */
const packagesLoadedBy = async (subpath: string): Promise<string[]> => {
  const entry = fileURLToPath(import.meta.resolve(`@hashbridge/adapters${subpath}`));
  const { metafile } = await build({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'esm',
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const names = Object.keys(metafile.inputs)
    .filter((input) => input.includes('node_modules/'))
    .map((input) => {
      const parts = (input.split('node_modules/').at(-1) ?? '').split('/');
      return parts[0]?.startsWith('@') ? `${parts[0]}/${parts[1]}` : (parts[0] ?? '');
    });
  return [...new Set(names)];
};

describe('Package: @hashbridge/adapters subpath exports (built)', () => {
  it.each([
    [
      '/cognito',
      ['@aws-sdk/client-cognito-identity-provider'],
      ['pg', '@platformatic/kafka', '@aws-sdk/client-dynamodb', '@aws-sdk/lib-dynamodb'],
    ],
    [
      '/dynamodb',
      ['@aws-sdk/client-dynamodb'],
      ['pg', 'pg-cursor', '@platformatic/kafka', 'aws-msk-iam-sasl-signer-js'],
    ],
    ['/kafka', ['@platformatic/kafka', 'aws-msk-iam-sasl-signer-js'], ['pg', 'pg-cursor', '@aws-sdk/lib-dynamodb']],
    ['/postgres', ['pg', 'pg-cursor'], ['@platformatic/kafka', '@aws-sdk/client-dynamodb', '@aws-sdk/lib-dynamodb']],
    ['', [], ['pg', '@platformatic/kafka', '@aws-sdk/client-dynamodb', '@aws-sdk/client-cognito-identity-provider']],
  ])(
    'importing "@hashbridge/adapters%s" loads its own SDKs and none of the others',
    async (subpath, own, others) => {
      const loaded = await packagesLoadedBy(subpath);
      for (const name of own) expect(loaded).toContain(name);
      for (const name of others) expect(loaded).not.toContain(name);
    },
    30_000,
  );
});
