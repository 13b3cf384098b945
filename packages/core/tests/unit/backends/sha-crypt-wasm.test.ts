import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { shaCryptDigestWasm } from '../../../src/backends/sha-crypt-wasm/index.js';
import { encodeTransposedHash64 } from '../../../src/encoding/hash64.js';
import { shaCryptReference } from '../../helpers/sha-crypt-reference.js';

type Algorithm = 'sha256' | 'sha512';

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

/**
 * crypt(3) writes the digest in 24-bit groups of bytes taken from spread-out positions (the specification's
 * `b64_from_24bit(B2, B1, B0)` calls). SHA-256: group i takes bytes i, i+10, i+20 in an order rotating with
 * i % 3, then bytes 31 and 30 close; SHA-512: bytes i, i+21, i+42, then byte 63. encodeTransposedHash64
 * wants each group lowest byte (B0) first.
 */
const groupOrder = (span: number, groups: number, rotations: readonly (readonly number[])[]): number[] =>
  Array.from({ length: groups }, (_, i) => {
    const rotation = rotations[i % 3] ?? [];
    return rotation.map((k) => i + k * span).reverse();
  }).flat();
const TRANSPOSE: Record<Algorithm, readonly number[]> = {
  sha256: [
    ...groupOrder(10, 10, [
      [0, 1, 2],
      [2, 0, 1],
      [1, 2, 0],
    ]),
    30,
    31,
  ],
  sha512: [
    ...groupOrder(21, 21, [
      [0, 1, 2],
      [1, 2, 0],
      [2, 0, 1],
    ]),
    63,
  ],
};

const checksumOf = (algorithm: Algorithm, digest: Uint8Array): string =>
  encodeTransposedHash64(digest, TRANSPOSE[algorithm]);

/** Drepper's known answers from the specification (also passlib's `known_correct_configs`). */
const SPECIFICATION_VECTORS: readonly {
  algorithm: Algorithm;
  password: string;
  salt: string;
  rounds: number;
  expected: string;
}[] = [
  // Salt without `rounds=`: the default 5000.
  {
    algorithm: 'sha256',
    password: 'Hello world!',
    salt: 'saltstring',
    rounds: 5000,
    expected: '$5$saltstring$5B8vYYiY.CVt1RlTTf8KbXBH3hsxY/GNooZaBBGWEc5',
  },
  {
    algorithm: 'sha256',
    password: 'Hello world!',
    salt: 'saltstringsaltstring',
    rounds: 10000,
    expected: '$5$rounds=10000$saltstringsaltst$3xv.VbSHBb41AL9AvLeujZkZRBAwqFMz2.opqey6IcA',
  },
  {
    algorithm: 'sha256',
    password: 'This is just a test',
    salt: 'toolongsaltstring',
    rounds: 5000,
    expected: '$5$rounds=5000$toolongsaltstrin$Un/5jzAHMgOGZ5.mWJpuVolil07guHPvOW8mGRcvxa5',
  },
  {
    algorithm: 'sha256',
    password: 'a very much longer text to encrypt.  This one even stretches over morethan one line.',
    salt: 'anotherlongsaltstring',
    rounds: 1400,
    expected: '$5$rounds=1400$anotherlongsalts$Rx.j8H.h8HjEDGomFU8bDkXm3XIUnzyxf12oP84Bnq1',
  },
  {
    algorithm: 'sha256',
    password: 'we have a short salt string but not a short password',
    salt: 'short',
    rounds: 77777,
    expected: '$5$rounds=77777$short$JiO1O3ZpDAxGJeaDIuqCoEFysAe1mZNJRs3pw0KQRd/',
  },
  {
    algorithm: 'sha256',
    password: 'a short string',
    salt: 'asaltof16chars..',
    rounds: 123456,
    expected: '$5$rounds=123456$asaltof16chars..$gP3VQ/6X7UUEW3HkBn2w1/Ptq2jxPyzV/cZKmF/wJvD',
  },
  // `rounds=10` is raised to the minimum, 1000.
  {
    algorithm: 'sha256',
    password: 'the minimum number is still observed',
    salt: 'roundstoolow',
    rounds: 10,
    expected: '$5$rounds=1000$roundstoolow$yfvwcWrQ8l/K0DAWyuPMDNHpIVlTQebY9l/gL972bIC',
  },
  {
    algorithm: 'sha512',
    password: 'Hello world!',
    salt: 'saltstring',
    rounds: 5000,
    expected: '$6$saltstring$svn8UoSVapNtMuq1ukKS4tPQd8iKwSMHWjl/O817G3uBnIFNjnQJuesI68u4OTLiBFdcbYEdFCoEOfaS35inz1',
  },
  {
    algorithm: 'sha512',
    password: 'Hello world!',
    salt: 'saltstringsaltstring',
    rounds: 10000,
    expected:
      '$6$rounds=10000$saltstringsaltst$OW1/O6BYHV6BcXZu8QVeXbDWra3Oeqh0sbHbbMCVNSnCM/UrjmM0Dp8vOuZeHBy/YTBmSK6H9qs/y3RnOaw5v.',
  },
  {
    algorithm: 'sha512',
    password: 'This is just a test',
    salt: 'toolongsaltstring',
    rounds: 5000,
    expected:
      '$6$rounds=5000$toolongsaltstrin$lQ8jolhgVRVhY4b5pZKaysCLi0QBxGoNeKQzQ3glMhwllF7oGDZxUhx1yxdYcz/e1JSbq3y6JMxxl8audkUEm0',
  },
  {
    algorithm: 'sha512',
    password: 'a very much longer text to encrypt.  This one even stretches over morethan one line.',
    salt: 'anotherlongsaltstring',
    rounds: 1400,
    expected:
      '$6$rounds=1400$anotherlongsalts$POfYwTEok97VWcjxIiSOjiykti.o/pQs.wPvMxQ6Fm7I6IoYN3CmLs66x9t0oSwbtEW7o7UmJEiDwGqd8p4ur1',
  },
  {
    algorithm: 'sha512',
    password: 'we have a short salt string but not a short password',
    salt: 'short',
    rounds: 77777,
    expected:
      '$6$rounds=77777$short$WuQyW2YR.hBNpjjRhpYD/ifIw05xdfeEyQoMxIXbkvr0gge1a1x3yRULJ5CCaUeOxFmtlcGZelFl5CxtgfiAc0',
  },
  {
    algorithm: 'sha512',
    password: 'a short string',
    salt: 'asaltof16chars..',
    rounds: 123456,
    expected:
      '$6$rounds=123456$asaltof16chars..$BtCwjqMJGx5hrJhZywWvt0RLE8uZ4oPwcelCjmw2kSYu.Ec6ycULevoBK25fs2xXgMNrCzIMVcgEJAstJeonj1',
  },
  {
    algorithm: 'sha512',
    password: 'the minimum number is still observed',
    salt: 'roundstoolow',
    rounds: 10,
    expected:
      '$6$rounds=1000$roundstoolow$kUMsbe306n21p9R.FRkW3IGn.S9NPN0x50YhH1xhLsPuWGsUSklZt58jaTfF4ZEQpyUNGc0dqbpBYYBaHHrsX.',
  },
];

