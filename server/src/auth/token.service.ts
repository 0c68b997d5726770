import { createHmac, timingSafeEqual } from 'node:crypto';
import { HttpStatus, Injectable } from '@nestjs/common';
import { Clock } from '../common/clock';
import { AppError } from '../common/app-error';
import { AppConfig } from '../config/config';

interface Claims {
  sub: string;
  iat: number;
  exp: number;
}

const b64 = (v: string | Buffer): string => Buffer.from(v).toString('base64url');

/** HS256 JSON Web Tokens carrying only the user id; roles are read fresh on every request. */
@Injectable()
export class TokenService {
  constructor(
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  issue(userId: string): { token: string; expiresAt: string } {
    const iat = Math.floor(this.clock.now().getTime() / 1000);
    const exp = iat + this.config.jwtTtlSeconds;
    const head = b64(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
    const body = b64(JSON.stringify({ sub: userId, iat, exp } satisfies Claims));
    return { token: `${head}.${body}.${this.sign(`${head}.${body}`)}`, expiresAt: new Date(exp * 1000).toISOString() };
  }

  /** Returns the user id, or throws 401. */
  verify(token: string): string {
    const parts = token.split('.');
    if (parts.length !== 3 || parts.some((p) => !p)) throw new AppError('UNAUTHENTICATED', HttpStatus.UNAUTHORIZED);
    const [head, body, sig] = parts;
    const expected = Buffer.from(this.sign(`${head}.${body}`));
    const given = Buffer.from(sig);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
      throw new AppError('UNAUTHENTICATED', HttpStatus.UNAUTHORIZED);
    }
    let claims: Partial<Claims> | null;
    try {
      claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as Partial<Claims> | null;
    } catch {
      throw new AppError('UNAUTHENTICATED', HttpStatus.UNAUTHORIZED);
    }
    if (typeof claims !== 'object' || claims === null || typeof claims.sub !== 'string' || typeof claims.exp !== 'number') {
      throw new AppError('UNAUTHENTICATED', HttpStatus.UNAUTHORIZED);
    }
    if (claims.exp * 1000 <= this.clock.now().getTime()) {
      throw new AppError('TOKEN_EXPIRED', HttpStatus.UNAUTHORIZED);
    }
    return claims.sub;
  }

  private sign(data: string): string {
    return createHmac('sha256', this.config.jwtSecret).update(data).digest('base64url');
  }
}
