import { createHash } from 'node:crypto';
import { constantTimeEqual } from '../../crypto/constant-time.js';
import { encodeTransposedHash64 } from '../../encoding/hash64.js';
import { HashPolicyError, MalformedHashError } from '../../errors.js';
import { utf8 } from '../../password.js';
import type { PasswordHashScheme } from '../../types/scheme.js';
import { type BlockHash, hashPadded, md5, paddedLength } from './block-hash.js';
import { assertChecksumPresent, assertHash64Field } from './crypt-format.js';

const SCHEME = 'sun_md5_crypt';
const PLAIN_PREFIX = '$md5$';
const ROUNDS_PREFIX = '$md5,rounds=';
/** Every hash runs this many rounds on top of the ones it names. */
const BASE_ROUNDS = 4_096;
/** passlib's bound: the rounds plus the base stay within 32 bits. */
const MAX_ROUNDS = 4_294_963_199;
const CHECKSUM_LENGTH = 22;
/** Same digest byte order as md5_crypt. */
const TRANSPOSITION = [12, 6, 0, 13, 7, 1, 14, 8, 2, 15, 9, 3, 5, 10, 4, 11];

/**
 * The constant Sun's algorithm mixes into about half of the rounds: a passage of Hamlet (act 3, scene 1,
 * as in Project Gutenberg's etext 2ws2610), each line ending in a newline, with the C string's NUL.
 */
const HAMLET = Buffer.from(
  `${[
    'To be, or not to be,--that is the question:--',
    "Whether 'tis nobler in the mind to suffer",
    'The slings and arrows of outrageous fortune',
    'Or to take arms against a sea of troubles,',
    'And by opposing end them?--To die,--to sleep,--',
    'No more; and by a sleep to say we end',
    'The heartache, and the thousand natural shocks',
    "That flesh is heir to,--'tis a consummation",
    "Devoutly to be wish'd. To die,--to sleep;--",
    "To sleep! perchance to dream:--ay, there's the rub;",
    'For in that sleep of death what dreams may come,',
    'When we have shuffled off this mortal coil,',
    "Must give us pause: there's the respect",
    'That makes calamity of so long life;',
    'For who would bear the whips and scorns of time,',
    "The oppressor's wrong, the proud man's contumely,",
    "The pangs of despis'd love, the law's delay,",
    'The insolence of office, and the spurns',
    'That patient merit of the unworthy takes,',
    'When he himself might his quietus make',
    'With a bare bodkin? who would these fardels bear,',
    'To grunt and sweat under a weary life,',
    'But that the dread of something after death,--',
    "The undiscover'd country, from whose bourn",
    'No traveller returns,--puzzles the will,',
    'And makes us rather bear those ills we have',
    'Than fly to others that we know not of?',
    'Thus conscience does make cowards of us all;',
    'And thus the native hue of resolution',
    "Is sicklied o'er with the pale cast of thought;",
    'And enterprises of great pith and moment,',
    'With this regard, their currents turn awry,',
    'And lose the name of action.--Soft you now!',
    'The fair Ophelia!--Nymph, in thy orisons',
    "Be all my sins remember'd.",
  ].join('\n')}\n\0`,
  'ascii',
);

interface ParsedSunMd5Crypt {
  readonly rounds: number;
  /** The part of the hash the algorithm hashes as its salt: ident, rounds, salt and, unless bare, a `$`. */
  readonly config: string;
  readonly checksum: string;
}

/** The rounds of `$md5,rounds=N$`: passlib wants N written exactly as Python would print it, and not 0. */
const parseRounds = (hash: string): { rounds: number; saltStart: number } => {
  if (hash.startsWith(PLAIN_PREFIX)) return { rounds: 0, saltStart: PLAIN_PREFIX.length };
  if (!hash.startsWith(ROUNDS_PREFIX)) throw new MalformedHashError(SCHEME, 'expected $md5$ or $md5,rounds=');
  const end = hash.indexOf('$', ROUNDS_PREFIX.length);
  if (end < 0) throw new MalformedHashError(SCHEME, 'the rounds field does not end');
  const text = hash.slice(ROUNDS_PREFIX.length, end);
  // A canonical decimal, which is what `str(int(text)) == text` leaves; zero and negatives fail passlib's range.
  if (!/^[1-9]\d*$/.test(text)) throw new MalformedHashError(SCHEME, 'the rounds must be a positive decimal');
  const rounds = Number(text);
  if (rounds > MAX_ROUNDS) throw new MalformedHashError(SCHEME, `the rounds must be at most ${MAX_ROUNDS}`);
  return { rounds, saltStart: end + 1 };
};

/**
 * Parses passlib's way, which is lenient about the `$` between salt and checksum because Sun's own
 * parser was: `…<salt>$$<checksum>` is the usual form (the salt is hashed with a trailing `$`), and
 * `…<salt>$<checksum>` the "bare salt" form (hashed without). The checksum is after the last `$`; an
 * empty salt before `$$` is still hashed with its `$`.
 */
