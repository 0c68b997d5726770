import { type CanActivate, type ExecutionContext, HttpStatus, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { TokenService } from '../auth/token.service';
import { UsersService } from '../users/users.service';
import { AppError } from './app-error';
import { type AuthedRequest, IS_PUBLIC } from './auth.decorators';

/** The one global guard: a bearer token → the caller with current roles, unless the route is public. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
    private readonly users: UsersService,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [ctx.getHandler(), ctx.getClass()]);
    if (isPublic) return true;
    const req = ctx.switchToHttp().getRequest<AuthedRequest>();
    const header = req.headers.authorization ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) throw new AppError('UNAUTHENTICATED', HttpStatus.UNAUTHORIZED);
    const userId = this.tokens.verify(match[1]);
    const principal = await this.users.loadPrincipal(userId);
    if (!principal) throw new AppError('UNAUTHENTICATED', HttpStatus.UNAUTHORIZED);
    req.principal = principal;
    return true;
  }
}
