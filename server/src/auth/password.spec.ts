import { hashPassword, verifyPassword } from './password';

const FORMAT = /^scrypt\$16384\$8\$1\$[A-Za-z0-9+/]{22}==\$[A-Za-z0-9+/]{43}=$/;

describe('hashPassword / verifyPassword', () => {
  it('the hash is not the password and has the scrypt$N$r$p$salt$key format', async () => {
    const hash = await hashPassword('demo-pass-2026');
    expect(hash).not.toBe('demo-pass-2026');
    expect(hash).not.toContain('demo-pass-2026');
    expect(hash).toMatch(FORMAT);
    const [, , , , salt, key] = hash.split('$');
    expect(Buffer.from(salt, 'base64')).toHaveLength(16);
    expect(Buffer.from(key, 'base64')).toHaveLength(32);
  });

  it('verifies the right password and rejects wrong ones', async () => {
    const hash = await hashPassword('demo-pass-2026');
    expect(await verifyPassword('demo-pass-2026', hash)).toBe(true);
    expect(await verifyPassword('demo-pass-2027', hash)).toBe(false);
    expect(await verifyPassword('Demo-pass-2026', hash)).toBe(false);
    expect(await verifyPassword('demo-pass-2026 ', hash)).toBe(false);
    expect(await verifyPassword('', hash)).toBe(false);
  });

  it('two hashes of the same password differ (random salt) and both verify', async () => {
    const a = await hashPassword('same-password');
    const b = await hashPassword('same-password');
    expect(a).not.toBe(b);
    expect(a.split('$')[4]).not.toBe(b.split('$')[4]);
    expect(await verifyPassword('same-password', a)).toBe(true);
    expect(await verifyPassword('same-password', b)).toBe(true);
  });

  it('handles non-ASCII passwords', async () => {
    const hash = await hashPassword('安全生产互助2026');
    expect(await verifyPassword('安全生产互助2026', hash)).toBe(true);
    expect(await verifyPassword('安全生产互助2025', hash)).toBe(false);
  });

  it('verifies a fixed hash computed once (the parameters in the string are honoured)', async () => {
    // scrypt('demo-pass-2026', salt 16×0x00, N=16384, r=8, p=1, 32 bytes)
    const stored = 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$4Q1VPwg60blG2IddfBYTQvOV6mOIrTX5vWcdxWkcM1U=';
    expect(await verifyPassword('demo-pass-2026', stored)).toBe(true);
    expect(await verifyPassword('demo-pass-2025', stored)).toBe(false);
    // the same key claimed under other parameters does not verify
    expect(await verifyPassword('demo-pass-2026', stored.replace('$8$1$', '$8$2$'))).toBe(false);
  });

  it('verifyPassword(x, null) is false, also for the empty password', async () => {
    expect(await verifyPassword('demo-pass-2026', null)).toBe(false);
    expect(await verifyPassword('', null)).toBe(false);
  });

  it('a stored value in another format is false', async () => {
    expect(await verifyPassword('demo-pass-2026', 'demo-pass-2026')).toBe(false);
    expect(await verifyPassword('demo-pass-2026', '')).toBe(false);
    expect(await verifyPassword('x', 'bcrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAA')).toBe(false);
    expect(await verifyPassword('x', 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==')).toBe(false);
  });

  // BUG: the key length is taken from the stored hash; an empty key part gives a zero-length scrypt output
  // that timingSafeEqual finds equal to the empty expected buffer, so ANY password verifies.
  it('a stored hash with an empty key part verifies no password', async () => {
    expect(await verifyPassword('anything', 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$')).toBe(false);
  });

  // Same root cause (the stored parameters are used unchecked): corrupt N/r/p make scrypt throw, so a login
  // against such a row rejects (a 500) instead of answering false.
  it.each([
    'scrypt$abc$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=',
    'scrypt$1$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=',
  ])('a stored hash with corrupt parameters (%s) is false, not an exception', async (stored) => {
    await expect(verifyPassword('x', stored)).resolves.toBe(false);
  });
});
