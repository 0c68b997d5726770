import { createHmac } from 'node:crypto';
import { HttpStatus } from '@nestjs/common';
import { AppError } from '../common/app-error';
import { Clock } from '../common/clock';
import { loadConfig } from '../config/config';
import { TokenService } from './token.service';

const SECRET = 'unit-test-secret-of-at-least-32-chars!!';
const OTHER_SECRET = 'another-secret-of-at-least-32-characters';
const NOW = new Date('2026-11-29T08:00:00.000Z');

const b64 = (v: string): string => Buffer.from(v).toString('base64url');

/** A token signed with SECRET over arbitrary parts, to reach the checks behind the signature. */
function signed(head: string, body: string, secret = SECRET): string {
  const sig = createHmac('sha256', secret).update(`${head}.${body}`).digest('base64url');
  return `${head}.${body}.${sig}`;
}

/** The AppError verify throws for token; fails the test if it returns instead. */
function rejection(service: TokenService, token: string): AppError {
  try {
    const userId = service.verify(token);
    throw new Error(`expected verify to throw, it returned ${userId}`);
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    return e;
  }
}

describe('TokenService', () => {
  let clock: Clock;
  let service: TokenService;

  beforeEach(() => {
    jest.useFakeTimers({ now: NOW });
    clock = new Clock();
    service = new TokenService(loadConfig({ JWT_SECRET: SECRET, JWT_TTL_HOURS: '2' }), clock);
  });

  afterEach(() => {
    jest.useRealTimers();
  });

  it('round-trips: verify returns the user id that was issued', () => {
    const { token } = service.issue('user-42');
    expect(service.verify(token)).toBe('user-42');
  });

  it('round-trips ids with non-ASCII and punctuation', () => {
    const id = '用户-1.2_3/4+5=';
    expect(service.verify(service.issue(id).token)).toBe(id);
  });

  it('issues a three-part JWT carrying sub, iat and exp (ttl from the config)', () => {
    const { token, expiresAt } = service.issue('user-42');
    const parts = token.split('.');
    expect(parts).toHaveLength(3);
    expect(JSON.parse(Buffer.from(parts[0], 'base64url').toString('utf8'))).toEqual({ alg: 'HS256', typ: 'JWT' });
    const iat = NOW.getTime() / 1000;
    expect(JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'))).toEqual({
      sub: 'user-42',
      iat,
      exp: iat + 2 * 3600,
    });
    expect(expiresAt).toBe('2026-11-29T10:00:00.000Z');
  });

  it('uses the default 72-hour lifetime when JWT_TTL_HOURS is unset', () => {
    const s = new TokenService(loadConfig({ JWT_SECRET: SECRET }), clock);
    expect(s.issue('u').expiresAt).toBe('2026-12-02T08:00:00.000Z');
  });

  it('takes "now" from the injected clock', () => {
    clock.advance(60 * 60 * 1000);
    expect(service.issue('u').expiresAt).toBe('2026-11-29T11:00:00.000Z');
  });

  it('is valid until just before the expiry and expired after it: TOKEN_EXPIRED / 401', () => {
    const { token } = service.issue('user-42');
    clock.advance(2 * 3600 * 1000 - 1000);
    expect(service.verify(token)).toBe('user-42');
    clock.advance(2000); // now ttl + 1 s after issue
    const err = rejection(service, token);
    expect(err.code).toBe('TOKEN_EXPIRED');
    expect(err.status).toBe(HttpStatus.UNAUTHORIZED);
    expect(err.status).toBe(401);
  });

  it('is expired at exactly exp', () => {
    const { token } = service.issue('user-42');
    clock.advance(2 * 3600 * 1000);
    expect(rejection(service, token).code).toBe('TOKEN_EXPIRED');
  });

  it('is expired after ttl + 1 s', () => {
    const { token } = service.issue('user-42');
    clock.advance((2 * 3600 + 1) * 1000);
    const err = rejection(service, token);
    expect([err.code, err.status]).toEqual(['TOKEN_EXPIRED', 401]);
  });

  describe('rejects with UNAUTHENTICATED / 401', () => {
    const expectUnauthenticated = (token: string): void => {
      const err = rejection(service, token);
      expect(err.code).toBe('UNAUTHENTICATED');
      expect(err.status).toBe(401);
    };

    it('a tampered payload (another user id, same signature)', () => {
      const [head, , sig] = service.issue('user-42').token.split('.');
      const iat = NOW.getTime() / 1000;
      const forged = b64(JSON.stringify({ sub: 'admin-1', iat, exp: iat + 7200 }));
      expectUnauthenticated(`${head}.${forged}.${sig}`);
    });

    it('a tampered expiry (same user, later exp, same signature)', () => {
      const [head, , sig] = service.issue('user-42').token.split('.');
      const iat = NOW.getTime() / 1000;
      const forged = b64(JSON.stringify({ sub: 'user-42', iat, exp: iat + 365 * 86400 }));
      expectUnauthenticated(`${head}.${forged}.${sig}`);
    });

    it('a tampered signature', () => {
      const { token } = service.issue('user-42');
      const last = token[token.length - 1];
      expectUnauthenticated(token.slice(0, -1) + (last === 'A' ? 'B' : 'A'));
      expectUnauthenticated(token.slice(0, -1));
      expectUnauthenticated(`${token}A`);
    });

    it('a token signed with another secret', () => {
      const other = new TokenService(loadConfig({ JWT_SECRET: OTHER_SECRET, JWT_TTL_HOURS: '2' }), clock);
      const { token } = other.issue('user-42');
      expect(other.verify(token)).toBe('user-42');
      expectUnauthenticated(token);
    });

    it('an expired token with a bad signature is UNAUTHENTICATED, not TOKEN_EXPIRED', () => {
      const other = new TokenService(loadConfig({ JWT_SECRET: OTHER_SECRET, JWT_TTL_HOURS: '2' }), clock);
      const { token } = other.issue('user-42');
      clock.advance(3 * 3600 * 1000);
      expectUnauthenticated(token);
    });

    it.each([
      ['garbage', 'garbage'],
      ['empty', ''],
      ['one part', 'abc'],
      ['two parts', 'abc.def'],
      ['empty signature', 'abc.def.'],
      ['empty payload', 'abc..ghi'],
      ['empty header', '.def.ghi'],
      ['dots only', '..'],
      ['spaces', 'a b.c d.e f'],
    ])('%s', (_name, token) => {
      expectUnauthenticated(token);
    });

    it('an unsigned "alg: none" token', () => {
      const iat = NOW.getTime() / 1000;
      const head = b64(JSON.stringify({ alg: 'none', typ: 'JWT' }));
      const body = b64(JSON.stringify({ sub: 'user-42', iat, exp: iat + 7200 }));
      expectUnauthenticated(`${head}.${body}.`);
      expectUnauthenticated(`${head}.${body}`);
    });

    it('a correctly signed payload that is not JSON', () => {
      expectUnauthenticated(signed(b64('{"alg":"HS256"}'), b64('not json')));
    });

    it('a correctly signed payload without sub or exp, or with the wrong types', () => {
      const head = b64(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
      const exp = NOW.getTime() / 1000 + 7200;
      expectUnauthenticated(signed(head, b64(JSON.stringify({ exp }))));
      expectUnauthenticated(signed(head, b64(JSON.stringify({ sub: 'user-42' }))));
      expectUnauthenticated(signed(head, b64(JSON.stringify({ sub: 42, exp }))));
      expectUnauthenticated(signed(head, b64(JSON.stringify({ sub: 'user-42', exp: String(exp) }))));
      expectUnauthenticated(signed(head, b64('42')));
      expectUnauthenticated(signed(head, b64('"user-42"')));
    });

    // BUG (needs the secret to reach, so low severity): a correctly signed payload of JSON `null` makes
    // verify read `null.sub` and throw a TypeError (a 500) instead of UNAUTHENTICATED.
    it('a correctly signed payload of JSON null', () => {
      const head = b64(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
      expectUnauthenticated(signed(head, b64('null')));
    });

    // BUG: verify splits on '.' and ignores anything after the third part, so a valid token with extra
    // segments appended is accepted. A JWS compact token has exactly three parts.
    it('a valid token with an extra segment appended', () => {
      const { token } = service.issue('user-42');
      expectUnauthenticated(`${token}.extra`);
      expectUnauthenticated(`${token}.`);
    });
  });

  it('a correctly signed payload is accepted whatever the header says (the header is not trusted)', () => {
    // sanity check of the helper: a well-formed token built by hand verifies, so the rejections above are
    // caused by what they change
    const head = b64(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
    const exp = NOW.getTime() / 1000 + 60;
    expect(service.verify(signed(head, b64(JSON.stringify({ sub: 'user-7', exp }))))).toBe('user-7');
  });
});