/** Made with passlib 1.7.4 (`sha256_crypt` / `sha512_crypt.using(salt=…, rounds=…).hash(password)`). */
const PASSLIB_VECTORS: readonly {
  algorithm: Algorithm;
  password: string;
  salt: string;
  rounds: number;
  hash: string;
}[] = [
  {
    algorithm: 'sha256',
    password: '',
    salt: '.',
    rounds: 2517,
    hash: '$5$rounds=2517$.$xAdf6AnXW1FLW2hOoGWUYIynuxusKbLP6xZvPwjrLt5',
  },
  {
    algorithm: 'sha256',
    password: 'x',
    salt: '',
    rounds: 2002,
    hash: '$5$rounds=2002$$jPz7E22jLcKFJgUzGMudlhu.9lczpK1JJqRApnj7ddC',
  },
  {
    algorithm: 'sha256',
    password: 'correct horse battery staple',
    salt: 'sGE/h49U',
    rounds: 1248,
    hash: '$5$rounds=1248$sGE/h49U$j05SW1rQ.M4rrN6mcWeQBXyh/IUdbe61OtGjpQDT2d/',
  },
  {
    algorithm: 'sha256',
    password: 'pässwörd ✓ 🔐',
    salt: '101Azyj1GhjHm',
    rounds: 1067,
    hash: '$5$rounds=1067$101Azyj1GhjHm$zScWnQ/6LAR.nG9pE0Z218H557x3QOOfdKWHNnV0ztD',
  },
  {
    algorithm: 'sha256',
    password: 'passlib '.repeat(25),
    salt: 'H',
    rounds: 2404,
    hash: '$5$rounds=2404$H$QNo89Y2/S3u0U.4EP1VT2nVomWSpJ85HU2rsAYeQpsC',
  },
  {
    algorithm: 'sha512',
    password: '',
    salt: 'DwM2cUwaIRSRTTtx',
    rounds: 1004,
    hash: '$6$rounds=1004$DwM2cUwaIRSRTTtx$m6rX.67TR0JAhBVtEEml5dEZHBefmoEXiEyoLBCEaNbeIF.29cUFSclvO4geCusCoq1FVND50xerDRzuFWyDL.',
  },
  {
    algorithm: 'sha512',
    password: 'x',
    salt: '.',
    rounds: 1095,
    hash: '$6$rounds=1095$.$0pu3n.tG87M2AOPlQ1NyWyYE/2c6TS7rBGatToE9KbyeD.hhAmfy9eiKWh6k.alI05rKbWtDYXq9Z.MkD9utd.',
  },
  {
    algorithm: 'sha512',
    password: 'correct horse battery staple',
    salt: 'bQ0KXHcztYveSPN1',
    rounds: 1001,
    hash: '$6$rounds=1001$bQ0KXHcztYveSPN1$LhUhfhunEvA5m/2Z.4VPzOtQfNnSBbsuXZB.kGXWc0t9uxZ0xEUuoMrmJCfbptw6FVQDpUlFdn76MBrpHfgE40',
  },
  {
    algorithm: 'sha512',
    password: 'pässwörd ✓ 🔐',
    salt: 'A',
    rounds: 1350,
    hash: '$6$rounds=1350$A$9vkxLSQ32aeRD2/GvRsmzmmJ2TneLLpcIrt4mMQYUypWPRXLljJkOx72AQOxj2u1fZUuyTYqtiLzrto/Ui3Bs0',
  },
  {
    algorithm: 'sha512',
    password: 'passlib '.repeat(25),
    salt: 'k9C4jn38qEWun',
    rounds: 2049,
    hash: '$6$rounds=2049$k9C4jn38qEWun$Xkx7xbBSq4Nm.j1dB9uzP56Sl6kAymjSmCRSfwl0LgQndp7ajFHianGxvFHysYTVqsvQ7dMcxUWG.6OIc67oO/',
  },
  // passlib's default cost.
  {
    algorithm: 'sha256',
    password: 'Tr0ub4dor&3',
    salt: 'passlibdefaults0',
    rounds: 535000,
    hash: '$5$rounds=535000$passlibdefaults0$K4TN9xJwgIvynWpczYF5z5UqcdiHMAlsjQL/qw2BZXB',
  },
  {
    algorithm: 'sha512',
    password: 'Tr0ub4dor&3',
    salt: 'passlibdefaults0',
    rounds: 656000,
    hash: '$6$rounds=656000$passlibdefaults0$VvHD4eY25ZjbNTWG.jP5IVdeUFX8JTy820y3FjGck8IUWa2calhOTz/.f8bMI3IApszSqikGGFZQg9FnHWozJ1',
  },
  // The longest password passlib takes: 4096 characters of 4 UTF-8 bytes (U+1D11E).
  {
    algorithm: 'sha256',
    password: '\u{1D11E}'.repeat(4096),
    salt: 'longpassword',
    rounds: 1000,
    hash: '$5$rounds=1000$longpassword$iVNkgOA3uGc9DkqrcVuZbiVgXhn2pM00emb55bweyID',
  },
  {
    algorithm: 'sha512',
    password: '\u{1D11E}'.repeat(4096),
    salt: 'longpassword',
    rounds: 1000,
    hash: '$6$rounds=1000$longpassword$MTS.aDSphj5KMNr54AkmQ9sORxcEb4sbJIzW/L6FM/lS8aDhVWad6gnvHDg.lhUSk.QEWyKXasyI1vuvfQ9Fn.',
  },
];

