import { randomBytes, scrypt as scryptCb, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';

const scrypt = promisify(scryptCb) as (pw: string, salt: Buffer, len: number, opts: object) => Promise<Buffer>;
const N = 16384;
const R = 8;
const P = 1;
const KEYLEN = 32;

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, KEYLEN, { N, r: R, p: P });
  return `scrypt$${N}$${R}$${P}$${salt.toString('base64')}$${key.toString('base64')}`;
}

// A hash of nothing, so that an unknown username costs as much time as a wrong password.
const DUMMY = 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';

export async function verifyPassword(password: string, stored: string | null): Promise<boolean> {
  const parts = (stored ?? DUMMY).split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [, n, r, p, salt, hash] = parts;
  const [cost, block, par] = [Number(n), Number(r), Number(p)];
  const expected = Buffer.from(hash, 'base64');
  const saltBytes = Buffer.from(salt, 'base64');
  // A damaged row must fail closed: an empty key would compare equal, odd costs would throw.
  const sane =
    Number.isInteger(cost) && cost >= 1024 && cost <= 1 << 20 && (cost & (cost - 1)) === 0 &&
    Number.isInteger(block) && block >= 1 && block <= 32 &&
    Number.isInteger(par) && par >= 1 && par <= 16 &&
    saltBytes.length >= 8 && expected.length === KEYLEN;
  if (!sane) return false;
  try {
    const key = await scrypt(password, saltBytes, KEYLEN, { N: cost, r: block, p: par, maxmem: 256 * 1024 * 1024 });
    return stored !== null && timingSafeEqual(key, expected);
  } catch {
    return false;
  }
}
