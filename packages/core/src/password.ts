import { PasswordValueError } from './errors.js';

/** The password as UTF-8 bytes, which is what passlib hashes for all but a few Windows and database schemes. */
const utf8 = (password: string): Buffer => Buffer.from(password, 'utf8');

/** passlib counts characters (code points), not UTF-16 units: an emoji is one. */
const codePointLength = (text: string): number => {
  let length = 0;
  for (const _ of text) length++;
  return length;
};

/** crypt(3)-style schemes cannot hash a NUL byte; passlib refuses such passwords even in verify. */
const assertNoNulByte = (password: string, scheme: string): void => {
  if (password.includes('\0'))
    throw new PasswordValueError(`${scheme} cannot hash a password containing a NUL character`);
};

export { assertNoNulByte, codePointLength, utf8 };