const parseSunMd5Crypt = (hash: string): ParsedSunMd5Crypt => {
  const { rounds, saltStart } = parseRounds(hash);
  const lastDollar = hash.lastIndexOf('$');
  const checksumStart = lastDollar >= saltStart ? lastDollar : -1;
  if (checksumStart === hash.length - 1 && checksumStart > saltStart && hash[checksumStart - 1] === '$') {
    throw new MalformedHashError(SCHEME, "too many '$' after the salt");
  }
  const checksum = checksumStart < 0 ? undefined : hash.slice(checksumStart + 1);
  assertChecksumPresent(SCHEME, checksum);
  const bare = hash[checksumStart - 1] !== '$';
  const salt = hash.slice(saltStart, bare ? checksumStart : Math.max(saltStart, checksumStart - 1));
  assertHash64Field(SCHEME, 'checksum', checksum, CHECKSUM_LENGTH, CHECKSUM_LENGTH);
  assertHash64Field(SCHEME, 'salt', salt, 0, Number.POSITIVE_INFINITY);
  const ident = rounds > 0 ? `${ROUNDS_PREFIX}${rounds}$` : PLAIN_PREFIX;
  return { rounds, config: `${ident}${salt}${bare ? '' : '$'}`, checksum };
};

/** Bit `index` (mod 128) of the 16-byte digest, least significant bit of each byte first. */
const bitAt = (digest: Uint8Array, index: number): number => ((digest[(index >> 3) & 15] as number) >> (index & 7)) & 1;

/** Eight digest bits picked through two levels of indirection, starting from bytes `first` and `second` on. */
const indirectBits = (digest: Uint8Array, first: number, second: number): number => {
  let bits = 0;
  for (let i = 0; i < 8; i++) {
    const a = digest[(first + i) & 15] as number;
    const b = digest[(second + i) & 15] as number;
    const picked = (digest[(a >> (b % 5)) & 15] as number) >> ((b >> (a & 7)) & 1);
    bits |= bitAt(digest, picked) << i;
  }
  return bits;
};

/**
 * Whether round `round` mixes in the Hamlet passage: two bit indexes are derived from the digest, each
 * halved or not depending on a bit selected by the round number, and the coin is the XOR of the bits
 * they point to.
 */
const coinFlip = (digest: Uint8Array, round: number): number => {
  const x = indirectBits(digest, 0, 3);
  const y = indirectBits(digest, 8, 11);
  const xIndex = bitAt(digest, round) ? x >> 1 : x & 127;
  const yIndex = bitAt(digest, round + 64) ? y >> 1 : y & 127;
  return bitAt(digest, xIndex) ^ bitAt(digest, yIndex);
};

/** One reused buffer per message shape: the digest, the Hamlet passage or not, the round in decimal, padding. */
const roundBuffer = (hash: BlockHash, withHamlet: boolean): { bytes: Uint8Array; view: DataView; tail: number } => {
  const tail = 16 + (withHamlet ? HAMLET.length : 0);
  const bytes = new Uint8Array(paddedLength(hash, tail + 10));
  bytes.set(HAMLET.subarray(0, withHamlet ? HAMLET.length : 0), 16);
  return { bytes, view: new DataView(bytes.buffer), tail };
};

/** Sun's MD5-crypt checksum: MD5(password ‖ config), then 4096 + rounds rounds of MD5(digest ‖ [Hamlet] ‖ round). */
const sunMd5CryptChecksum = (password: Uint8Array, config: string, rounds: number): string => {
  const hash = md5();
  const digest = new Uint8Array(createHash('md5').update(password).update(config, 'ascii').digest());
  const digestView = new DataView(digest.buffer);
  const plain = roundBuffer(hash, false);
  const withHamlet = roundBuffer(hash, true);
  const total = BASE_ROUNDS + rounds;
  for (let round = 0; round < total; round++) {
    const { bytes, view, tail } = coinFlip(digest, round) ? withHamlet : plain;
    bytes.set(digest, 0);
    // The round number in ASCII decimal, then MD5 padding: 0x80, zeros, the bit length (little-endian).
    const decimal = String(round);
    let end = tail;
    for (let i = 0; i < decimal.length; i++) bytes[end++] = decimal.charCodeAt(i);
    const padded = paddedLength(hash, end);
    bytes.fill(0, end, padded);
    bytes[end] = 0x80;
    view.setUint32(padded - 8, end * 8, true);
    hashPadded(hash, view, padded);
    hash.writeDigest(digestView, 0);
  }
  return encodeTransposedHash64(digest, TRANSPOSITION);
};

/**
 * sun_md5_crypt: Solaris' `$md5$<salt>$$<22>` and `$md5,rounds=N$<salt>$$<22>` (and the bare-salt `$`
 * forms). Any password is accepted, NUL included, as passlib does for this scheme.
 */
const sunMd5Crypt: PasswordHashScheme = {
  name: SCHEME,
  identify: (hash) => hash.startsWith(PLAIN_PREFIX) || hash.startsWith('$md5,'),
  prepare: (hash, context) => {
    const { rounds, config, checksum } = parseSunMd5Crypt(hash);
    if (BASE_ROUNDS + rounds > context.policy.otherMaxIterations) {
      throw new HashPolicyError(
        SCHEME,
        `${BASE_ROUNDS} + ${rounds} rounds is above the maximum ${context.policy.otherMaxIterations}`,
      );
    }
    return {
      needsUpdate: false,
      verify: async (password) => constantTimeEqual(sunMd5CryptChecksum(utf8(password), config, rounds), checksum),
    };
  },
};

export { sunMd5Crypt, sunMd5CryptChecksum };