describe('Function: shaCryptDigestWasm', () => {
  it.each(SPECIFICATION_VECTORS)(
    "matches the specification's $algorithm vector with salt $salt and rounds=$rounds",
    ({ algorithm, password, salt, rounds, expected }) => {
      // Prepare: the specification keeps 16 salt bytes and raises rounds below 1000 to 1000.
      const saltBytes = bytes(salt).subarray(0, 16);
      const effectiveRounds = Math.max(rounds, 1000);

      // Act
      const digest = shaCryptDigestWasm(algorithm, bytes(password), saltBytes, effectiveRounds);

      // Assess
      expect(digest).toHaveLength(algorithm === 'sha256' ? 32 : 64);
      expect(checksumOf(algorithm, digest)).toBe(expected.slice(expected.lastIndexOf('$') + 1));
    },
  );

  it.each(PASSLIB_VECTORS)(
    'matches passlib for a $algorithm hash with rounds=$rounds and salt $salt',
    ({ algorithm, password, salt, rounds, hash }) => {
      // Act
      const digest = shaCryptDigestWasm(algorithm, bytes(password), bytes(salt), rounds);

      // Assess
      expect(checksumOf(algorithm, digest)).toBe(hash.slice(hash.lastIndexOf('$') + 1));
    },
    30_000,
  );

  it.each(['sha256', 'sha512'] as const)(
    'agrees with a step-by-step node:crypto implementation on random %s inputs',
    (algorithm) => {
      fc.assert(
        fc.property(
          fc.uint8Array({ maxLength: 300 }),
          fc.uint8Array({ maxLength: 16 }),
          fc.integer({ min: 1000, max: 1100 }),
          (password, salt, rounds) => {
            // Act
            const digest = shaCryptDigestWasm(algorithm, password, salt, rounds);

            // Assess
            expect(digest).toEqual(shaCryptReference(algorithm, password, salt, rounds));
          },
        ),
        { numRuns: 40 },
      );
    },
    60_000,
  );

  it('covers every password length around the block and digest boundaries', () => {
    // Prepare: lengths where the round messages change their number of blocks or the digest's alignment.
    const salt = bytes('boundaries');

    for (const algorithm of ['sha256', 'sha512'] as const) {
      for (let length = 0; length <= 140; length++) {
        const password = Uint8Array.from({ length }, (_, i) => (i * 7 + 1) & 0xff);

        // Act
        const digest = shaCryptDigestWasm(algorithm, password, salt, 1000);

        // Assess
        expect(digest, `${algorithm}, ${length}-byte password`).toEqual(
          shaCryptReference(algorithm, password, salt, 1000),
        );
      }
    }
  }, 60_000);

  it('gives the same answer for a short password after memory grew for a long one', () => {
    // Prepare
    const short = bytes('short');
    const salt = bytes('saltsalt');
    const before = shaCryptDigestWasm('sha512', short, salt, 1000);

    // Act
    shaCryptDigestWasm('sha512', new Uint8Array(16_384).fill(0x61), salt, 1000);
    const after = shaCryptDigestWasm('sha512', short, salt, 1000);

    // Assess
    expect(after).toEqual(before);
  }, 30_000);

  it('returns a copy the next call does not overwrite', () => {
    // Prepare
    const first = shaCryptDigestWasm('sha256', bytes('one'), bytes('salt'), 1000);
    const snapshot = Uint8Array.from(first);

    // Act
    shaCryptDigestWasm('sha256', bytes('two'), bytes('salt'), 1000);

    // Assess
    expect(first).toEqual(snapshot);
  });

  it.each([
    ['a password over 16384 bytes', new Uint8Array(16_385), new Uint8Array(8), 5000],
    ['a salt over 16 bytes', new Uint8Array(8), new Uint8Array(17), 5000],
    ['rounds below 1000', new Uint8Array(8), new Uint8Array(8), 999],
    ['rounds above 999999999', new Uint8Array(8), new Uint8Array(8), 1_000_000_000],
    ['fractional rounds', new Uint8Array(8), new Uint8Array(8), 5000.5],
    ['NaN rounds', new Uint8Array(8), new Uint8Array(8), Number.NaN],
  ] as const)('rejects %s with a RangeError', (_, password, salt, rounds) => {
    // Act & Assess
    expect(() => shaCryptDigestWasm('sha512', password, salt, rounds)).toThrow(RangeError);
  });

  it('rejects an unknown algorithm with a RangeError', () => {
    // Act & Assess
    expect(() => shaCryptDigestWasm('md5' as 'sha256', new Uint8Array(1), new Uint8Array(1), 5000)).toThrow(RangeError);
  });
});

describe('File: sha-crypt-wasm.generated.ts', () => {
  it('is what scripts/build-wasm.mjs builds from assembly/index.ts today', () => {
    // Prepare
    const packageDir = fileURLToPath(new URL('../../../', import.meta.url));
    const committed = join(packageDir, 'src/backends/sha-crypt-wasm/sha-crypt-wasm.generated.ts');
    const scratch = mkdtempSync(join(tmpdir(), 'hashbridge-wasm-'));
    const rebuilt = join(scratch, 'sha-crypt-wasm.generated.ts');

    try {
      // Act
      execFileSync(process.execPath, [join(packageDir, 'scripts/build-wasm.mjs'), '--out', rebuilt], {
        cwd: packageDir,
        stdio: 'pipe',
      });

      // Assess
      expect(readFileSync(rebuilt, 'utf8'), 'run `node scripts/build-wasm.mjs` in packages/core').toBe(
        readFileSync(committed, 'utf8'),
      );
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  }, 120_000);
});
