import { type ExecutionContext, SetMetadata, createParamDecorator } from '@nestjs/common';
import type { Request } from 'express';
import type { Principal } from '../../../shared/policy';

export const IS_PUBLIC = 'isPublic';

/** Marks a route that needs no token (health, login, OpenAPI). */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC, true);

export interface AuthedRequest extends Request {
  principal?: Principal & { name: string };
}

/** The caller, as the global guard resolved it from the bearer token. */
export const Actor = createParamDecorator((_: unknown, ctx: ExecutionContext): Principal => {
  const req = ctx.switchToHttp().getRequest<AuthedRequest>();
  if (!req.principal) throw new Error('Actor used on a public route');
  return req.principal;
});
