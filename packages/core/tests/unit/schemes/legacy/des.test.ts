import { describe, expect, it } from 'vitest';
import {
  desEncrypt,
  desEncryptBlock,
  desKeySchedule,
  E,
  expandDesKey,
  expandLeft,
  expandRight,
  permuteWord,
} from '../../../../src/schemes/legacy/des.js';

const hex = (text: string): Uint8Array => Uint8Array.from(Buffer.from(text, 'hex'));
const toHex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex').toUpperCase();

/**
 * NBS Special Publication 500-20 (1980), "Validating the correctness of hardware implementations of the
 * NBS Data Encryption Standard": its substitution-table test, 19 key/plaintext/ciphertext triples
 * chosen to exercise the S-box entries.
 */
const SP_500_20_SUBSTITUTION = [
  ['7CA110454A1A6E57', '01A1D6D039776742', '690F5B0D9A26939B'],
  ['0131D9619DC1376E', '5CD54CA83DEF57DA', '7A389D10354BD271'],
  ['07A1133E4A0B2686', '0248D43806F67172', '868EBB51CAB4599A'],
  ['3849674C2602319E', '51454B582DDF440A', '7178876E01F19B2A'],
  ['04B915BA43FEB5B6', '42FD443059577FA2', 'AF37FB421F8C4095'],
  ['0113B970FD34F2CE', '059B5E0851CF143A', '86A560F10EC6D85B'],
  ['0170F175468FB5E6', '0756D8E0774761D2', '0CD3DA020021DC09'],
  ['43297FAD38E373FE', '762514B829BF486A', 'EA676B2CB7DB2B7A'],
  ['07A7137045DA2A16', '3BDD119049372802', 'DFD64A815CAF1A0F'],
  ['04689104C2FD3B2F', '26955F6835AF609A', '5C513C9C4886C088'],
  ['37D06BB516CB7546', '164D5E404F275232', '0A2AEEAE3FF4AB77'],
  ['1F08260D1AC2465E', '6B056E18759F5CCA', 'EF1BF03E5DFA575A'],
  ['584023641ABA6176', '004BD6EF09176062', '88BF0DB6D70DEE56'],
  ['025816164629B007', '480D39006EE762F2', 'A1F9915541020B56'],
  ['49793EBC79B3258F', '437540C8698F3CFA', '6FBF1CAFCFFD0556'],
  ['4FB05E1515AB73A7', '072D43A077075292', '2F22E49BAB7CA1AC'],
  ['49E95D6D4CA229BF', '02FE55778117F12A', '5A6B612CC26CCE4A'],
  ['018310DC409B26D6', '1D9D5C5018F728C2', '5F4C038ED12B2E41'],
  ['1C587F1C13924FEF', '305532286D6F295A', '63FAC0D034D9F793'],
] as const;

/** SP 500-20's variable-plaintext (IP and E) and variable-key (PC1, PC2) tests, first entries. */
const SP_500_20_PERMUTATIONS = [
  ['0101010101010101', '8000000000000000', '95F8A5E5DD31D900'],
  ['0101010101010101', '4000000000000000', 'DD7F121CA5015619'],
  ['0101010101010101', '0000000000000001', '166B40B44ABA4BD6'],
  ['8001010101010101', '0000000000000000', '95A8D72813DAA94D'],
  ['4001010101010101', '0000000000000000', '0EEC1487DD8C26D5'],
  ['0101010101010180', '0000000000000000', '9CC62DF43B6EED74'],
] as const;

describe('Primitive: DES (FIPS 46-3)', () => {
  it('encrypts the FIPS 81 example block "Now is t" under 0123456789ABCDEF', () => {
    // Prepare
    const key = hex('0123456789ABCDEF');
    const plaintext = new TextEncoder().encode('Now is t');

    // Act
    const ciphertext = desEncrypt(key, plaintext);

    // Assess
    expect(toHex(ciphertext)).toBe('3FA40E8A984D4815');
  });

  it.each(SP_500_20_SUBSTITUTION)(
    'passes the NBS substitution-table test: key %s, plaintext %s',
    (key, plaintext, ciphertext) => {
      // Act
      const output = desEncrypt(hex(key), hex(plaintext));

      // Assess
      expect(toHex(output)).toBe(ciphertext);
    },
  );

  it.each(SP_500_20_PERMUTATIONS)(
    'passes the NBS permutation tests: key %s, plaintext %s',
    (key, plaintext, ciphertext) => {
      // Act
      const output = desEncrypt(hex(key), hex(plaintext));

      // Assess
      expect(toHex(output)).toBe(ciphertext);
    },
  );

  it('ignores the parity bit of every key byte', () => {
    // Prepare
    const key = hex('0123456789ABCDEF');
    const flipped = key.map((byte) => byte ^ 1);
    const block = hex('4E6F772069732074');

    // Act
    const outputs = [desEncrypt(key, block), desEncrypt(flipped, block)];

    // Assess
    expect(toHex(outputs[1] ?? new Uint8Array())).toBe(toHex(outputs[0] ?? new Uint8Array()));
  });

  it('computes the E expansion with shifts exactly as the E table says', () => {
    // Prepare
    const words = [0, 0xffffffff, 0x80000000, 0x00000001, 0x12345678, 0xdeadbeef, 0x0f0f0f0f, 0xa5a5a5a5];

    // Act
    const fromShifts = words.map((word) => [expandLeft(word | 0), expandRight(word | 0)]);
    const fromTable = words.map((word) => [permuteWord(word, E, 0, 24), permuteWord(word, E, 24, 48)]);

    // Assess
    expect(fromShifts).toEqual(fromTable);
  });

  it('repeats the encryption when asked, as crypt(3) does', () => {
    // Prepare
    const schedule = desKeySchedule(hex('0123456789ABCDEF'));
    const block = hex('4E6F772069732074');

    // Act
    const twice = desEncryptBlock(schedule, block, { iterations: 2 });
    const chained = desEncryptBlock(schedule, desEncryptBlock(schedule, block));

    // Assess
    expect(toHex(twice)).toBe(toHex(chained));
  });

  it('keys crypt(3)-salted DES so that a zero salt is standard DES', () => {
    // Prepare
    const schedule = desKeySchedule(hex('0123456789ABCDEF'));
    const block = hex('4E6F772069732074');

    // Act
    const unsalted = desEncryptBlock(schedule, block, { salt: 0 });
    const salted = desEncryptBlock(schedule, block, { salt: 1 });

    // Assess
    expect(toHex(unsalted)).toBe('3FA40E8A984D4815');
    expect(toHex(salted)).not.toBe('3FA40E8A984D4815');
  });

  it('widens a 7-byte key by inserting (ignored) parity bits', () => {
    // Prepare
    const key7 = hex('FFFFFFFFFFFFFF');

    // Act
    const key8 = expandDesKey(key7);

    // Assess
    expect(toHex(key8)).toBe('FEFEFEFEFEFEFEFE');
  });

  it('refuses keys and blocks that are not 8 bytes', () => {
    // Act
    const shortKey = () => desKeySchedule(new Uint8Array(7));
    const shortBlock = () => desEncrypt(new Uint8Array(8), new Uint8Array(9));

    // Assess
    expect(shortKey).toThrow(RangeError);
    expect(shortBlock).toThrow(RangeError);
  });
});
